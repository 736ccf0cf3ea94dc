/**
 * The per-subnet economic state the coinbase and the epoch scheduler read and write, and the few
 * global values they need. One `SubnetEconomy` maps 1:1 onto a conformance `coinbase` subnet
 * (shared/spec/conformance.md §8) plus the scheduler fields of an `epoch_schedule` subnet (§13),
 * so the chain state of a simulated network can hold one of these per subnet and hand the array
 * to `runCoinbase` and `drainDueEpochs` every block.
 *
 * Names are the chain storage items at 14bc6f9 (pallets/subtensor/src/lib.rs) in camelCase with a
 * unit suffix. Amounts are integer `bigint` (rao for TAO, alpha-rao for a subnet's alpha); fixed-
 * point values keep the chain's raw integer (value = raw / 2^frac) so chain mode stays bit-exact;
 * block numbers are u64 `bigint` like on chain.
 */
import { DEFAULT_QUOTE_WEIGHT_PARTS, type PoolMechanism, type PoolState } from '../amm/poolState.ts';
import { DEFAULT_MINIMUM_RESERVE_RAO } from '../amm/swapStep.ts';

export interface SubnetEconomy {
  /** Subnet id (u16). 0 is root, which the coinbase never emits to. */
  readonly netuid: number;
  /**
   * The subnet's AMM pool: `taoReserveRao` = `SubnetTAO`, `alphaReserveRao` = `SubnetAlphaIn`,
   * `quoteWeightParts` = the balancer's TAO weight (`SwapBalancer`, Perquintill parts),
   * `initialized` = `PalSwapInitialized`, `mechanism` = `SubnetMechanism` (0 stable, 1 dynamic).
   */
  pool: PoolState;
  /** `SubnetAlphaOut`: alpha outside the pool (staked, pending, protocol-owned or unowned), alpha-rao. */
  alphaOutRao: bigint;
  /** `SubnetProtocolAlpha`: alpha bought by chain buys, owned by nobody, alpha-rao (part of alphaOut). */
  protocolAlphaRao: bigint;
  /** `FirstEmissionBlockNumber`: set by `start_call`; `null` = not started (no emission). */
  firstEmissionBlock: bigint | null;
  /** `SubtokenEnabled` (set by `start_call`). */
  subtokenEnabled: boolean;
  /** `NetworkRegistrationAllowed`. */
  registrationAllowed: boolean;
  /** `SubnetEmissionEnabled`: false zeroes the TAO side (tao_in, alpha_in, excess), never alpha_out. */
  emissionEnabled: boolean;
  /** Per-subnet owner-cut switch (`OwnerCutEnabled`); false sends the whole alpha_out to the 50/50 split. */
  ownerCutEnabled: boolean;
  /** `SubnetMovingPrice`: EMA of min(spot, 1), I96F32 raw (value × 2^32), TAO per alpha. */
  movingPriceI96F32: bigint;
  /** `MinerBurned`: share of the last epoch's miner incentive withheld, U96F32 raw. */
  minerBurnedU96F32: bigint;
  /** `EMAPriceHalvingBlocks`: the b/(b + H) ramp of the moving price, blocks. */
  emaPriceHalvingBlocks: bigint;
  /** `PendingServerEmission`: miners' alpha waiting for the next epoch, alpha-rao. */
  pendingServerRao: bigint;
  /** `PendingValidatorEmission`: alpha-stake validators' alpha waiting for the next epoch, alpha-rao. */
  pendingValidatorRao: bigint;
  /** `PendingRootAlphaDivs`: root stakers' alpha waiting for the next epoch, alpha-rao. */
  pendingRootRao: bigint;
  /** `PendingOwnerCut`: the owner's alpha waiting for the next epoch, alpha-rao. */
  pendingOwnerCutRao: bigint;
  /** `SubnetTaoInEmission`: TAO injected into the pool in the last coinbase, rao. */
  taoInEmissionRao: bigint;
  /** `SubnetAlphaInEmission`: alpha injected into the pool in the last coinbase, alpha-rao. */
  alphaInEmissionRao: bigint;
  /** `SubnetAlphaOutEmission`: alpha_out minted in the last coinbase, alpha-rao. */
  alphaOutEmissionRao: bigint;
  /** `SubnetExcessTao`: TAO spent on the chain buy in the last coinbase, rao. */
  excessTaoRao: bigint;
  /**
   * TAO credited to the subnet account for a chain buy that the pool refused (e.g. an output that
   * rounds to 0): it is counted in issuance but not in `SubnetTAO` or `TotalStake`, and is recycled
   * only when the subnet is dissolved (tokenomics.md §2.8). rao. Not a chain storage item: the
   * chain keeps it as part of the subnet account's free balance.
   */
  strandedTaoRao: bigint;
  /** `Tempo`: blocks between epochs (u16); 0 disables epochs. */
  tempoBlocks: number;
  /** `LastEpochBlock` (block of the last consumed epoch slot). */
  lastEpochBlock: bigint;
  /** `PendingEpochAt`: an owner-triggered or deferred epoch is due from this block; 0 = none. */
  pendingEpochAt: bigint;
  /** `BlocksSinceLastStep`: blocks since the last successful epoch. */
  blocksSinceLastStep: bigint;
  /** `SubnetEpochIndex`: epochs run so far (also the commit-reveal epoch counter). */
  epochIndex: bigint;
  /** False when the Keys map holds a duplicate hotkey: every epoch is skipped and pending keeps growing. */
  hotkeysConsistent: boolean;
  /**
   * `SubnetTaoFlow` (this block): net user TAO flow into the subnet since the flow EMA last advanced —
   * stake and registration TAO in (+), unstake TAO out (−), rao. Fed by `recordTaoFlow`.
   */
  userFlowBlockRao: bigint;
  /** `SubnetProtocolFlow` (this block): TAO the protocol moved into the pool (injection + chain buy) minus protocol sales, rao. */
  protocolFlowBlockRao: bigint;
  /** `SubnetEmaTaoFlow`: per-block EMA of `userFlowBlockRao`, I64F64 raw (rao per block). */
  userFlowEmaI64F64: bigint;
  /** EMA of `protocolFlowBlockRao`, I64F64 raw (rao per block). */
  protocolFlowEmaI64F64: bigint;
}

/** Parameters of the dormant net-TAO-flow share rule (tokenomics.md §2.3; see `taoFlowShares.ts`). */
export interface TaoFlowParams {
  /** `FlowEmaSmoothingFactor`: EMA weight of the newest block = raw / (2^63 − 1). */
  readonly smoothingRaw: bigint;
  /** `FlowNormExponent` p: shares ∝ score^p; a positive integer. */
  readonly exponent: number;
  /** `TaoFlowCutoff`: scores below this (rao per block) count as 0. */
  readonly cutoffRao: bigint;
  /** Weight of the protocol cost subtracted from the user-flow EMA (1 = rao for rao). */
  readonly protocolCostWeightU16: number;
}

export const DEFAULT_TAO_FLOW_PARAMS: TaoFlowParams = Object.freeze({
  smoothingRaw: 29_597_889_189_277n,
  exponent: 1,
  cutoffRao: 0n,
  protocolCostWeightU16: 65535,
});

export interface CoinbaseGlobals {
  /** `SubnetOwnerCut`: owner share of alpha_out = value / 65535 (u16). */
  subnetOwnerCutU16: number;
  /** `TaoWeight`: u64 raw; the chain uses fraction = U96F32(raw) / U96F32(2^64 − 1). */
  taoWeightRaw: bigint;
  /** `SubnetTAO[root]`: all TAO staked on root, rao (the R of root_prop). */
  rootTaoRao: bigint;
  /** `SubnetMovingAlpha`: base rate of the moving-price EMA, I96F32 raw (default 0.000003 = 12885). */
  subnetMovingAlphaI96F32: bigint;
  /** `TotalIssuance`: TAO issued so far, rao; runCoinbase adds minted − recycled. */
  totalIssuanceRao: bigint;
  /** `TotalStake`: TAO in pools and root, rao; runCoinbase adds what it puts into pools. */
  totalStakeRao: bigint;
  /** `MaxEpochsPerBlock`: cap of the epoch scheduler (2 on mainnet, 32 in the chain's test mock). */
  maxEpochsPerBlock: number;
  /** Swap `MinimumReserve`: a chain buy needs at least this much alpha in the pool, alpha-rao (1,000,000 on mainnet). */
  minimumReserveRao: bigint;
  /**
   * How block TAO is split among subnets: the name of a rule in emissionRules.ts — `price` (the
   * chain's active price-EMA rule) or `tao_flow` (the dormant net-TAO-flow rule).
   */
  emissionRule: string;
  /** Parameters of the `tao_flow` rule (ignored under `price`). */
  taoFlow: TaoFlowParams;
}

/** Mainnet-like defaults (tokenomics.md §9); callers override what their scenario sets. */
export function defaultCoinbaseGlobals(overrides: Partial<CoinbaseGlobals> = {}): CoinbaseGlobals {
  return {
    subnetOwnerCutU16: 11_796,
    taoWeightRaw: 971_718_665_099_567_868n,
    rootTaoRao: 0n,
    subnetMovingAlphaI96F32: 12_885n,
    totalIssuanceRao: 0n,
    totalStakeRao: 0n,
    maxEpochsPerBlock: 2,
    minimumReserveRao: DEFAULT_MINIMUM_RESERVE_RAO,
    emissionRule: 'price',
    taoFlow: DEFAULT_TAO_FLOW_PARAMS,
    ...overrides,
  };
}

export interface NewSubnetEconomyOptions {
  readonly netuid: number;
  readonly mechanism?: PoolMechanism;
  readonly taoReserveRao?: bigint;
  readonly alphaReserveRao?: bigint;
}

/**
 * A subnet with every field at its storage default and an empty 0.5/0.5 pool; the caller sets
 * what registration and `start_call` would (tempo, first emission block, reserves, flags). Note
 * the storage default of `SubnetEmissionEnabled` is true although `register_network` writes false
 * (tokenomics.md §11.3): a registration path must set it explicitly.
 */
export function newSubnetEconomy(o: NewSubnetEconomyOptions): SubnetEconomy {
  return {
    netuid: o.netuid,
    pool: {
      taoReserveRao: o.taoReserveRao ?? 0n,
      alphaReserveRao: o.alphaReserveRao ?? 0n,
      quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS,
      initialized: false,
      mechanism: o.mechanism ?? 1,
    },
    alphaOutRao: 0n,
    protocolAlphaRao: 0n,
    firstEmissionBlock: null,
    subtokenEnabled: false,
    registrationAllowed: true,
    emissionEnabled: true,
    ownerCutEnabled: true,
    movingPriceI96F32: 0n,
    minerBurnedU96F32: 0n,
    emaPriceHalvingBlocks: 201_600n,
    pendingServerRao: 0n,
    pendingValidatorRao: 0n,
    pendingRootRao: 0n,
    pendingOwnerCutRao: 0n,
    taoInEmissionRao: 0n,
    alphaInEmissionRao: 0n,
    alphaOutEmissionRao: 0n,
    excessTaoRao: 0n,
    strandedTaoRao: 0n,
    tempoBlocks: 360,
    lastEpochBlock: 0n,
    pendingEpochAt: 0n,
    blocksSinceLastStep: 0n,
    epochIndex: 0n,
    hotkeysConsistent: true,
    userFlowBlockRao: 0n,
    protocolFlowBlockRao: 0n,
    userFlowEmaI64F64: 0n,
    protocolFlowEmaI64F64: 0n,
  };
}

/** Alpha issuance `SubnetAlphaIn + SubnetAlphaOut` (the A of root_prop and of alpha halvings). */
export function alphaIssuanceRao(s: SubnetEconomy): bigint {
  return s.pool.alphaReserveRao + s.alphaOutRao;
}
