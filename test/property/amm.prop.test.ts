/**
 * AMM invariants (tokenomics.md §10 items 10, 16, 17, 19): swap output bounds, price direction,
 * reserve floor, no round-trip arbitrage, price-preserving injections, float vs chain.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { powRatioScaled, powRatioScaledSeries } from '../../src/consensus/amm/powRatioScaled.ts';
import { applyInjection } from '../../src/consensus/amm/injectLiquidity.ts';
import { weightsWithinBounds } from '../../src/consensus/amm/initializePool.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE, type PoolState } from '../../src/consensus/amm/poolState.ts';
import { spotPriceU64F64 } from '../../src/consensus/amm/spotPrice.ts';
import {
  applySwapStep,
  DEFAULT_SWAP_CONFIG,
  PRICE_LIMIT_MAX_RAO,
  PRICE_LIMIT_MIN_RAO,
  swapStep,
  type SwapConfig,
  type SwapOrder,
} from '../../src/consensus/amm/swapStep.ts';
import { swapStepFloat } from '../../src/consensus/amm/swapStepFloat.ts';

const NO_FEE: SwapConfig = { feeRateU16: 0, minimumReserveRao: 1n };

/** Every reserve that can exist: at most the 21 M cap (the 1-rao output bound needs reserves below ~0.95·10^18). */
const MAX_RESERVE_RAO = 21_000_000_000_000_000n;

/** Reserves 10^6 … 21·10^15 with a price between 10^-3 and 10^3, so no-limit orders never hit the price bounds. */
function poolArb(weights: fc.Arbitrary<bigint>): fc.Arbitrary<PoolState> {
  return fc
    .record({ x: fc.bigInt({ min: 1_000_000n, max: 10n ** 15n }), logRatio: fc.double({ min: -3, max: 3, noNaN: true }), w: weights })
    .map(({ x, logRatio, w }) => {
      let y = BigInt(Math.floor(Number(x) * 10 ** logRatio));
      if (y < 1_000_000n) y = 1_000_000n;
      if (y > MAX_RESERVE_RAO) y = MAX_RESERVE_RAO;
      return { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: w, initialized: true, mechanism: 1 as const };
    });
}

/** Pool weights whose exponents reduce to small fractions (the exact power path). */
const roundWeights = fc.constantFrom(1n, 2n, 3n, 4n, 5n, 6n, 8n).map((n) => (PERQUINTILL_ONE * n) / 10n);
const balanced = poolArb(fc.constant(DEFAULT_QUOTE_WEIGHT_PARTS));

/** An amount from 1 rao to 10× the reserve, log-uniform-ish. */
function amountArb(reserve: bigint): fc.Arbitrary<bigint> {
  return fc.double({ min: 0, max: 1, noNaN: true }).map((u) => {
    const a = BigInt(Math.floor(Math.exp(u * Math.log(10 * Number(reserve)))));
    return a < 1n ? 1n : a;
  });
}

const poolAndAmount = (pools: fc.Arbitrary<PoolState>, side: 'buy' | 'sell') =>
  pools.chain((p) => amountArb(side === 'buy' ? p.taoReserveRao : p.alphaReserveRao).map((amount) => ({ p, amount })));

function order(side: 'buy' | 'sell', amountRao: bigint, dropFees: boolean): SwapOrder {
  return { side, amountRao, limitPriceRao: side === 'buy' ? PRICE_LIMIT_MAX_RAO : PRICE_LIMIT_MIN_RAO, dropFees };
}

describe('swap output bound (invariant 16)', () => {
  for (const side of ['buy', 'sell'] as const) {
    it(`${side}: floor(exact) ≤ out ≤ floor(exact) + 1 for equal weights (constant product)`, () => {
      fc.assert(
        fc.property(poolAndAmount(balanced, side), ({ p, amount }) => {
          const r = swapStep(p, order(side, amount, true), NO_FEE);
          const [inR, outR] = side === 'buy' ? [p.taoReserveRao, p.alphaReserveRao] : [p.alphaReserveRao, p.taoReserveRao];
          const exactFloor = (outR * amount) / (inR + amount);
          if (!r.ok) {
            expect(r.error).toBe('ReservesTooLow');
            expect(exactFloor).toBe(0n);
            return;
          }
          expect(r.amountPaidInRao).toBe(amount);
          expect(r.amountPaidOutRao >= exactFloor && r.amountPaidOutRao <= exactFloor + 1n).toBe(true);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('for round unequal weights the output stays within 1 rao (+1e-9 relative) of the real balancer output', () => {
    fc.assert(
      fc.property(fc.constantFrom('buy' as const, 'sell' as const), poolArb(roundWeights), fc.double({ min: 1e-6, max: 5, noNaN: true }), (side, p, frac) => {
        const inR = side === 'buy' ? p.taoReserveRao : p.alphaReserveRao;
        const outR = side === 'buy' ? p.alphaReserveRao : p.taoReserveRao;
        const amount = BigInt(Math.max(1, Math.floor(Number(inR) * frac)));
        const r = swapStep(p, order(side, amount, true), NO_FEE);
        const wq = Number(p.quoteWeightParts) / 1e18;
        const k = side === 'buy' ? wq / (1 - wq) : (1 - wq) / wq;
        const exact = Number(outR) * -Math.expm1(-k * Math.log1p(Number(amount) / Number(inR)));
        if (!r.ok) return exact < 1 + 1e-9 * Number(outR);
        return Number(r.amountPaidOutRao) <= Math.floor(exact) + 1 + 1e-9 * exact;
      }),
      { numRuns: 400 },
    );
  });
});

describe('price direction and reserves (invariant 17)', () => {
  for (const side of ['buy', 'sell'] as const) {
    it(`a ${side} moves the price ${side === 'buy' ? 'up' : 'down'} and pays at most the output reserve`, () => {
      fc.assert(
        fc.property(poolAndAmount(poolArb(roundWeights), side), fc.boolean(), ({ p, amount }, dropFees) => {
          const r = swapStep(p, order(side, amount, dropFees), DEFAULT_SWAP_CONFIG);
          if (!r.ok) return;
          const outR = side === 'buy' ? p.alphaReserveRao : p.taoReserveRao;
          expect(r.amountPaidOutRao <= outR).toBe(true);
          const before = spotPriceU64F64(p);
          const after = spotPriceU64F64(applySwapStep(p, side, r));
          if (side === 'buy') {
            expect(r.priceDirection).toBe('up');
            expect(after >= before).toBe(true);
          } else {
            expect(r.priceDirection).toBe('down');
            expect(after <= before).toBe(true);
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('succeeds only if the output reserve held at least MinimumReserve', () => {
    fc.assert(
      fc.property(balanced, fc.bigInt({ min: 1n, max: 10n ** 13n }), fc.constantFrom('buy' as const, 'sell' as const), (p, minimumReserveRao, side) => {
        const r = swapStep(p, order(side, 1_000_000n, true), { feeRateU16: 0, minimumReserveRao });
        const outR = side === 'buy' ? p.alphaReserveRao : p.taoReserveRao;
        if (outR < minimumReserveRao) expect(r).toEqual({ ok: false, error: 'ReservesTooLow' });
        if (r.ok) expect(outR >= minimumReserveRao).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('no arbitrage (invariant 19)', () => {
  it('buying T and selling everything back returns at most T + 2 without fees, and less than T with the default fee', () => {
    fc.assert(
      fc.property(poolAndAmount(poolArb(roundWeights), 'buy'), ({ p, amount }) => {
        const t = amount < 1_000_000n ? 1_000_000n : amount;
        for (const [cfg, dropFees] of [
          [NO_FEE, true],
          [DEFAULT_SWAP_CONFIG, false],
        ] as const) {
          const b = swapStep(p, order('buy', t, dropFees), cfg);
          if (!b.ok) continue;
          const mid = applySwapStep(p, 'buy', b);
          const s = swapStep(mid, order('sell', b.amountPaidOutRao, dropFees), cfg);
          if (!s.ok) continue;
          const spent = b.amountPaidInRao + b.feePaidRao;
          if (dropFees) expect(s.amountPaidOutRao <= spent + 2n, `${s.amountPaidOutRao} > ${spent} + 2`).toBe(true);
          else expect(s.amountPaidOutRao < spent).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('protocol injection (invariant 10)', () => {
  it('keeps the spot price to 1e-12 relative and the weights in [0.01, 0.99], or refuses and changes nothing', () => {
    const arb = poolArb(fc.bigInt({ min: PERQUINTILL_ONE / 20n, max: (PERQUINTILL_ONE * 19n) / 20n })).filter((p) => p.taoReserveRao >= 10n ** 9n && p.alphaReserveRao >= 10n ** 9n);
    fc.assert(
      fc.property(arb, fc.double({ min: 0, max: 2, noNaN: true }), fc.double({ min: 0, max: 2, noNaN: true }), (p, fy, fx) => {
        const dy = BigInt(Math.floor(Number(p.taoReserveRao) * fy));
        const dx = BigInt(Math.floor(Number(p.alphaReserveRao) * fx));
        const r = applyInjection(p, dy, dx);
        if (!r.accepted) {
          expect(r.pool).toBe(p);
          return;
        }
        expect(weightsWithinBounds(r.pool.quoteWeightParts)).toBe(true);
        const before = Number(spotPriceU64F64(p));
        const after = Number(spotPriceU64F64(r.pool));
        expect(Math.abs(after - before) / before).toBeLessThan(1e-12);
      }),
      { numRuns: 500 },
    );
  });

  it('an injection at the current price is always accepted and keeps the weights', () => {
    fc.assert(
      fc.property(balanced, fc.double({ min: 0, max: 1, noNaN: true }), (p, f) => {
        const dx = BigInt(Math.floor(Number(p.alphaReserveRao) * f));
        const dy = (dx * p.taoReserveRao) / p.alphaReserveRao;
        const r = applyInjection(p, dy, dx);
        expect(r.accepted).toBe(true);
        const drift = r.pool.quoteWeightParts - DEFAULT_QUOTE_WEIGHT_PARTS;
        expect(Number(drift < 0n ? -drift : drift) / 1e18).toBeLessThan(1e-6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('float swap step', () => {
  it('agrees with the chain-exact step to 1e-9 relative or 2 rao on no-limit orders', () => {
    const close = (a: bigint, b: bigint) => {
      const d = a > b ? a - b : b - a;
      return d <= 2n || Number(d) <= 1e-9 * Number(a > b ? a : b);
    };
    fc.assert(
      fc.property(fc.constantFrom('buy' as const, 'sell' as const), poolArb(roundWeights), fc.double({ min: 1e-4, max: 5, noNaN: true }), fc.boolean(), (side, p, frac, dropFees) => {
        const inR = side === 'buy' ? p.taoReserveRao : p.alphaReserveRao;
        const o = order(side, BigInt(Math.floor(Number(inR) * frac)) + 1_000n, dropFees);
        const chain = swapStep(p, o, DEFAULT_SWAP_CONFIG);
        const float = swapStepFloat(p, o, DEFAULT_SWAP_CONFIG);
        expect(float.ok).toBe(chain.ok);
        if (!chain.ok || !float.ok) return;
        expect(close(chain.amountPaidInRao, float.amountPaidInRao)).toBe(true);
        expect(close(chain.amountPaidOutRao, float.amountPaidOutRao)).toBe(true);
        expect(close(chain.feePaidRao, float.feePaidRao)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the ln/exp series behind odd pool weights', () => {
  it('agrees with the exact integer-root path to within 1 unit wherever both apply', () => {
    // The series serves exponents whose reduced p/q exceed 1024; on small p, q the exact path is
    // the reference (the series depends on the value of p/q, not on the size of p and q). Ratios and scales span the range pools use (reserves up to ~2^64 rao).
    fc.assert(
      fc.property(
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }),
        fc.integer({ min: 1, max: 97 }),
        fc.integer({ min: 1, max: 97 }),
        fc.bigInt({ min: 1n, max: 10n ** 18n }),
        (a, b, p, q, scale) => {
          // Keep the result within u64 range and the exact path's integers manageable.
          const exact = powRatioScaled(a, b, BigInt(p), BigInt(q), scale);
          fc.pre(exact < 1n << 64n);
          const series = powRatioScaledSeries(a, b, BigInt(p), BigInt(q), scale);
          const diff = exact > series ? exact - series : series - exact;
          expect(diff <= 1n, `${a}/${b}^(${p}/${q})·${scale}: exact ${exact}, series ${series}`).toBe(true);
        },
      ),
      { seed: 0x5e71e5, numRuns: 300 },
    );
  });
});
