/**
 * One subnet's epoch as the block pipeline runs it (tokenomics.md §3.2–3.5): gather the neuron
 * table and the stake the epoch sees (childkey-inherited alpha and root stake from the ledger),
 * run Yuma on E_ep = server + validator + root (the owner cut is not part of it) — the variant
 * `state.epochVariant` names, else the subnet's own from `Yuma3On` — persist bonds,
 * permits and per-UID emission, then turn the epoch's per-UID incentive and dividend amounts into
 * stake (`distribute_emission`) and apply due childkey changes.
 *
 * Chain: pallets/subtensor/src/coinbase/run_coinbase.rs `drain_pending` → `epoch_with_mechanisms`
 * → `distribute_emission`, block_step.rs (childkey application after the epoch) at 14bc6f9.
 */
import type { DrainedEpoch } from '../coinbase/epochSchedule.ts';
import { runSubnetEpoch, type SubnetEpochOutput } from '../epoch/mechanisms.ts';
import type { Arena } from '../../primitives/arena.ts';
import { applyPendingChildKeys } from '../staking/childKeys.ts';
import { distributeEmission, type DistributionResult } from '../staking/distributeEmission.ts';
import { epochStakeOfHotkeys } from '../staking/epochStake.ts';
import type { ChainState, SubnetChain } from './chainState.ts';
import { gatherEpochInputs, persistBonds } from './subnetNeurons.ts';

export interface EpochReport {
  readonly netuid: number;
  readonly block: number;
  readonly drained: DrainedEpoch;
  /** E_ep handed to Yuma, alpha-rao. */
  readonly epochEmissionRao: bigint;
  readonly distribution: DistributionResult;
  /**
   * Yuma's merged outputs (per-UID stake weight, consensus, trust, incentive, dividends …). When the
   * block ran with an epoch arena, valid only until the next epoch that uses it.
   */
  readonly output: SubnetEpochOutput;
}

export function runDueEpoch(state: ChainState, subnet: SubnetChain, drained: DrainedEpoch, workspace?: Arena): EpochReport {
  const block = state.block;
  const nrn = subnet.neurons;
  const econ = subnet.economy;
  const epochEmissionRao = drained.serverRao + drained.validatorRao + drained.rootRao;
  const hyperparameters = { ...subnet.hyperparameters, tempoBlocks: econ.tempoBlocks, taoWeightRaw: state.globals.taoWeightRaw };
  const { alphaStakeRao, rootStakeRao } = subnet.epochStakeOverride ?? epochStakeOfHotkeys(state.ledger, subnet.netuid, nrn.hotkeys);
  const ownerIndex = nrn.hotkeys.indexOf(subnet.ownerHotkey);
  // The scheduler has already counted this epoch; commit expiry reads the index of the epoch running now.
  nrn.currentEpoch = Number(econ.epochIndex);
  const ctx = { block, ownerUid: ownerIndex < 0 ? null : ownerIndex, alphaStakeRao, rootStakeRao, hyperparameters };
  const result = runSubnetEpoch(
    subnet.mechanismCount,
    epochEmissionRao,
    (m, e) => {
      const inputs = gatherEpochInputs(nrn, ctx, m, e);
      if (inputs === null) throw new RangeError(`subnet ${subnet.netuid}: mechanism ${m} does not exist`);
      return inputs;
    },
    {
      mode: state.mode,
      ...(state.epochVariant === null ? {} : { variant: state.epochVariant }),
      ...(workspace === undefined ? {} : { workspace }),
      ...(subnet.emissionSplitU16 === undefined ? {} : { emissionSplitU16: subnet.emissionSplitU16 }),
    },
  );
  result.mechanisms.forEach((o, m) => persistBonds(nrn.mechanisms[m]!, o.bondsU16));
  nrn.validatorPermit = [...result.newValidatorPermit];
  nrn.lastMechanismStepBlock = block;
  for (let uid = 0; uid < nrn.n; uid++) subnet.lastEmissionRao[uid] = result.emissionRao[uid] ?? 0n;

  const distribution = distributeEmission(state.ledger, econ, drained, nrn.hotkeys, result.serverEmissionRao, result.validatorEmissionRao, {
    netuid: subnet.netuid,
    block,
    ownerColdkey: subnet.ownerColdkey,
    ownerHotkey: subnet.ownerHotkey,
    taoWeightRaw: state.globals.taoWeightRaw,
    recycleOwnerIncentive: subnet.recycleOwnerIncentive,
  });
  for (let uid = 0; uid < nrn.n; uid++) {
    subnet.lastIncentiveRao[uid] = distribution.incentiveCreditRao[uid] ?? 0n;
    subnet.lastDividendRao[uid] = distribution.dividendCreditRao[uid] ?? 0n;
  }
  applyPendingChildKeys(state.ledger, subnet.netuid, block);
  state.totals.epochsRun += 1;
  return { netuid: subnet.netuid, block, drained, epochEmissionRao, distribution, output: result };
}
