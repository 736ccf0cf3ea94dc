import { describe, expect, it } from 'vitest';
import { rootProportionFloat, rootProportionU96F32, taoWeightFraction } from '../../../../src/consensus/coinbase/rootProportion.ts';

const ONE = 1n << 32n;
const TAU_ONE = (1n << 64n) - 1n;

describe('rootProportionU96F32', () => {
  it('is τR/(τR + A): 3 TAO of root at τ = 1 against 1 alpha of issuance gives 0.75', () => {
    expect(rootProportionU96F32(3_000_000_000n, TAU_ONE, 1_000_000_000n)).toBe((3n * ONE) / 4n);
  });

  it('halves R’s weight at τ = 1/2 (rounded through the u64 raw)', () => {
    const tauHalf = (1n << 63n) - 1n; // just under 0.5 of u64::MAX
    const rp = Number(rootProportionU96F32(2_000_000_000n, tauHalf, 1_000_000_000n)) / 2 ** 32;
    expect(rp).toBeCloseTo(0.5, 8);
  });

  it('is 0 with no root stake, with τ = 0, and when both R and A are 0', () => {
    expect(rootProportionU96F32(0n, TAU_ONE, 1_000n)).toBe(0n);
    expect(rootProportionU96F32(1_000n, 0n, 1_000n)).toBe(0n);
    expect(rootProportionU96F32(0n, TAU_ONE, 0n)).toBe(0n);
  });

  it('is 1 with root stake and no alpha issuance, and stays below 1 otherwise', () => {
    expect(rootProportionU96F32(5n, TAU_ONE, 0n)).toBe(ONE);
    expect(rootProportionU96F32(10n ** 18n, TAU_ONE, 1n)).toBeLessThan(ONE);
  });
});

describe('rootProportionFloat', () => {
  it('agrees with the chain value to 1e-9', () => {
    expect(rootProportionFloat(3, 1, 1)).toBe(0.75);
    expect(rootProportionFloat(0, 1, 0)).toBe(0);
    const tau = 971_718_665_099_567_868n;
    const chain = Number(rootProportionU96F32(1_000_000_000_000_000n, tau, 2_000_000_000_000_000n)) / 2 ** 32;
    const float = rootProportionFloat(1e15, taoWeightFraction(tau), 2e15);
    expect(Math.abs(chain - float)).toBeLessThan(1e-9);
  });

  it('taoWeightFraction maps u64::MAX to 1', () => {
    expect(taoWeightFraction(TAU_ONE)).toBe(1);
    expect(taoWeightFraction(0n)).toBe(0);
  });
});
