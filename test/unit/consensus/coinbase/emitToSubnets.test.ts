import { describe, expect, it } from 'vitest';
import { emitToSubnets, floorRao } from '../../../../src/consensus/coinbase/emitToSubnets.ts';
import { defaultCoinbaseGlobals } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import { cloneSubnet, eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE32 = 1n << 32n;
const TAO = 1_000_000_000n;
const TAU_ONE = (1n << 64n) - 1n;

describe('floorRao', () => {
  it('floors non-negative floats and maps anything below 1 (and NaN) to 0', () => {
    expect(floorRao(2.9)).toBe(2n);
    expect(floorRao(0.99)).toBe(0n);
    expect(floorRao(-5)).toBe(0n);
    expect(floorRao(Number.NaN)).toBe(0n);
  });
});

describe('emitToSubnets', () => {
  const g = defaultCoinbaseGlobals({ rootTaoRao: 3000n * TAO, taoWeightRaw: TAU_ONE, subnetOwnerCutU16: 0, minimumReserveRao: 1n });

  it('injects, mints alpha_out and splits it, subnet by subnet, spending the credit in order', () => {
    // Subnet 1: price 1, issuance 1000 alpha, root_prop 0.75 → 0.5 TAO fully injected.
    // Subnet 2: same pool, 0.25 TAO injected.
    const subnets = [eligibleSubnet(1), eligibleSubnet(2)];
    const tally = emitToSubnets(g, subnets, [(TAO / 2n) * ONE32, (TAO / 4n) * ONE32], true, TAO, 'chain');
    expect(tally.injectedTaoRao).toBe(750_000_000n);
    expect(tally.creditRao).toBe(250_000_000n);
    expect(tally.chainBuyTaoRao).toBe(0n);
    expect(tally.alphaOutRao).toBe(2n * TAO);
    expect(subnets[0]!.pool.alphaReserveRao).toBe(1000n * TAO + TAO / 2n);
    expect(subnets[1]!.pool.taoReserveRao).toBe(1000n * TAO + TAO / 4n);
    // alpha_out split without owner cut: server = 0.5 alpha each.
    expect(subnets.map((s) => s.pendingServerRao)).toEqual([TAO / 2n, TAO / 2n]);
  });

  it('float mode spends the same credit to within a few rao', () => {
    const a = [eligibleSubnet(1), eligibleSubnet(2, { pool: { taoReserveRao: 3000n * TAO } })];
    const b = a.map(cloneSubnet);
    const te = [(TAO / 3n) * ONE32 + 12345n, ((2n * TAO) / 3n) * ONE32];
    const chain = emitToSubnets(g, a, te, false, TAO, 'chain');
    const float = emitToSubnets(g, b, te, false, TAO, 'float');
    for (const k of ['creditRao', 'injectedTaoRao', 'chainBuyTaoRao', 'injectedAlphaRao', 'alphaOutRao', 'recycledAlphaRao'] as const) {
      const d = chain[k] - float[k];
      expect(d <= 3n && d >= -3n, `${k}: ${chain[k]} vs ${float[k]}`).toBe(true);
    }
  });

  it('with no subnets spends nothing', () => {
    expect(emitToSubnets(g, [], [], false, TAO, 'chain').creditRao).toBe(TAO);
  });
});
