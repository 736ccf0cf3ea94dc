import { describe, expect, it } from 'vitest';
import { bumpBurnRao, burnDecayFactorQ32, decayBurnRao, powQ32, registerNeuron, type RegistrationBurnParams } from '../../../../src/consensus/subnets/registrationBurn.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';

const TAO = 1_000_000_000n;
const Q32 = 1n << 32n;
const params: RegistrationBurnParams = {
  minBurnRao: 500_000n,
  maxBurnRao: 100n * TAO,
  burnHalfLifeBlocks: 360,
  burnIncreaseMultU64F64: (126n << 64n) / 100n,
};

describe('powQ32', () => {
  it('raises a Q32 number by square-and-multiply with a floor after each multiply', () => {
    expect(powQ32(Q32 / 2n, 3)).toBe(Q32 / 8n);
    expect(powQ32(Q32, 1000)).toBe(Q32);
    expect(powQ32(12345n, 0)).toBe(Q32);
    // (3/4)^2 = 9/16 exactly; 3 raised to 2 in Q32 with a floor: 9/2^32 → 0.
    expect(powQ32((3n * Q32) / 4n, 2)).toBe((9n * Q32) / 16n);
    expect(powQ32(3n, 2)).toBe(0n);
  });
});

describe('burnDecayFactorQ32', () => {
  it('is 4,286,705,684 for the default half-life of 360 blocks (tokenomics §8.1)', () => {
    expect(burnDecayFactorQ32(360)).toBe(4_286_705_684n);
  });

  it('is exactly one half for a half-life of 1 block', () => {
    expect(burnDecayFactorQ32(1)).toBe(Q32 / 2n);
  });

  it('is the largest f with f^h ≤ 1/2', () => {
    for (const h of [2, 7, 360, 36_100]) {
      const f = burnDecayFactorQ32(h);
      expect(powQ32(f, h) <= Q32 / 2n, `h=${h}`).toBe(true);
      expect(powQ32(f + 1n, h) > Q32 / 2n, `h=${h}`).toBe(true);
    }
  });

  it('rejects a half-life of 0 or a fraction', () => {
    expect(() => burnDecayFactorQ32(0)).toThrow(AssertionError);
    expect(() => burnDecayFactorQ32(1.5)).toThrow(AssertionError);
  });
});

describe('decayBurnRao', () => {
  it('multiplies by f/2^32 and floors', () => {
    const p = { ...params, burnHalfLifeBlocks: 1 };
    expect(decayBurnRao(TAO + 1n, 5n, p)).toBe(TAO / 2n);
  });

  it('roughly halves the burn over one half-life and never raises it', () => {
    let b = TAO;
    for (let blk = 2n; blk < 362n; blk++) {
      const next = decayBurnRao(b, blk, params);
      expect(next <= b).toBe(true);
      b = next;
    }
    expect(b <= TAO / 2n).toBe(true);
    expect(b > (TAO * 499n) / 1000n).toBe(true);
  });

  it('clamps to MinBurn and to MaxBurn', () => {
    expect(decayBurnRao(500_001n, 5n, params)).toBe(500_000n);
    expect(decayBurnRao(1000n * TAO, 5n, params)).toBe(100n * TAO);
  });

  it('does nothing in blocks 0 and 1, or with a half-life of 0', () => {
    expect(decayBurnRao(TAO, 1n, params)).toBe(TAO);
    expect(decayBurnRao(TAO, 0n, params)).toBe(TAO);
    expect(decayBurnRao(1000n * TAO, 5n, { ...params, burnHalfLifeBlocks: 0 })).toBe(1000n * TAO);
  });
});

describe('bumpBurnRao and registerNeuron', () => {
  it('multiply the burn by BurnIncreaseMult (at least 1) and clamp', () => {
    expect(bumpBurnRao(TAO, { ...params, burnIncreaseMultU64F64: 2n << 64n })).toBe(2n * TAO);
    expect(bumpBurnRao(TAO, { ...params, burnIncreaseMultU64F64: 1n << 63n })).toBe(TAO);
    expect(bumpBurnRao(80n * TAO, params)).toBe(100n * TAO);
    // 1.26 is not a binary fraction: the floored multiplier gives 1 rao under 1.26 TAO.
    expect(bumpBurnRao(TAO, params)).toBe(1_260_000_000n - 1n);
  });

  it('a registration pays the current burn, recycles it and raises the price', () => {
    const r = registerNeuron({ burnRao: TAO, raoRecycledRao: 5n }, { ...params, burnIncreaseMultU64F64: 2n << 64n });
    expect(r).toEqual({ burnPaidRao: TAO, state: { burnRao: 2n * TAO, raoRecycledRao: TAO + 5n } });
  });
});
