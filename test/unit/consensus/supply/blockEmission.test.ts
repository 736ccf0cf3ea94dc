import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BLOCK_EMISSION_RAO,
  FIRST_ZERO_EMISSION_HALVING,
  HALVING_INDEX_AT_CAP,
  MAX_TAO_ISSUANCE_RAO,
  blockEmissionForHalvingRao,
  blockEmissionForIssuanceRao,
  halvingIndexForIssuance,
  halvingThresholdRao,
  mintForBlockRao,
} from '../../../../src/consensus/supply/blockEmission.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { parseTao } from '../../../../src/primitives/units.ts';

const S = MAX_TAO_ISSUANCE_RAO;

/** The defining rule, by repeated doubling: the largest k with S ≥ (S − I)·2^k. */
function halvingsByDoubling(issuance: bigint): number {
  let k = 0;
  while (k < 200 && S >= (S - issuance) * 2n ** BigInt(k + 1)) k++;
  return k;
}

describe('the supply constants', () => {
  it('are the chain values: a 21 M TAO cap and 1 TAO per block', () => {
    expect(MAX_TAO_ISSUANCE_RAO).toBe(21_000_000n * 1_000_000_000n);
    expect(DEFAULT_BLOCK_EMISSION_RAO).toBe(1_000_000_000n);
  });
});

describe('halvingThresholdRao', () => {
  it('matches the spec table of halving thresholds', () => {
    const table: [number, string][] = [
      [0, '0'],
      [1, '10500000'],
      [2, '15750000'],
      [3, '18375000'],
      [4, '19687500'],
      [5, '20343750'],
      [6, '20671875'],
      [7, '20835937.5'],
      [8, '20917968.75'],
      [9, '20958984.375'],
      [10, '20979492.1875'],
      [29, '20999999.960884452'],
      [30, '20999999.980442226'],
    ];
    for (const [k, tao] of table) expect(halvingThresholdRao(k), `k=${k}`).toBe(parseTao(tao));
  });

  it('is ceil(S·(1 − 2^−k)) and reaches the cap at k = 55', () => {
    for (let k = 0; k <= 60; k++) {
      const p = 2n ** BigInt(k);
      const ceil = (S * (p - 1n) + p - 1n) / p;
      expect(halvingThresholdRao(k), `k=${k}`).toBe(ceil);
    }
    expect(halvingThresholdRao(HALVING_INDEX_AT_CAP - 1)).toBe(S - 1n);
    expect(halvingThresholdRao(HALVING_INDEX_AT_CAP)).toBe(S);
  });

  it('rejects a negative or fractional index', () => {
    expect(() => halvingThresholdRao(-1)).toThrow(AssertionError);
    expect(() => halvingThresholdRao(1.5)).toThrow(AssertionError);
  });
});

describe('blockEmissionForIssuanceRao', () => {
  it('mints 1 TAO per block before the first halving and halves exactly at each threshold', () => {
    expect(blockEmissionForIssuanceRao(0n)).toBe(1_000_000_000n);
    for (let k = 1; k < FIRST_ZERO_EMISSION_HALVING; k++) {
      const t = halvingThresholdRao(k);
      expect(blockEmissionForIssuanceRao(t - 1n), `below I_${k}`).toBe(1_000_000_000n >> BigInt(k - 1));
      expect(blockEmissionForIssuanceRao(t), `at I_${k}`).toBe(1_000_000_000n >> BigInt(k));
    }
  });

  it('floors the emission from the tenth halving on (976,562 rao, not 976,562.5)', () => {
    expect(blockEmissionForIssuanceRao(halvingThresholdRao(10))).toBe(976_562n);
    expect(blockEmissionForIssuanceRao(halvingThresholdRao(29))).toBe(1n);
  });

  it('stops minting at the 30th threshold, about 0.0196 TAO below the cap, and at or above the cap', () => {
    expect(blockEmissionForIssuanceRao(halvingThresholdRao(30) - 1n)).toBe(1n);
    expect(blockEmissionForIssuanceRao(halvingThresholdRao(30))).toBe(0n);
    expect(S - halvingThresholdRao(30)).toBe(19_557_774n);
    expect(blockEmissionForIssuanceRao(S - 1n)).toBe(0n);
    expect(blockEmissionForIssuanceRao(S)).toBe(0n);
    expect(blockEmissionForIssuanceRao(S + 12345n)).toBe(0n);
  });

  it('equals floor(10^9 / 2^k) with k from the doubling rule, ±3 rao around every threshold', () => {
    for (let k = 0; k <= 56; k++) {
      const t = halvingThresholdRao(k);
      for (let d = -3n; d <= 3n; d++) {
        const issuance = t + d;
        if (issuance < 0n || issuance >= S) continue;
        const kk = halvingsByDoubling(issuance);
        expect(halvingIndexForIssuance(issuance), `I=${issuance}`).toBe(kk);
        expect(blockEmissionForIssuanceRao(issuance), `I=${issuance}`).toBe(kk > 32 ? 0n : 1_000_000_000n / 2n ** BigInt(kk));
      }
    }
  });

  it('rejects a negative issuance', () => {
    expect(() => blockEmissionForIssuanceRao(-1n)).toThrow(AssertionError);
    expect(() => halvingIndexForIssuance(-1n)).toThrow(AssertionError);
  });
});

describe('halvingIndexForIssuance', () => {
  it('counts halvings so far and reports the cap index at and above the cap', () => {
    expect(halvingIndexForIssuance(0n)).toBe(0);
    expect(halvingIndexForIssuance(parseTao('10500000') - 1n)).toBe(0);
    expect(halvingIndexForIssuance(parseTao('10500000'))).toBe(1);
    expect(halvingIndexForIssuance(S - 1n)).toBe(54);
    expect(halvingIndexForIssuance(S)).toBe(HALVING_INDEX_AT_CAP);
    expect(halvingIndexForIssuance(S * 2n)).toBe(HALVING_INDEX_AT_CAP);
  });
});

describe('blockEmissionForHalvingRao', () => {
  it('is floor(10^9 / 2^k) and 0 from k = 30', () => {
    expect(blockEmissionForHalvingRao(0)).toBe(1_000_000_000n);
    expect(blockEmissionForHalvingRao(10)).toBe(976_562n);
    expect(blockEmissionForHalvingRao(29)).toBe(1n);
    expect(blockEmissionForHalvingRao(30)).toBe(0n);
    expect(blockEmissionForHalvingRao(100)).toBe(0n);
  });
});

describe('mintForBlockRao', () => {
  it('is the block emission below the cap and never crosses the cap', () => {
    expect(mintForBlockRao(0n)).toBe(1_000_000_000n);
    expect(mintForBlockRao(halvingThresholdRao(3))).toBe(125_000_000n);
    expect(mintForBlockRao(halvingThresholdRao(30) - 1n)).toBe(1n);
    expect(mintForBlockRao(S - 1n)).toBe(0n);
    expect(mintForBlockRao(S)).toBe(0n);
    expect(mintForBlockRao(S + 1_000_000_000n)).toBe(0n);
  });
});
