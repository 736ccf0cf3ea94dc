import { describe, expect, it } from 'vitest';
import { closestName, didYouMean, editDistance } from '../../../../src/sim/scenario/suggestName.ts';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps as one edit each', () => {
    expect(editDistance('kappa', 'kappa')).toBe(0);
    expect(editDistance('kapa', 'kappa')).toBe(1);
    expect(editDistance('kappaa', 'kappa')).toBe(1);
    expect(editDistance('kappo', 'kappa')).toBe(1);
    expect(editDistance('honset', 'honest')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });
});

describe('closestName', () => {
  const keys = ['kappa', 'tempo', 'bonds_penalty', 'bonds_moving_average'];

  it('suggests a key within two edits', () => {
    expect(closestName('kapa', keys)).toBe('kappa');
    expect(closestName('tmepo', keys)).toBe('tempo');
    expect(closestName('bonds_penalti', keys)).toBe('bonds_penalty');
  });

  it('ignores case when comparing', () => {
    expect(closestName('KAPPA', keys)).toBe('kappa');
  });

  it('suggests nothing for a word that is far from every key', () => {
    expect(closestName('colour', keys)).toBeUndefined();
    expect(closestName('ab', ['xy'])).toBeUndefined();
  });

  it('breaks ties by the candidate that sorts first', () => {
    expect(closestName('cat', ['cot', 'cut', 'bat'])).toBe('bat');
  });

  it('formats the hint for messages', () => {
    expect(didYouMean('miner.honset', ['miner.honest', 'validator.honest'])).toBe(" (did you mean 'miner.honest'?)");
    expect(didYouMean('zzz', ['miner.honest'])).toBe('');
  });
});
