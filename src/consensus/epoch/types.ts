/**
 * Inputs, outputs and working state of one Yuma Consensus epoch (one mechanism of one subnet).
 * Field meanings follow shared/spec/yuma.md §1; names carry units (`Rao`, `U16`, `Blocks`).
 */
import type { Arena } from '../../primitives/arena.ts';
import type { EpochArithmetic, NumericMode } from './arithmetic.ts';
import type { SparseMatrix } from './sparseMatrix.ts';

/** The hyperparameters the epoch reads (chain storage names in camelCase, spec/yuma.md §4). */
export interface EpochHyperparameters {
  readonly tempoBlocks: number;
  /** κ = kappa / 65535 (chain default 32767). */
  readonly kappaU16: number;
  /** β = bonds_penalty / 65535. */
  readonly bondsPenaltyU16: number;
  /** Bonds EMA: a = 1 − bonds_moving_average / 10^6. */
  readonly bondsMovingAveragePpm: number;
  readonly yuma3On: boolean;
  readonly liquidAlphaOn: boolean;
  readonly alphaLowU16: number;
  readonly alphaHighU16: number;
  /** i16; the sigmoid slope is steepness / 100. */
  readonly alphaSigmoidSteepness: number;
  /** Activity cutoff = max(1, floor(factor · tempo / 1000)) blocks. */
  readonly activityCutoffFactorMilli: number;
  readonly maxAllowedValidators: number;
  readonly commitRevealWeightsEnabled: boolean;
  readonly revealPeriodEpochs: number;
  readonly stakeThresholdRao: bigint;
  /** Global TaoWeight storage value (fraction = raw / (2^64 − 1)). */
  readonly taoWeightRaw: bigint;
}

/** A weight commit still stored on chain (spec/yuma.md §5.2), used by the commit-reveal mask. */
export interface WeightCommit {
  readonly uid: number;
  readonly block: number;
  /** Epoch index the commit belongs to. */
  readonly epoch: number;
  /** `hash` = CR-v2 hash commit, `timelocked` = CR-v3/v4 drand commit. */
  readonly kind: 'hash' | 'timelocked';
}

/** Everything one mechanism's epoch reads, gathered from chain state (spec/yuma.md §1.1). */
export interface EpochInputs {
  readonly n: number;
  readonly currentBlock: number;
  /** LastUpdate per uid; any length (padded with 0, extra entries ignored). */
  readonly lastUpdate: readonly number[];
  readonly blockAtRegistration: readonly number[];
  /** Stake the epoch sees (after childkey inheritance), per uid. */
  readonly alphaStakeRao: readonly bigint[];
  readonly rootStakeRao: readonly bigint[];
  readonly ownerUid: number | null;
  /** Stored permits from the previous epoch; any length (missing entries = no permit). */
  readonly validatorPermit: readonly boolean[];
  /** Stored Weights rows: u16 values, stored order, explicit zeros kept. */
  readonly weights: SparseMatrix;
  /** Stored Bonds rows: u16 values. */
  readonly bonds: SparseMatrix;
  /** This mechanism's unrevealed commits, in chronological order. */
  readonly commits: readonly WeightCommit[];
  /** Epoch index used for commit expiry (SubnetEpochIndex, +1 if an epoch is due this block). */
  readonly currentEpochIndex: number;
  /** `LastMechansimStepBlock`; 0 means `last_tempo = block − tempo` for the bond mask. */
  readonly lastMechanismStepBlock: number;
  readonly emissionRao: bigint;
  readonly hyperparameters: EpochHyperparameters;
}

/**
 * Intermediate values of the epoch, in the backend's representation (I32F32 raws in `chain`
 * mode, fractions in `float` mode; `toReal` converts). Kept on the output for users who want to
 * see every step — the same quantities the chain logs.
 */
export interface EpochTrace {
  readonly stake: Float64Array;
  readonly activeStake: Float64Array;
  /** Weights after every mask and row normalisation. */
  readonly weights: SparseMatrix;
  readonly consensus: Float64Array;
  readonly clippedWeights: SparseMatrix;
  readonly validatorTrust: Float64Array;
  readonly incentive: Float64Array;
  /** W̃: weights used for bonds (bonds penalty applied). */
  readonly weightsForBonds: SparseMatrix;
  /** Original Yuma only: ΔB = W̃∘A, column-normalised. */
  readonly bondsDelta: SparseMatrix | null;
  /** EMA bonds before storage scaling. */
  readonly emaBonds: SparseMatrix;
  readonly dividends: Float64Array;
  readonly normalizedServerEmission: Float64Array;
  readonly normalizedValidatorEmission: Float64Array;
  readonly normalizedCombinedEmission: Float64Array;
}

/** What one mechanism's epoch returns and persists (spec/yuma.md §1.2, §2.13). */
export interface EpochOutput {
  readonly mode: NumericMode;
  readonly variant: string;
  readonly n: number;
  readonly active: readonly boolean[];
  readonly newValidatorPermit: readonly boolean[];
  readonly stakeWeightU16: Uint16Array;
  readonly consensusU16: Uint16Array;
  readonly incentiveU16: Uint16Array;
  readonly dividendsU16: Uint16Array;
  readonly validatorTrustU16: Uint16Array;
  /** Miner share, ≈ incentive × E/2. */
  readonly serverEmissionRao: readonly bigint[];
  /** Validator share, ≈ dividends × E/2 (used by the coinbase as a proportion). */
  readonly validatorEmissionRao: readonly bigint[];
  /** Combined (incentive + dividends normalised) × E, stored as `Emission`, used for pruning. */
  readonly emissionRao: readonly bigint[];
  /** New stored bonds (u16): a row for every uid with a new permit, empty rows otherwise. */
  readonly bondsU16: SparseMatrix;
  readonly trace: EpochTrace;
}

/**
 * Working state passed through the ordered sub-steps. Each step reads fields written by earlier
 * steps and writes its own; the inputs are never mutated.
 */
export interface EpochWork {
  readonly inputs: EpochInputs;
  readonly ar: EpochArithmetic;
  /** Memory for every array the epoch creates (see primitives/arena.ts). */
  readonly mem: Arena;
  readonly n: number;
  inactive: boolean[];
  active: boolean[];
  stake: Float64Array;
  currentPermit: boolean[];
  /** False when the stored permit vector is empty: the vector mask helper then masks nothing. */
  currentPermitMasksVectors: boolean;
  newValidatorPermit: boolean[];
  activeStake: Float64Array;
  /** Stored weights as loaded (u16 integers) and the per-entry keep flags the masks clear. */
  weightsStored: SparseMatrix;
  /** Null while no mask has dropped an entry. */
  weightsKeep: Uint8Array | null;
  /** Sum of each stored weights row (exact u16 sums), set by the load step. */
  weightsRowSum: Float64Array;
  /** Whether every stored weights row has strictly ascending columns (set by the load step). */
  weightsRowsAscending: boolean;
  /** Masked, row-normalised weights. */
  weights: SparseMatrix;
  consensus: Float64Array;
  clippedWeights: SparseMatrix;
  validatorTrust: Float64Array;
  incentive: Float64Array;
  weightsForBonds: SparseMatrix;
  bonds: SparseMatrix;
  bondsDelta: SparseMatrix | null;
  emaBonds: SparseMatrix;
  dividends: Float64Array;
  normalizedServerEmission: Float64Array;
  normalizedValidatorEmission: Float64Array;
  normalizedCombinedEmission: Float64Array;
  serverEmissionRao: bigint[];
  validatorEmissionRao: bigint[];
  emissionRao: bigint[];
  bondsU16: SparseMatrix;
}

/**
 * One named, ordered sub-step of the epoch — the unit a mechanism (`EpochVariant`) is built from.
 * The contract a step follows, whether the chain's or a user's:
 *   - it reads `work.inputs` (never mutated) and fields of `work` earlier steps wrote, and writes
 *     its own fields of `work` (scenarios/README.md, *Mechanisms*, lists them per chain step);
 *     the steps after it read those, so a replacement writes the fields of the step it replaces;
 *   - it is pure: no I/O, no clock, no randomness, nothing kept between calls — the same inputs
 *     give the same work, and a run's bytes depend on nothing else;
 *   - numbers live in the representation of `work.ar` (the numeric backend): I32F32 raws held in
 *     float64 in `chain` mode (1.0 = `work.ar.one` = 2^32; multiply and divide with `ar.mul` /
 *     `ar.div` or the math helpers, which round like the chain), plain fractions in `float` mode.
 *     Sums, comparisons and min/max are the same in both;
 *   - arrays come from `work.mem` (`mem.f64(n)` is zero-filled), not `new Float64Array`, and may
 *     be the same object as an earlier field when nothing changes (e.g. `weightsForBonds =
 *     weights`); per-uid vectors have `work.n` entries and matrices `work.n` rows.
 * The last steps must leave `serverEmissionRao`, `validatorEmissionRao`, `emissionRao` (rao per
 * uid) and `bondsU16` (the stored bonds) — what the chain persists and distributes — plus the
 * vectors `runEpoch` reports (stake, consensus, incentive, dividends, validatorTrust).
 */
export interface EpochStep {
  readonly name: string;
  /** What the step does and which chain code it follows. */
  readonly description: string;
  run(work: EpochWork): void;
}
