import { describe, expect, it } from 'vitest';
import { deriveEpochVariant } from '../../../../src/consensus/epoch/deriveEpochVariant.ts';
import { runEpoch } from '../../../../src/consensus/epoch/runEpoch.ts';
import type { EpochStep } from '../../../../src/consensus/epoch/types.ts';
import { YUMA3 } from '../../../../src/consensus/epoch/variants.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { twoValidators } from './fixture.ts';

const flatIncentive: EpochStep = {
  name: 'incentive',
  description: 'every uid gets the same incentive',
  run(w) {
    const x = w.mem.f64(w.n).fill(w.ar.one / w.n);
    w.incentive = x;
  },
};

describe('deriveEpochVariant', () => {
  it('replaces the named steps in place and keeps every other step object', () => {
    const v = deriveEpochVariant(YUMA3, { name: 'flat', description: 'test', replace: { incentive: flatIncentive } });
    expect(v.name).toBe('flat');
    expect(v.steps.map((s) => s.name)).toEqual(YUMA3.steps.map((s) => s.name));
    v.steps.forEach((s, i) => expect(s).toBe(YUMA3.steps[i]!.name === 'incentive' ? flatIncentive : YUMA3.steps[i]));
    const out = runEpoch(twoValidators(60, 40, { yuma3On: true }), { variant: v, mode: 'float' });
    expect(out.variant).toBe('flat');
    expect(Array.from(out.trace.incentive)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('refuses to replace a step the base does not have, or to repeat a step name', () => {
    expect(() => deriveEpochVariant(YUMA3, { name: 'x', description: '', replace: { incentives: flatIncentive } })).toThrow(AssertionError);
    expect(() => deriveEpochVariant(YUMA3, { name: 'x', description: '', replace: { incentives: flatIncentive } })).toThrow(/has no step 'incentives'/);
    expect(() => deriveEpochVariant(YUMA3, { name: 'x', description: '', replace: { consensus: flatIncentive } })).toThrow(/would repeat step 'incentive'/);
  });
});
