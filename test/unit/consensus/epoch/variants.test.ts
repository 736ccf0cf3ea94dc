import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../../src/consensus/epoch/runEpoch.ts';
import type { EpochStep } from '../../../../src/consensus/epoch/types.ts';
import {
  BUILTIN_EPOCH_VARIANTS,
  COMMON_STEPS,
  YUMA2,
  YUMA3,
  chainVariantFor,
  epochVariantNames,
  findEpochVariant,
  registerEpochVariant,
} from '../../../../src/consensus/epoch/variants.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { TEST_HYPERPARAMETERS, twoValidators } from './fixture.ts';

const names = (steps: readonly EpochStep[]) => steps.map((s) => s.name);

describe('epoch variants', () => {
  it('registers the chain’s two branches, yuma2 and yuma3, and the research variants', () => {
    expect(epochVariantNames()).toEqual(expect.arrayContaining(['yuma2', 'yuma3', 'yuma2_no_bonds_penalty', 'yuma3_no_stake_dividends']));
    expect(BUILTIN_EPOCH_VARIANTS.map((v) => findEpochVariant(v.name))).toEqual(BUILTIN_EPOCH_VARIANTS);
    expect(findEpochVariant('yuma2')).toBe(YUMA2);
    expect(findEpochVariant('yuma3')).toBe(YUMA3);
    expect(findEpochVariant('yuma4')).toBeUndefined();
  });

  it('runs the shared steps in the chain’s order, then each branch’s bond steps', () => {
    expect(names(COMMON_STEPS)).toEqual([
      'activity',
      'stake',
      'validatorPermits',
      'activeStake',
      'weightsLoad',
      'weightsMaskPermits',
      'weightsMaskSelf',
      'weightsMaskOutdated',
      'weightsMaskCommitReveal',
      'weightsRowNormalize',
      'consensus',
      'clipping',
      'incentive',
      'bondsWeights',
    ]);
    expect(names(YUMA2.steps)).toEqual([...names(COMMON_STEPS), 'bondsLoad', 'bondsDelta', 'bondsEma', 'dividends', 'emission', 'bondsStore']);
    expect(names(YUMA3.steps)).toEqual([...names(COMMON_STEPS), 'bondsLoad', 'bondsEma', 'dividends', 'emission', 'bondsStore']);
    for (const v of [YUMA2, YUMA3]) {
      expect(new Set(names(v.steps)).size).toBe(v.steps.length);
      for (const s of v.steps) expect(s.description.length).toBeGreaterThan(0);
    }
  });

  it('picks the variant the chain runs from yuma3On', () => {
    expect(chainVariantFor({ ...TEST_HYPERPARAMETERS, yuma3On: false })).toBe(YUMA2);
    expect(chainVariantFor({ ...TEST_HYPERPARAMETERS, yuma3On: true })).toBe(YUMA3);
  });

  it('registers a research variant that runEpoch can then use by name', () => {
    let ran = 0;
    const marker: EpochStep = {
      name: 'marker',
      description: 'counts runs',
      run: () => {
        ran++;
      },
    };
    registerEpochVariant({ name: 'test-variant-registry', description: 'yuma2 plus a marker', steps: [...YUMA2.steps, marker] });
    expect(epochVariantNames()).toContain('test-variant-registry');
    expect([...epochVariantNames()]).toEqual([...epochVariantNames()].sort());
    const out = runEpoch(twoValidators(60, 40), { variant: 'test-variant-registry' });
    expect(out.variant).toBe('test-variant-registry');
    expect(ran).toBe(1);
    expect(Array.from(out.incentiveU16)).toEqual(Array.from(runEpoch(twoValidators(60, 40)).incentiveU16));
  });

  it('rejects a second variant with an existing name', () => {
    expect(() => registerEpochVariant({ name: 'yuma2', description: 'again', steps: YUMA2.steps })).toThrow(AssertionError);
    registerEpochVariant({ name: 'test-variant-duplicate', description: 'once', steps: YUMA3.steps });
    expect(() => registerEpochVariant({ name: 'test-variant-duplicate', description: 'twice', steps: YUMA3.steps })).toThrow(/already registered/);
  });

  it('registers a variant under a key of its own, once however often the same object is registered', () => {
    const v = { name: 'test-keyed', description: 'yuma3 under a path key', steps: YUMA3.steps };
    registerEpochVariant(v, '/abs/my.ts#Keyed');
    registerEpochVariant(v, '/abs/my.ts#Keyed');
    expect(findEpochVariant('/abs/my.ts#Keyed')).toBe(v);
    expect(findEpochVariant('test-keyed')).toBeUndefined();
    expect(runEpoch(twoValidators(60, 40), { variant: '/abs/my.ts#Keyed' }).variant).toBe('test-keyed');
    expect(() => registerEpochVariant({ ...v }, '/abs/my.ts#Keyed')).toThrow(/already registered/);
  });

  it('rejects a variant that repeats a step name', () => {
    expect(() =>
      registerEpochVariant({ name: 'test-variant-repeats', description: 'bad', steps: [...COMMON_STEPS, COMMON_STEPS[0]!] }),
    ).toThrow(/repeats step 'activity'/);
    expect(findEpochVariant('test-variant-repeats')).toBeUndefined();
  });
});
