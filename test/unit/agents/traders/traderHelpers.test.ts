import { describe, expect, it } from 'vitest';
import { delegationHotkey } from '../../../../src/agents/traders/stakeTarget.ts';
import { validatorYieldPerBlock, validatorYieldPerTempo } from '../../../../src/agents/traders/subnetYield.ts';
import { alphaValueRao, buyAmountRao, daysToBlocks, fractionOfRao, minTradeRao, sellAlphaRao } from '../../../../src/agents/traders/tradeSizing.ts';
import { fakeSubnet, fakeWorld, viewAt } from '../fakeAgentView.ts';
import { TAO } from './fakeMarket.ts';

const subnetView = (overrides: Parameters<typeof fakeSubnet>[1], n = 4) => viewAt(fakeWorld(fakeSubnet(n, overrides), null), 1).subnet(1)!;

describe('delegationHotkey', () => {
  it('picks the permitted UID with the most stake, lowest UID on ties', () => {
    expect(delegationHotkey(subnetView({ validatorPermit: [true, true, false, true], stakes: [5n, 9n, 100n, 9n] }))).toBe('hk1');
  });
  it('without permits takes the largest stake; with no stake at all, the owner hotkey', () => {
    expect(delegationHotkey(subnetView({ validatorPermit: [false, false, false, false], stakes: [5n, 9n, 100n, 9n] }))).toBe('hk2');
    expect(delegationHotkey(subnetView({ validatorPermit: [false, false, false, false] }))).toBe('owner-hk');
  });
  it('skips empty UIDs', () => {
    expect(delegationHotkey(subnetView({ hotkeys: [null, 'b', 'c'], validatorPermit: [true, true, true], stakes: [50n, 1n, 2n] }, 3))).toBe('c');
  });
});

describe('validator yield', () => {
  it('is the dividends over the permit holders’ stake (plus joining stake), per tempo and per block', () => {
    const s = subnetView({ tempoBlocks: 50, validatorPermit: [true, true, false, false], stakes: [300n, 100n, 1000n, 0n], dividendRao: [6n, 2n, 0n, 0n] });
    expect(validatorYieldPerTempo(s)).toBeCloseTo(8 / 400, 15);
    expect(validatorYieldPerTempo(s, 400n)).toBeCloseTo(8 / 800, 15);
    expect(validatorYieldPerBlock(s)).toBeCloseTo(8 / 400 / 50, 15);
    expect(validatorYieldPerTempo(subnetView({ validatorPermit: [false, false, false, false] }))).toBe(0);
  });
});

describe('trade sizing', () => {
  const view = (balanceRao: bigint, minStakeRao = 2_000_000n) => {
    const w = fakeWorld(fakeSubnet(1), null);
    w.balanceRao = balanceRao;
    w.minStakeRao = minStakeRao;
    return viewAt(w, 1);
  };

  it('keeps a margin of twice the min stake, caps buys at the balance', () => {
    expect(minTradeRao(view(0n, 5n))).toBe(10n);
    expect(buyAmountRao(view(100n * TAO), 30n * TAO)).toBe(30n * TAO);
    expect(buyAmountRao(view(7n * TAO), 30n * TAO)).toBe(7n * TAO);
    expect(buyAmountRao(view(100n * TAO), 3_999_999n)).toBe(0n);
    expect(buyAmountRao(view(100n * TAO), 4_000_000n)).toBe(4_000_000n);
  });

  it('sells the whole position rather than a slice or a remainder under the minimum', () => {
    const v = view(0n, TAO); // trades under 2 TAO are not sent
    expect(sellAlphaRao(v, 10n * TAO, 5n * TAO, TAO)).toBe(5n * TAO);
    expect(sellAlphaRao(v, 10n * TAO, 1n * TAO, TAO)).toBe(10n * TAO);
    expect(sellAlphaRao(v, 10n * TAO, 9n * TAO, TAO)).toBe(10n * TAO);
    // At 4 TAO per alpha, 1 alpha is worth 4 TAO: a slice is fine.
    expect(sellAlphaRao(v, 10n * TAO, 1n * TAO, 4n * TAO)).toBe(1n * TAO);
    expect(sellAlphaRao(v, 10n * TAO, 12n * TAO, TAO)).toBe(10n * TAO);
  });

  it('converts fractions, alpha values and days exactly enough', () => {
    expect(fractionOfRao(100n * TAO, 0.9)).toBe(90n * TAO);
    expect(fractionOfRao(3n, 0.5)).toBe(1n);
    expect(alphaValueRao(3n * TAO, 1_500_000_000n)).toBe(4_500_000_000n);
    expect(daysToBlocks(1.5, 7200)).toBe(10800);
    expect(daysToBlocks(0, 7200, 1)).toBe(1);
  });
});
