/**
 * Closed-form projection of `TotalIssuance` forward in time under the halving law, with a constant
 * amount recycled every block (shared/spec/tokenomics.md §1.2–§1.4, §11.18). Used to date the
 * halvings: they are driven by net issuance, so recycling pushes every later halving back.
 * Chain: pallets/subtensor/src/coinbase/block_emission.rs and run_coinbase.rs at 14bc6f9.
 *
 * Model, per block: I ← max(0, I + mint(I) − r), with mint(I) = E(I) clipped to the cap and r the
 * recycled rao per block (an integer, so every intermediate issuance is an exact rao amount).
 * A year-long simulation would step this 2.6 M times per year; instead we work per era. Inside
 * era k the emission E_k is constant, so issuance moves linearly by E_k − r per block and the
 * number of blocks until it leaves the era is one integer division. Issuance can also fall (r > E_k):
 * it then drops back into earlier eras, where the emission is higher again. If E_k < r < E_{k−1}
 * it ends up oscillating around I_k forever; that regime is a rotation, also solved in closed form.
 */
import { assert } from '../../primitives/assert.ts';
import {
  blockEmissionForHalvingRao,
  halvingIndexForIssuance,
  halvingThresholdRao,
} from './blockEmission.ts';

export interface IssuanceProjectionInput {
  /** `TotalIssuance` at the start, rao (≥ 0; may exceed the cap, then nothing is minted). */
  readonly startIssuanceRao: bigint;
  /** Rao taken out of issuance every block (≥ 0). */
  readonly recycledRaoPerBlock: bigint;
  /** How many blocks to project (a non-negative safe integer). */
  readonly horizonBlocks: number;
}

/** A halving reached for the first time, going up. */
export interface HalvingReached {
  /** k: the number of halvings from this block on. */
  readonly halving: number;
  /** Blocks after the start at which issuance first reached I_k (issuance after that block). */
  readonly blockOffset: number;
  readonly issuanceRao: bigint;
  /** floor(10^9 / 2^k): what each block mints from then on. */
  readonly blockEmissionRao: bigint;
}

/**
 * What issuance does in the block after the horizon: grows, stays put (emission = recycling, or
 * nothing to mint and nothing recycled, or pinned at 0), shrinks, or oscillates around a halving
 * threshold because the recycling lies between the emissions on either side of it.
 */
export type IssuanceTrend = 'rising' | 'stalled' | 'falling' | 'oscillating';

export interface IssuanceProjection {
  readonly start: { readonly halving: number; readonly issuanceRao: bigint; readonly blockEmissionRao: bigint };
  /** Halvings reached after the start, in order, each listed once (at its first crossing). */
  readonly halvings: readonly HalvingReached[];
  readonly end: {
    readonly blockOffset: number;
    readonly issuanceRao: bigint;
    readonly halving: number;
    readonly blockEmissionRao: bigint;
    readonly trend: IssuanceTrend;
  };
}

function ceilDiv(a: bigint, b: bigint): bigint {
  return (a + b - 1n) / b;
}

export function projectIssuance(input: IssuanceProjectionInput): IssuanceProjection {
  const { startIssuanceRao, recycledRaoPerBlock: r, horizonBlocks } = input;
  assert(startIssuanceRao >= 0n, () => `start issuance must be ≥ 0, got ${startIssuanceRao}`);
  assert(r >= 0n, () => `recycled rao per block must be ≥ 0, got ${r}`);
  assert(Number.isSafeInteger(horizonBlocks) && horizonBlocks >= 0, () => `horizon must be a non-negative safe integer, got ${horizonBlocks}`);
  const h = BigInt(horizonBlocks);

  let n = 0n;
  let issuance = startIssuanceRao;
  let k = halvingIndexForIssuance(issuance);
  const start = { halving: k, issuanceRao: issuance, blockEmissionRao: blockEmissionForHalvingRao(k) };
  let maxHalving = k;
  const halvings: HalvingReached[] = [];
  /** Set when issuance is trapped at the threshold I_j below era j: the j. */
  let trappedAt: number | null = null;

  /** After crossing between adjacent eras lower → upper (either way), is issuance trapped there? */
  const trappedBetween = (lower: number, upper: number): boolean =>
    upper === lower + 1 && blockEmissionForHalvingRao(upper) < r && r < blockEmissionForHalvingRao(lower);

  while (n < h) {
    const e = blockEmissionForHalvingRao(k);
    if (e === r) break;
    if (e > r) {
      // Rising: E > 0 implies k < 30, so the next threshold is below the cap and mint = E.
      const step = e - r;
      const c = ceilDiv(halvingThresholdRao(k + 1) - issuance, step);
      if (n + c > h) {
        issuance += (h - n) * step;
        n = h;
        break;
      }
      n += c;
      issuance += c * step;
      const from = k;
      k = halvingIndexForIssuance(issuance);
      for (let j = maxHalving + 1; j <= k; j++) {
        halvings.push({ halving: j, blockOffset: Number(n), issuanceRao: issuance, blockEmissionRao: blockEmissionForHalvingRao(j) });
      }
      if (k > maxHalving) maxHalving = k;
      if (trappedBetween(from, k)) {
        trappedAt = k;
        break;
      }
    } else {
      // Falling. In era 0 there is no lower era: issuance is pinned at 0 once it gets there.
      if (issuance === 0n) break;
      const step = r - e;
      const c = k === 0 ? ceilDiv(issuance, step) : (issuance - halvingThresholdRao(k)) / step + 1n;
      if (n + c > h) {
        issuance -= (h - n) * step;
        n = h;
        break;
      }
      n += c;
      issuance -= c * step;
      if (issuance < 0n) issuance = 0n;
      const from = k;
      k = halvingIndexForIssuance(issuance);
      if (trappedBetween(k, from)) {
        trappedAt = from;
        break;
      }
    }
  }

  if (trappedAt !== null && n < h) {
    // Between eras j−1 and j with a = E_{j−1} − r > 0 below and b = r − E_j > 0 above, the offset
    // y = I − I_j + b lies in [0, a + b) right after any crossing of I_j, and each block maps it
    // to (y + a) mod (a + b): +a below the threshold, −b above it.
    const threshold = halvingThresholdRao(trappedAt);
    const a = blockEmissionForHalvingRao(trappedAt - 1) - r;
    const b = r - blockEmissionForHalvingRao(trappedAt);
    const y = issuance - threshold + b;
    assert(y >= 0n && y < a + b, 'the oscillation starts inside its window');
    issuance = threshold - b + ((y + (h - n) * a) % (a + b));
    n = h;
  }
  // The loop also stops early when issuance can no longer move (emission = recycling, or pinned
  // at 0): it then stays where it is until the horizon, which is what `end` reports.
  n = h;
  k = halvingIndexForIssuance(issuance);

  const e = blockEmissionForHalvingRao(k);
  const trend: IssuanceTrend = trappedAt !== null
    ? 'oscillating'
    : e > r
      ? 'rising'
      : e === r || issuance === 0n
        ? 'stalled'
        : 'falling';
  return {
    start,
    halvings,
    end: { blockOffset: Number(n), issuanceRao: issuance, halving: k, blockEmissionRao: e, trend },
  };
}
