import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { sparseToRows } from '../../../../../src/consensus/epoch/sparseMatrix.ts';
import { YUMA3_NO_STAKE_DIVIDENDS } from '../../../../../src/consensus/epoch/research/yuma3NoStakeDividends.ts';
import { YUMA3, findEpochVariant } from '../../../../../src/consensus/epoch/variants.ts';
import type { EpochInputs, EpochOutput } from '../../../../../src/consensus/epoch/types.ts';
import { makeInputs, vec } from '../fixture.ts';

/**
 * Three validators (stakes a, b, c) and three miners; validator 0 weights miners 3 and 4,
 * validators 1 and 2 weight miner 4 and 5, with bonds from an earlier epoch stored.
 */
function subnet(stakes: readonly number[]): EpochInputs {
  return makeInputs({
    n: 6,
    stake: [...stakes, 0, 0, 0],
    permit: [true, true, true, false, false, false],
    weights: { 0: [[3, 65535], [4, 30000]], 1: [[4, 65535], [5, 20000]], 2: [[4, 40000], [5, 65535]] },
    bonds: { 0: [[3, 30000], [4, 10000]], 1: [[4, 40000]], 2: [[5, 50000]] },
    hp: { yuma3On: true },
  });
}

/** Everything the variant does not touch: the steps before the dividends, and the stored bonds. */
function untouched(o: EpochOutput) {
  const t = o.trace;
  return {
    stake: vec(t.stake),
    activeStake: vec(t.activeStake),
    consensus: vec(t.consensus),
    clippedWeights: sparseToRows(t.clippedWeights),
    incentive: vec(t.incentive),
    weightsForBonds: sparseToRows(t.weightsForBonds),
    emaBonds: sparseToRows(t.emaBonds),
    bondsU16: sparseToRows(o.bondsU16),
    newValidatorPermit: o.newValidatorPermit,
  };
}

describe('yuma3_no_stake_dividends', () => {
  it('is registered and replaces only Yuma3’s dividends step', () => {
    expect(findEpochVariant('yuma3_no_stake_dividends')).toBe(YUMA3_NO_STAKE_DIVIDENDS);
    expect(YUMA3_NO_STAKE_DIVIDENDS.steps.map((s) => s.name)).toEqual(YUMA3.steps.map((s) => s.name));
    const changed = YUMA3_NO_STAKE_DIVIDENDS.steps.filter((s, i) => s !== YUMA3.steps[i]).map((s) => s.name);
    expect(changed).toEqual(['dividends']);
  });

  for (const mode of ['chain', 'float'] as const) {
    it(`pays dividends by bonds alone where stakes differ, and leaves every other output as Yuma3’s (${mode})`, () => {
      const inputs = subnet([70, 20, 10]);
      const chain = runEpoch(inputs, { mode, variant: 'yuma3' });
      const research = runEpoch(inputs, { mode, variant: 'yuma3_no_stake_dividends' });
      expect(research.variant).toBe('yuma3_no_stake_dividends');
      expect(untouched(research)).toEqual(untouched(chain));
      expect(vec(research.incentiveU16)).toEqual(vec(chain.incentiveU16));
      expect(research.serverEmissionRao).toEqual(chain.serverEmissionRao);
      // The large validator loses its stake advantage: its share of dividends falls, the others' rise.
      const d = (o: EpochOutput) => vec(o.dividendsU16);
      expect(d(research)[0]!).toBeLessThan(d(chain)[0]!);
      expect(d(research)[2]!).toBeGreaterThan(d(chain)[2]!);
      expect(research.validatorEmissionRao).not.toEqual(chain.validatorEmissionRao);
    });
  }

  it('gives Yuma3’s dividends when every validator has the same stake (float: up to rounding)', () => {
    const inputs = subnet([50, 50, 50]);
    const chain = runEpoch(inputs, { mode: 'float', variant: 'yuma3' });
    const research = runEpoch(inputs, { mode: 'float', variant: 'yuma3_no_stake_dividends' });
    const a = vec(chain.trace.dividends);
    vec(research.trace.dividends).forEach((x, i) => expect(x).toBeCloseTo(a[i]!, 12));
  });

  it('pays nothing to a validator without active stake, as Yuma3 does', () => {
    // Validator 2 is inactive (last update older than the 5000-block cutoff): its bonds must not earn.
    const inputs = { ...subnet([70, 20, 10]), currentBlock: 6000, lastUpdate: [5999, 5999, 1, 5999, 5999, 5999] };
    const research = runEpoch(inputs, { variant: 'yuma3_no_stake_dividends' });
    expect(research.trace.activeStake[2]).toBe(0);
    expect(research.dividendsU16[2]).toBe(0);
    expect(runEpoch(inputs, { variant: 'yuma3' }).dividendsU16[2]).toBe(0);
  });
});
