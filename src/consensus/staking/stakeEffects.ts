/**
 * What an operation did to the economy outside the ledger, reported with every success so a caller
 * can keep `TotalStake`, `TotalIssuance`, the TAO-flow inputs and alpha accounting exact:
 *
 *   - `pools`: for each subnet the operation touched, how `SubnetTAO`, `SubnetAlphaIn` and
 *     `SubnetAlphaOut` moved (after minus before);
 *   - `taoFlows`: the flow counters the chain bumps (`record_tao_inflow` / `record_tao_outflow` for
 *     user stake and unstake, a protocol outflow for a root-claim sale);
 *   - `fees`: swap fees, split into what the block author received and what was burned;
 *   - `totalStakeDeltaRao`: the change of `TotalStake` as the chain computes it — + the gross TAO
 *     handed to a buy (fee included, tokenomics.md §11.7), − the TAO paid to the seller of a sell
 *     (`swap_alpha_for_tao` subtracts `amount_paid_out`; the fee resale's TAO, which leaves the pool
 *     for the author, is not subtracted — our reading of the swap pallet at 14bc6f9);
 *   - `strandedTaoRao`: TAO that left a pool and was credited to nobody (a cross-subnet move whose
 *     unstaked TAO is below the minimum is not restaked; the chain credits it nowhere). Issuance is
 *     unchanged by it, like a burn.
 *
 * Flow recording: when a subnet record carries the coinbase's flow counters (a `SubnetEconomy`
 * passed as the `StakingSubnet`), the operation records its flows on it itself, through
 * `recordTaoFlow` / `recordProtocolFlow`, exactly as the chain does inside `stake_into_subnet` /
 * `unstake_from_subnet` / `root_claim_on_subnet`. `taoFlows` then only reports them: a caller must
 * not record them a second time. A plain `StakingSubnet` without counters records nothing.
 */
import { recordProtocolFlow, recordTaoFlow } from '../coinbase/taoFlowShares.ts';
import type { SubnetEconomy } from '../coinbase/subnetEconomy.ts';
import type { SwapSide } from '../amm/limitDeltaIn.ts';
import { feesOfSwap, type ExecutedSwap } from './poolSwap.ts';
import { addFees, NO_FEES, type FeeOutcome, type TaoFlow } from './stakeOperation.ts';
import type { StakingSubnet } from './stakingSubnet.ts';

export interface PoolChange {
  readonly netuid: number;
  /** Δ`SubnetTAO`, rao. */
  readonly taoReserveDeltaRao: bigint;
  /** Δ`SubnetAlphaIn`, alpha-rao. */
  readonly alphaReserveDeltaRao: bigint;
  /** Δ`SubnetAlphaOut`, alpha-rao. */
  readonly alphaOutDeltaRao: bigint;
}

export interface StakeEffects {
  readonly pools: readonly PoolChange[];
  readonly taoFlows: readonly TaoFlow[];
  readonly fees: FeeOutcome;
  readonly totalStakeDeltaRao: bigint;
  readonly strandedTaoRao: bigint;
}

interface Snapshot {
  readonly subnet: StakingSubnet;
  readonly taoRao: bigint;
  readonly alphaInRao: bigint;
  readonly alphaOutRao: bigint;
}

function hasFlowCounters(subnet: StakingSubnet): subnet is StakingSubnet & SubnetEconomy {
  const s = subnet as Partial<SubnetEconomy>;
  return typeof s.userFlowBlockRao === 'bigint' && typeof s.protocolFlowBlockRao === 'bigint';
}

/** Collects the effects of one operation while it commits. */
export class EffectsRecorder {
  private readonly snapshots = new Map<number, Snapshot>();
  private readonly flows: TaoFlow[] = [];
  private fees: FeeOutcome = NO_FEES;
  private totalStakeDelta = 0n;
  private stranded = 0n;

  /**
   * Call before the first change to a subnet's pool or `SubnetAlphaOut`, or after it with the
   * values it had before (`before`), when the change may not happen at all.
   */
  touch(subnet: StakingSubnet, before: Pick<StakingSubnet, 'pool' | 'alphaOutRao'> = subnet): void {
    if (this.snapshots.has(subnet.netuid)) return;
    this.snapshots.set(subnet.netuid, {
      subnet,
      taoRao: before.pool.taoReserveRao,
      alphaInRao: before.pool.alphaReserveRao,
      alphaOutRao: before.alphaOutRao,
    });
  }

  /** A swap ran: its fees, and its `TotalStake` change (`grossRao` = the TAO handed to a buy). */
  swap(side: SwapSide, swap: ExecutedSwap, grossRao: bigint): void {
    this.fees = addFees(this.fees, feesOfSwap(side, swap));
    this.totalStakeDelta += side === 'buy' ? grossRao : -swap.paidOutRao;
  }

  /** `TotalStake` moved outside a swap (root stake created by a root claim). */
  totalStake(deltaRao: bigint): void {
    this.totalStakeDelta += deltaRao;
  }

  /** Records a flow on the subnet (if it keeps counters) and reports it. */
  flow(subnet: StakingSubnet, deltaRao: bigint, source: TaoFlow['source']): void {
    if (deltaRao === 0n) return;
    this.flows.push({ netuid: subnet.netuid, deltaRao, source });
    if (!hasFlowCounters(subnet)) return;
    if (source === 'user') recordTaoFlow(subnet, deltaRao);
    else recordProtocolFlow(subnet, deltaRao);
  }

  strand(taoRao: bigint): void {
    this.stranded += taoRao;
  }

  finish(): StakeEffects {
    const pools: PoolChange[] = [...this.snapshots.values()]
      .sort((a, b) => a.subnet.netuid - b.subnet.netuid)
      .map((s) => ({
        netuid: s.subnet.netuid,
        taoReserveDeltaRao: s.subnet.pool.taoReserveRao - s.taoRao,
        alphaReserveDeltaRao: s.subnet.pool.alphaReserveRao - s.alphaInRao,
        alphaOutDeltaRao: s.subnet.alphaOutRao - s.alphaOutRao,
      }));
    return { pools, taoFlows: this.flows, fees: this.fees, totalStakeDeltaRao: this.totalStakeDelta, strandedTaoRao: this.stranded };
  }
}
