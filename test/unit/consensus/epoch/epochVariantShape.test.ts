import { describe, expect, it } from 'vitest';
import { epochVariantProblem, isEpochVariant } from '../../../../src/consensus/epoch/epochVariantShape.ts';
import { BUILTIN_EPOCH_VARIANTS } from '../../../../src/consensus/epoch/variants.ts';

const step = { name: 'a', description: 'd', run: () => undefined };

describe('epochVariantProblem', () => {
  it('accepts every built-in variant', () => {
    for (const v of BUILTIN_EPOCH_VARIANTS) expect(epochVariantProblem(v), v.name).toBeNull();
    expect(isEpochVariant(BUILTIN_EPOCH_VARIANTS[0])).toBe(true);
  });

  it('names what is wrong with a value that is not an epoch variant', () => {
    const cases: [unknown, RegExp][] = [
      [undefined, /got undefined/],
      [null, /got null/],
      [42, /got number/],
      [{ description: '', steps: [step] }, /^name must be a non-empty string$/],
      [{ name: 'v', steps: [step] }, /^description must be a string$/],
      [{ name: 'v', description: '', steps: [] }, /^steps must be a non-empty array/],
      [{ name: 'v', description: '', steps: [step, 3] }, /^steps\[1\] is not an epoch step/],
      [{ name: 'v', description: '', steps: [{ ...step, name: '' }] }, /^steps\[0\]\.name must be/],
      [{ name: 'v', description: '', steps: [{ name: 'b', run: () => undefined }] }, /^steps\[0\] \('b'\): description must be a string$/],
      [{ name: 'v', description: '', steps: [{ name: 'b', description: '', run: 'x' }] }, /^steps\[0\] \('b'\): run must be a function/],
      [{ name: 'v', description: '', steps: [step, step] }, /^steps repeat the name 'a'$/],
    ];
    for (const [value, message] of cases) expect(epochVariantProblem(value)).toMatch(message);
  });
});
