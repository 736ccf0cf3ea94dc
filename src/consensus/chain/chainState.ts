/**
 * The whole simulated chain as plain data: the global economy (issuance, coinbase parameters), the
 * staking ledger, the root pool, one record per subnet (pool economy + neuron table + registration
 * price + hyperparameters), the network-registration lock state, and running totals the invariant
 * checker audits. Every block goes through `stepBlock`; every user action through the extrinsics in
 * this folder. Nothing here is hidden in closures, so a state deep-copies with `structuredClone`
 * and serialises field by field (DESIGN.md: state is data).
 *
 * Chain: the storage of pallets/subtensor/src/lib.rs at 14bc6f9 that these modules read and write.
 */
import { DEFAULT_QUOTE_WEIGHT_PARTS } from '../amm/poolState.ts';
import { defaultCoinbaseGlobals, type CoinbaseGlobals, type SubnetEconomy } from '../coinbase/subnetEconomy.ts';
import type { NumericMode } from '../epoch/arithmetic.ts';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../epoch/defaults.ts';
import type { EpochHyperparameters } from '../epoch/types.ts';
import { createStakeLedger, registerHotkey, type StakeLedger } from '../staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../staking/stakeUpdates.ts';
import { ROOT_NETUID, type StakingSubnet } from '../staking/stakingSubnet.ts';
import type { RegistrationBurnParams } from '../subnets/registrationBurn.ts';
import type { SubnetNeurons } from './subnetNeurons.ts';

/** Neuron-registration price state of one subnet (tokenomics.md §8.1). */
export interface RegistrationPrice extends RegistrationBurnParams {
  /** `Burn`: what the next burned registration costs, rao. */
  burnRao: bigint;
  /** `RAORecycledForRegistration`: Σ burns paid on this subnet, rao. */
  raoRecycledRao: bigint;
  /** `RegistrationsThisBlock`. */
  registrationsThisBlock: number;
}

/** Capacity and turnover rules of one subnet (tokenomics.md §8.2). */
export interface TurnoverParams {
  /** `MaxAllowedUids`. */
  maxAllowedUids: number;
  /** `ImmunityPeriod`, blocks. */
  immunityPeriodBlocks: number;
  /** `MinNonImmuneUids`. */
  minNonImmuneUids: number;
  /** `ImmuneOwnerUidsLimit`. */
  immuneOwnerUidsLimit: number;
}

/** Who may set weights how often (spec/yuma.md §4, §5.1). */
export interface WeightsParams {
  /** `MinAllowedWeights`: entries a `set_weights` needs (capped at n; a single self-weight is exempt). */
  minAllowedWeights: number;
  /** `MaxWeightsLimit`: largest normalised single weight (/65535); 65535 disables the check. */
  maxWeightLimitU16: number;
  /** `WeightsSetRateLimit`: blocks between two weight sets (or commits) of a UID. */
  weightsSetRateLimitBlocks: number;
  /** `WeightsVersionKey`: a `set_weights` with a lower version is refused (0 disables). */
  weightsVersionKey: number;
}

/** Values a new subnet gets (spec/yuma.md §4). */
export function defaultWeightsParams(): WeightsParams {
  return { minAllowedWeights: 1, maxWeightLimitU16: 65535, weightsSetRateLimitBlocks: 100, weightsVersionKey: 0 };
}

/**
 * A timelocked weight commit (CR-v3/v4) waiting for its reveal: the chain decrypts it at the start
 * of the block in which epoch `epoch + RevealPeriodEpochs` fires. The payload is kept in clear —
 * a simulation has no drand — and is invisible to agents until revealed.
 */
export interface TimelockedCommit {
  readonly uid: number;
  readonly hotkey: string;
  readonly mechanism: number;
  readonly block: number;
  /** Epoch index at commit time. */
  readonly epoch: number;
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly versionKey: number;
}

export interface SubnetChain {
  readonly netuid: number;
  /** Pool, pending emission, scheduler and price state (what the coinbase works on). */
  readonly economy: SubnetEconomy;
  /** UIDs, hotkeys (always tracked here), weights, bonds, permits. */
  readonly neurons: SubnetNeurons & { hotkeys: (string | null)[] };
  /** `SubnetOwner` (coldkey) and `SubnetOwnerHotkey`. */
  ownerColdkey: string;
  ownerHotkey: string;
  /** Epoch hyperparameters; `tempoBlocks` mirrors `economy.tempoBlocks`, `taoWeightRaw` the global. */
  hyperparameters: EpochHyperparameters;
  /** `MechanismCountCurrent` and `MechanismEmissionSplit` (absent = even split). */
  mechanismCount: number;
  emissionSplitU16?: readonly number[];
  registration: RegistrationPrice;
  turnover: TurnoverParams;
  weights: WeightsParams;
  /** Unrevealed timelocked commits, chronological (their masks live in `neurons.commits`). */
  pendingCommits: TimelockedCommit[];
  /** `RecycleOrBurn`: true = incentive of the owner's own hotkeys is recycled (else burned). */
  recycleOwnerIncentive: boolean;
  /** `Emission` per UID from the last epoch, alpha-rao (pruning reads it). */
  lastEmissionRao: bigint[];
  /** Per UID, the last epoch's incentive and dividend credits, alpha-rao (for metrics). */
  lastIncentiveRao: bigint[];
  lastDividendRao: bigint[];
  /**
   * Stake input of the next epochs given from outside instead of the ledger (replaying archived or
   * hand-made cases through the epoch); undefined = from the ledger, as on chain.
   */
  epochStakeOverride?: { readonly alphaStakeRao: readonly bigint[]; readonly rootStakeRao: readonly bigint[] } | undefined;
  /** `SubnetLocked`: TAO the registration locked into the pool, rao. */
  lockedRao: bigint;
  /** `NetworkRegisteredAt`. */
  registeredAtBlock: number;
}

/** Subnet registration rules and lock state (tokenomics.md §8.3–8.4). */
export interface NetworkRegistration {
  /** `NetworkLastLockCost`, rao. */
  lastLockRao: bigint;
  /** `NetworkLastRegistered`: 0 = never. */
  lastLockBlock: number;
  /** `NetworkMinLockCost`, rao. */
  minLockRao: bigint;
  /** `NetworkLockReductionInterval`, blocks at 1 TAO per block. */
  lockReductionIntervalBlocks: number;
  /** `NetworkRateLimit`: blocks between two subnet registrations, network-wide. */
  rateLimitBlocks: number;
  /** `SubnetLimit`: non-root subnets. */
  subnetLimit: number;
  /** `NetworkImmunityPeriod`, blocks. */
  immunityPeriodBlocks: number;
  /** `StartCallDelay`, blocks. */
  startCallDelayBlocks: number;
}

/**
 * Cumulative amounts the invariant checker needs to balance the books: TAO that left every account
 * without lowering issuance (burned fees) and TAO recycled (which did lower it).
 */
export interface ChainTotals {
  /** TAO burned (swap fees without a block author): still counted in issuance, owned by nobody. */
  burnedTaoRao: bigint;
  /** TAO recycled (issuance lowered), all causes. */
  recycledTaoRao: bigint;
  /** TAO minted by the coinbase. */
  mintedTaoRao: bigint;
  /** Epochs that ran (all subnets). */
  epochsRun: number;
  /**
   * Times root stake was credited (stake, move or root-claim swap into root). The chain moves
   * `RootClaimed` by floor(rate × Δstake) per subnet, so each credit can leave its holder owed up
   * to 1 alpha-rao more than was ever credited on each subnet (tokenomics.md invariants 15 and 26
   * hold only up to this); the invariant checker allows that much.
   */
  rootStakeCredits: number;
}

export interface ChainState {
  /** The block `stepBlock` ran last (0 = genesis, before any block). */
  block: number;
  /** `chain` = bit-exact; `float` = the float64 fast path of the coinbase and the epoch. */
  readonly mode: NumericMode;
  /**
   * The epoch mechanism every subnet runs, as a key of the epoch-variant registry
   * (epoch/variants.ts); null = each subnet's own choice from `Yuma3On`, as on chain. A name, not
   * the variant itself, so the state stays plain data.
   */
  readonly epochVariant: string | null;
  readonly globals: CoinbaseGlobals;
  readonly ledger: StakeLedger;
  /** Root (netuid 0): a stable 1:1 pool whose `taoReserveRao` is `SubnetTAO[root]`. */
  readonly root: StakingSubnet;
  /** Non-root subnets, ascending netuid. */
  readonly subnets: SubnetChain[];
  readonly network: NetworkRegistration;
  /**
   * TAO that exists (counted in issuance) but sits outside every simulated account and pool: the
   * rest of the world's holdings at genesis. Keeps `issuance = Σ holdings` exact without modelling
   * every account of a real network.
   */
  externalTaoRao: bigint;
  /** Coldkey credited with swap fees (`None` on a chain without an author: fees are burned). */
  blockAuthorColdkey?: string;
  /** `StakingParams`-like knobs the extrinsics read. */
  minStakeRao: bigint;
  readonly totals: ChainTotals;
}

export interface ChainOptions {
  readonly mode?: NumericMode;
  /** A key of the epoch-variant registry forced on every subnet; absent = the chain's choice per subnet. */
  readonly epochVariant?: string | null;
  /** `TotalIssuance` at genesis, rao. */
  readonly issuanceRao: bigint;
  /** Free balances at genesis; they are part of the issuance (the rest is external). */
  readonly balancesRao?: Readonly<Record<string, bigint>>;
  /** Root stake at genesis, part of the issuance: (hotkey, coldkey, TAO). */
  readonly rootStakes?: readonly { hotkey: string; coldkey: string; taoRao: bigint }[];
  readonly globals?: Partial<CoinbaseGlobals>;
  readonly network?: Partial<NetworkRegistration>;
  readonly blockAuthorColdkey?: string;
  readonly minStakeRao?: bigint;
}

/** Mainnet values after the lock-cost migration (tokenomics.md §8.3–8.4, §9). */
export const DEFAULT_NETWORK_REGISTRATION: NetworkRegistration = Object.freeze({
  lastLockRao: 1_250_000_000_000n,
  lastLockBlock: 0,
  minLockRao: 1_000_000_000_000n,
  lockReductionIntervalBlocks: 57_600,
  rateLimitBlocks: 28_800,
  subnetLimit: 128,
  immunityPeriodBlocks: 864_000,
  startCallDelayBlocks: 0,
});

/** New-subnet registration price defaults (tokenomics.md §8.1). */
export function defaultRegistrationPrice(): RegistrationPrice {
  return {
    burnRao: 1_000_000_000n,
    minBurnRao: 500_000n,
    maxBurnRao: 100_000_000_000n,
    burnHalfLifeBlocks: 360,
    // 1.26 as U64F64: floor(1.26 · 2^64).
    burnIncreaseMultU64F64: (126n << 64n) / 100n,
    raoRecycledRao: 0n,
    registrationsThisBlock: 0,
  };
}

/** New-subnet capacity defaults (tokenomics.md §8.2). */
export function defaultTurnoverParams(): TurnoverParams {
  return { maxAllowedUids: 256, immunityPeriodBlocks: 5_000, minNonImmuneUids: 10, immuneOwnerUidsLimit: 1 };
}

export function defaultSubnetHyperparameters(taoWeightRaw: bigint): EpochHyperparameters {
  return { ...NEW_SUBNET_EPOCH_HYPERPARAMETERS, taoWeightRaw };
}

/** A chain at block 0: balances and root stake as given, no subnets. */
export function createChain(o: ChainOptions): ChainState {
  const globals = defaultCoinbaseGlobals({ ...o.globals, totalIssuanceRao: o.issuanceRao });
  const ledger = createStakeLedger();
  let held = 0n;
  for (const coldkey of Object.keys(o.balancesRao ?? {}).sort()) {
    const amount = o.balancesRao![coldkey]!;
    if (amount < 0n) throw new RangeError(`balance of ${coldkey} must be ≥ 0`);
    ledger.balanceRao.set(coldkey, amount);
    held += amount;
  }
  const root: StakingSubnet = {
    netuid: ROOT_NETUID,
    pool: { taoReserveRao: 0n, alphaReserveRao: 0n, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS, initialized: true, mechanism: 0 },
    alphaOutRao: 0n,
  };
  const state: ChainState = {
    block: 0,
    mode: o.mode ?? 'chain',
    epochVariant: o.epochVariant ?? null,
    globals,
    ledger,
    root,
    subnets: [],
    network: { ...DEFAULT_NETWORK_REGISTRATION, ...o.network },
    externalTaoRao: 0n,
    minStakeRao: o.minStakeRao ?? 2_000_000n,
    totals: { burnedTaoRao: 0n, recycledTaoRao: 0n, mintedTaoRao: 0n, epochsRun: 0, rootStakeCredits: 0 },
    ...(o.blockAuthorColdkey === undefined ? {} : { blockAuthorColdkey: o.blockAuthorColdkey }),
  };
  for (const s of o.rootStakes ?? []) {
    genesisRootStake(state, s.hotkey, s.coldkey, s.taoRao);
    held += s.taoRao;
  }
  if (held > o.issuanceRao) throw new RangeError(`genesis balances and stake (${held} rao) exceed the issuance (${o.issuanceRao} rao)`);
  state.externalTaoRao = o.issuanceRao - held;
  globals.rootTaoRao = root.pool.taoReserveRao;
  return state;
}

/** Genesis root stake: TAO 1:1 into root, no balance debited (it is part of the genesis issuance). */
function genesisRootStake(state: ChainState, hotkey: string, coldkey: string, taoRao: bigint): void {
  if (taoRao <= 0n) throw new RangeError(`root stake of ${hotkey} must be > 0`);
  registerHotkey(state.ledger, hotkey, coldkey);
  increaseStakeForHotkeyAndColdkey(state.ledger, hotkey, coldkey, ROOT_NETUID, taoRao);
  state.root.pool.taoReserveRao += taoRao;
  state.root.alphaOutRao += taoRao;
}

/** The subnet record of `netuid`, or undefined. */
export function subnetOf(state: ChainState, netuid: number): SubnetChain | undefined {
  // Subnets are few (≤ 129) and sorted; a linear scan is cheaper than keeping a map in sync.
  for (const s of state.subnets) if (s.netuid === netuid) return s;
  return undefined;
}
