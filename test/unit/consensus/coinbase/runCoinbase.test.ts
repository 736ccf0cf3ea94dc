import { describe, expect, it } from 'vitest';
import { CoinbaseWorkspace, runCoinbase } from '../../../../src/consensus/coinbase/runCoinbase.ts';
import { defaultCoinbaseGlobals, newSubnetEconomy } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { cloneSubnet, eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE32 = 1n << 32n;
const TAO = 1_000_000_000n;

function globals() {
  return defaultCoinbaseGlobals({ subnetOwnerCutU16: 0, rootTaoRao: 0n, minimumReserveRao: 1n, totalIssuanceRao: 1_000_000n * TAO });
}

describe('runCoinbase', () => {
  it('with one subnet and no root stake spends the whole block on a chain buy', () => {
    const g = globals();
    const s = eligibleSubnet(1, { movingPriceI96F32: ONE32 / 2n });
    const r = runCoinbase(g, [s], TAO, 10n);
    // share 1, te = 1 TAO, cap 0 → excess 1 TAO bought at 1000/1000: 10^12·10^9/(1.001·10^12) = 999,000,999.0009…
    expect(r).toMatchObject({
      mintedRao: TAO,
      recycledTaoRao: 0n,
      injectedTaoRao: 0n,
      chainBuyTaoRao: TAO,
      strandedTaoRao: 0n,
      totalIssuanceDeltaRao: TAO,
      totalStakeDeltaRao: TAO,
      chainBoughtAlphaRao: 999_000_999n,
      alphaOutRao: TAO,
      recycledAlphaRao: 0n,
      rootSellFlag: false,
      eligibleCount: 1,
    });
    expect(g.totalIssuanceRao).toBe(1_000_001n * TAO);
    expect(g.totalStakeRao).toBe(TAO);
    expect(s.alphaOutRao).toBe(999_000_999n + TAO);
    expect([s.pendingServerRao, s.pendingValidatorRao]).toEqual([TAO / 2n, TAO / 2n]);
  });

  it('moves the EMA price after the coinbase, toward min(spot, 1)', () => {
    // b = H = 201,600: a = 0.000003/2, so the EMA moves 1.5e−6 of the gap 0.5 (≈ 3,221 I96F32 units).
    const s = eligibleSubnet(1, { movingPriceI96F32: ONE32 / 2n });
    runCoinbase(globals(), [s], TAO, 201_600n);
    const moved = Number(s.movingPriceI96F32 - ONE32 / 2n);
    expect(moved).toBeGreaterThan(3000);
    expect(moved).toBeLessThan(3400);
  });

  it('leaves a young subnet’s EMA where it is when the step truncates to 0 (b = 10: a ≈ 1.5e−10)', () => {
    const s = eligibleSubnet(1, { movingPriceI96F32: ONE32 / 2n });
    runCoinbase(globals(), [s], TAO, 10n);
    expect(s.movingPriceI96F32).toBe(ONE32 / 2n);
  });

  it('recycles the whole block when no subnet is eligible', () => {
    const g = globals();
    const r = runCoinbase(g, [newSubnetEconomy({ netuid: 1 }), eligibleSubnet(0)], TAO, 10n);
    expect(r).toMatchObject({ recycledTaoRao: TAO, totalIssuanceDeltaRao: 0n, eligibleCount: 0, alphaOutRao: 0n });
    expect(g.totalIssuanceRao).toBe(1_000_000n * TAO);
  });

  it('recycles the TAO side of a disabled subnet but still emits its alpha', () => {
    const s = eligibleSubnet(1, { movingPriceI96F32: ONE32 / 2n, emissionEnabled: false });
    const r = runCoinbase(globals(), [s], TAO, 10n);
    expect(r.recycledTaoRao).toBe(TAO);
    expect(r.alphaOutRao).toBe(TAO);
    expect(s.pendingServerRao).toBe(TAO / 2n);
  });

  it('recycles everything when every EMA price is 0 (a new network)', () => {
    const r = runCoinbase(globals(), [eligibleSubnet(1), eligibleSubnet(2)], TAO, 10n);
    expect(r.recycledTaoRao).toBe(TAO);
    expect(r.alphaOutRao).toBe(2n * TAO);
  });

  it('does nothing with TAO when nothing is minted (cap reached) but still emits alpha', () => {
    const r = runCoinbase(globals(), [eligibleSubnet(1, { movingPriceI96F32: ONE32 })], 0n, 10n);
    expect(r).toMatchObject({ mintedRao: 0n, recycledTaoRao: 0n, chainBuyTaoRao: 0n, injectedTaoRao: 0n, alphaOutRao: TAO });
  });

  it('does not depend on the order the subnets are passed in', () => {
    const make = () => [eligibleSubnet(3, { movingPriceI96F32: ONE32 / 3n }), eligibleSubnet(1, { movingPriceI96F32: ONE32 / 2n, pool: { taoReserveRao: 500n * TAO } })];
    const a = make();
    const b = make().reverse();
    const ra = runCoinbase(globals(), a, TAO, 10n);
    const rb = runCoinbase(globals(), b, TAO, 10n);
    expect(rb).toEqual(ra);
    expect(b.find((s) => s.netuid === 1)).toEqual(a.find((s) => s.netuid === 1));
    expect(b.find((s) => s.netuid === 3)).toEqual(a.find((s) => s.netuid === 3));
  });

  it('gives the same result with a reused workspace', () => {
    const a = [eligibleSubnet(1, { movingPriceI96F32: ONE32 / 2n })];
    const b = a.map(cloneSubnet);
    const ws = new CoinbaseWorkspace();
    runCoinbase(globals(), [eligibleSubnet(5, { movingPriceI96F32: ONE32 })], TAO, 9n, 'chain', ws);
    const withWs = { ...runCoinbase(globals(), b, TAO, 10n, 'chain', ws) };
    expect(withWs).toEqual(runCoinbase(globals(), a, TAO, 10n));
    expect(b).toEqual(a);
  });

  it('float mode conserves TAO exactly and agrees with chain mode to a few rao', () => {
    const make = () => [
      eligibleSubnet(1, { movingPriceI96F32: ONE32 / 3n }),
      eligibleSubnet(2, { movingPriceI96F32: ONE32 / 5n, pool: { taoReserveRao: 400n * TAO } }),
    ];
    const g1 = { ...globals(), rootTaoRao: 100_000n * TAO };
    const g2 = { ...globals(), rootTaoRao: 100_000n * TAO };
    const chain = runCoinbase(g1, make(), TAO, 10n, 'chain');
    const float = runCoinbase(g2, make(), TAO, 10n, 'float');
    expect(float.injectedTaoRao + float.chainBuyTaoRao + float.strandedTaoRao + float.recycledTaoRao).toBe(float.mintedRao);
    for (const k of ['recycledTaoRao', 'injectedTaoRao', 'chainBuyTaoRao', 'alphaOutRao'] as const) {
      const d = chain[k] - float[k];
      expect(d <= 4n && d >= -4n, `${k}: ${chain[k]} vs ${float[k]}`).toBe(true);
    }
  });
});
