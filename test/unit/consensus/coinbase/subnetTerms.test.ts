import { describe, expect, it } from 'vitest';
import { subnetTermsFloat, subnetTermsU96F32 } from '../../../../src/consensus/coinbase/subnetTerms.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE32 = 1n << 32n;
const TAO = 1_000_000_000n;
const TAU_ONE = (1n << 64n) - 1n;

describe('subnetTermsU96F32', () => {
  it('with no root stake the cap is 0: nothing is injected and the whole emission is excess', () => {
    const s = eligibleSubnet(1); // 1000 TAO / 1000 alpha, price 1, alpha issuance 1000 alpha → αE = 1 alpha
    const t = subnetTermsU96F32({ rootTaoRao: 0n, taoWeightRaw: TAU_ONE }, s, (TAO / 2n) * ONE32);
    expect(t).toEqual({ taoIn: 0n, alphaIn: 0n, alphaOut: TAO * ONE32, excess: (TAO / 2n) * ONE32 });
  });

  it('below the cap injects te TAO and te/P alpha and leaves no excess', () => {
    // root_prop = 3000/(3000 + 1000) = 0.75, cap = 0.75 alpha; te = 0.5 TAO at price 1 → 0.5 alpha.
    const s = eligibleSubnet(1);
    const t = subnetTermsU96F32({ rootTaoRao: 3000n * TAO, taoWeightRaw: TAU_ONE }, s, (TAO / 2n) * ONE32);
    expect(t).toEqual({ taoIn: (TAO / 2n) * ONE32, alphaIn: (TAO / 2n) * ONE32, alphaOut: TAO * ONE32, excess: 0n });
  });

  it('above the cap injects cap alpha and cap·P TAO and the rest is excess', () => {
    // Price 2 (2000 TAO / 1000 alpha): te = 2 TAO → 1 alpha > cap 0.75 → α_in = 0.75, tao_in = 1.5, excess = 0.5.
    const s = eligibleSubnet(1, { pool: { taoReserveRao: 2000n * TAO } });
    const t = subnetTermsU96F32({ rootTaoRao: 3000n * TAO, taoWeightRaw: TAU_ONE }, s, 2n * TAO * ONE32);
    expect(t).toEqual({ taoIn: (3n * TAO * ONE32) / 2n, alphaIn: (3n * TAO * ONE32) / 4n, alphaOut: TAO * ONE32, excess: (TAO / 2n) * ONE32 });
  });

  it('uses the subnet’s own halving law for alpha_out (halved past 10.5 M alpha of issuance)', () => {
    const s = eligibleSubnet(1, { alphaOutRao: 10_500_000n * TAO - 1000n * TAO });
    expect(subnetTermsU96F32({ rootTaoRao: 0n, taoWeightRaw: 0n }, s, 0n).alphaOut).toBe((TAO / 2n) * ONE32);
  });

  it('with an empty alpha reserve (price 0) injects no alpha and counts all TAO as tao_in', () => {
    const s = eligibleSubnet(1, { pool: { alphaReserveRao: 0n } });
    const t = subnetTermsU96F32({ rootTaoRao: 0n, taoWeightRaw: TAU_ONE }, s, TAO * ONE32);
    expect(t).toEqual({ taoIn: TAO * ONE32, alphaIn: 0n, alphaOut: TAO * ONE32, excess: 0n });
  });

  it('prices the stable mechanism at 1', () => {
    const s = eligibleSubnet(1, { pool: { mechanism: 0, taoReserveRao: 5n, alphaReserveRao: 1000n * TAO } });
    const t = subnetTermsU96F32({ rootTaoRao: 3000n * TAO, taoWeightRaw: TAU_ONE }, s, (TAO / 2n) * ONE32);
    expect(t.alphaIn).toBe((TAO / 2n) * ONE32);
  });

  it('with zero emission gives only alpha_out', () => {
    const t = subnetTermsU96F32({ rootTaoRao: 3000n * TAO, taoWeightRaw: TAU_ONE }, eligibleSubnet(1), 0n);
    expect(t).toEqual({ taoIn: 0n, alphaIn: 0n, alphaOut: TAO * ONE32, excess: 0n });
  });
});

describe('subnetTermsFloat', () => {
  it('agrees with the chain terms to 1e-6 rao on capped and uncapped cases', () => {
    const cases = [
      { s: eligibleSubnet(1), root: 3000n * TAO, te: 500_000_000 },
      { s: eligibleSubnet(1, { pool: { taoReserveRao: 2000n * TAO } }), root: 3000n * TAO, te: 2e9 },
      { s: eligibleSubnet(1, { pool: { taoReserveRao: 1234n * TAO + 17n } }), root: 777n * TAO, te: 333_333_333.5 },
    ];
    for (const { s, root, te } of cases) {
      const g = { rootTaoRao: root, taoWeightRaw: 971_718_665_099_567_868n };
      const chain = subnetTermsU96F32(g, s, BigInt(Math.floor(te * 2 ** 32)));
      const float = subnetTermsFloat(g, s, te);
      expect(Math.abs(Number(chain.taoIn) / 2 ** 32 - float.taoIn)).toBeLessThan(1e-6 * Math.max(1, float.taoIn));
      expect(Math.abs(Number(chain.alphaIn) / 2 ** 32 - float.alphaIn)).toBeLessThan(1e-6 * Math.max(1, float.alphaIn));
      expect(Math.abs(Number(chain.excess) / 2 ** 32 - float.excess)).toBeLessThan(1e-6 * Math.max(1, float.excess));
      expect(float.alphaOutRao).toBe(chain.alphaOut >> 32n);
    }
  });
});
