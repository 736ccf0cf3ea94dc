/**
 * The numeric backend the epoch runs on. The algorithm in `steps/` is written once against this
 * interface; the two implementations decide what a number means:
 *   - `chain` (default): every value is an I32F32 raw (value × 2^32) held exactly in a float64,
 *     with the chain's rounding points (spec/yuma.md §3) — bit-exact with subtensor;
 *   - `float`: every value is the real number itself in float64 — the same algorithm, faster,
 *     agreeing with `chain` to about 1e-9 on non-degenerate inputs.
 * Additions, comparisons and min/max are the same in both (raw sums are exact integers), so the
 * interface only holds the operations whose rounding differs. The per-entry loops of `math.ts`
 * branch on `mode` and call the same arithmetic directly (V8 inlines direct calls only); these
 * methods define it for everything else — steps, variants and tests.
 */
import type { Arena } from '../../primitives/arena.ts';

export type NumericMode = 'chain' | 'float';

export const NUMERIC_MODES: readonly NumericMode[] = ['chain', 'float'];

export interface StakeInputs {
  readonly alphaStakeRao: readonly bigint[];
  readonly rootStakeRao: readonly bigint[];
  /** Global TaoWeight storage value: fraction = raw / (2^64 − 1). */
  readonly taoWeightRaw: bigint;
  readonly stakeThresholdRao: bigint;
  readonly ownerUid: number | null;
}

export interface EpochArithmetic {
  readonly mode: NumericMode;
  /** Representation of 1.0. */
  readonly one: number;
  /** Fixed-point multiply (floors in `chain`). */
  mul(a: number, b: number): number;
  /** `safe_div`: quotient truncated toward zero in `chain`; 0 when the divisor is 0. */
  div(a: number, b: number): number;
  /** Quotient of two integers, `from_num(x) / from_num(s)` (u16 weight rows and their sums). */
  divIntegers(x: number, s: number): number;
  /** A stored u16 read as a proportion: u / 65535. */
  fromU16Proportion(u: number): number;
  /** A fraction stored as u16: floor(x · 65535), saturating to [0, 65535]. */
  toU16(x: number): number;
  /** `1 − bonds_moving_average / 10^6` (I64F64 quotient floored to I32F32 in `chain`). */
  bondsEmaCoefficient(bondsMovingAveragePpm: number): number;
  /** Normalised stake after the threshold filter (spec/yuma.md §2.2), one value per uid. */
  normalizedStake(inputs: StakeInputs, n: number, mem: Arena): Float64Array;
  /** floor(x · E) for each fraction x, as rao (I96F32 product in `chain`). */
  emissionRao(fractions: Float64Array, emissionRao: bigint): bigint[];
  /**
   * Liquid-alpha coefficient for a cell at distance d ∈ [0, 1] (spec/yuma.md §2.11a):
   * clamp(α_lo + σ·(α_hi − α_lo)) with σ = 1 / (1 + exp_safe(steepnessOverMinus100 · (d − 0.5))).
   */
  alphaForDistance(distance: number, alphaLow: number, alphaHigh: number, steepnessOverMinus100: number): number;
  /** `I32F32::from_num(steepness) / I32F32::from_num(-100)` for the i16 steepness. */
  steepnessOverMinus100(steepness: number): number;
  /** Converts a value of this backend to a real number (for reports and comparisons). */
  toReal(x: number): number;
}
