/**
 * Supply invariants (tokenomics.md §10 items 1–2): the halving law and the cap, and the closed-form
 * issuance projection held against a block-by-block replay of the same model.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  blockEmissionForIssuanceRao,
  halvingIndexForIssuance,
  halvingThresholdRao,
  MAX_TAO_ISSUANCE_RAO,
  mintForBlockRao,
} from '../../src/consensus/supply/blockEmission.ts';
import { projectIssuance, type HalvingReached } from '../../src/consensus/supply/projectIssuance.ts';

const S = MAX_TAO_ISSUANCE_RAO;

/** Issuance anywhere, with extra weight near the halving thresholds and the cap. */
const issuanceArb = fc.oneof(
  fc.bigInt({ min: 0n, max: S + 10n ** 12n }),
  fc.tuple(fc.integer({ min: 0, max: 56 }), fc.bigInt({ min: -10_000n, max: 10_000n })).map(([k, d]) => {
    const i = halvingThresholdRao(k) + d;
    return i < 0n ? 0n : i;
  }),
);

/** The spec's definition: k = the largest k with S ≥ (S − I)·2^k, E = floor(10^9/2^k), 0 from the cap. */
function emissionBySpec(i: bigint): bigint {
  if (i >= S) return 0n;
  let k = 0n;
  while (S >= (S - i) * 2n ** (k + 1n)) k++;
  return 1_000_000_000n / 2n ** k;
}

describe('block emission (invariants 1–2)', () => {
  it('equals floor(10^9 / 2^k) with k from the doubling rule', () => {
    fc.assert(fc.property(issuanceArb, (i) => blockEmissionForIssuanceRao(i) === emissionBySpec(i)), { numRuns: 2000 });
  });

  it('is non-increasing in issuance', () => {
    fc.assert(
      fc.property(issuanceArb, issuanceArb, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        return blockEmissionForIssuanceRao(lo) >= blockEmissionForIssuanceRao(hi);
      }),
      { numRuns: 2000 },
    );
  });

  it('never mints past the cap and mints nothing from it on', () => {
    fc.assert(
      fc.property(issuanceArb, (i) => {
        const m = mintForBlockRao(i);
        expect(m >= 0n).toBe(true);
        if (i <= S) expect(i + m <= S).toBe(true);
        else expect(m).toBe(0n);
      }),
      { numRuns: 2000 },
    );
  });
});

/** Block-by-block replay of the projection's model: I ← max(0, I + mint(I) − r). */
function replay(start: bigint, r: bigint, horizon: number): { end: bigint; halvings: HalvingReached[]; next: bigint } {
  let i = start;
  let maxK = halvingIndexForIssuance(i);
  const halvings: HalvingReached[] = [];
  const step = (x: bigint): bigint => {
    const y = x + mintForBlockRao(x) - r;
    return y < 0n ? 0n : y;
  };
  for (let n = 1; n <= horizon; n++) {
    i = step(i);
    const k = halvingIndexForIssuance(i);
    for (let j = maxK + 1; j <= k; j++) halvings.push({ halving: j, blockOffset: n, issuanceRao: i, blockEmissionRao: j < 30 ? 1_000_000_000n >> BigInt(j) : 0n });
    if (k > maxK) maxK = k;
  }
  return { end: i, halvings, next: step(i) };
}

describe('projectIssuance (closed form vs replay)', () => {
  const caseArb = fc
    .record({
      k: fc.integer({ min: 0, max: 31 }),
      offsetBlocks: fc.integer({ min: -1500, max: 1500 }),
      offsetRao: fc.bigInt({ min: -1_000n, max: 1_000n }),
      recycleMilli: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 3000 })),
      horizon: fc.integer({ min: 0, max: 2500 }),
    })
    .map(({ k, offsetBlocks, offsetRao, recycleMilli, horizon }) => {
      const e = k < 30 ? 1_000_000_000n >> BigInt(k) : 1n;
      let start = halvingThresholdRao(k) + BigInt(offsetBlocks) * e + offsetRao;
      if (start < 0n) start = 0n;
      // Recycling as a multiple of the era's emission (0 to 3×), so every regime occurs.
      const r = (e * BigInt(recycleMilli)) / 1000n;
      return { start, r, horizon };
    });

  it('agrees with the replay on the end issuance, the halvings reached and the trend', () => {
    fc.assert(
      fc.property(caseArb, ({ start, r, horizon }) => {
        const p = projectIssuance({ startIssuanceRao: start, recycledRaoPerBlock: r, horizonBlocks: horizon });
        const want = replay(start, r, horizon);
        expect(p.end.issuanceRao).toBe(want.end);
        expect(p.end.blockOffset).toBe(horizon);
        expect(p.end.halving).toBe(halvingIndexForIssuance(want.end));
        expect(p.halvings).toEqual(want.halvings);
        if (p.end.trend === 'rising') expect(want.next > want.end).toBe(true);
        if (p.end.trend === 'falling') expect(want.next < want.end).toBe(true);
        if (p.end.trend === 'stalled') expect(want.next).toBe(want.end);
      }),
      { numRuns: 300 },
    );
  });
});
