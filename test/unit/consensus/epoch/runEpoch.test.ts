import { describe, expect, it } from 'vitest';
import { chainArithmetic } from '../../../../src/consensus/epoch/chainArithmetic.ts';
import { floatArithmetic } from '../../../../src/consensus/epoch/floatArithmetic.ts';
import { arithmeticFor, resolveVariant, runEpoch, runEpochUpTo } from '../../../../src/consensus/epoch/runEpoch.ts';
import type { EpochInputs, EpochOutput } from '../../../../src/consensus/epoch/types.ts';
import { YUMA2, YUMA3 } from '../../../../src/consensus/epoch/variants.ts';
import { Arena } from '../../../../src/primitives/arena.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { ONE, makeInputs, rows, twoValidators } from './fixture.ts';

function plain(o: EpochOutput): unknown {
  return {
    mode: o.mode,
    variant: o.variant,
    n: o.n,
    active: [...o.active],
    permit: [...o.newValidatorPermit],
    u16: [o.stakeWeightU16, o.consensusU16, o.incentiveU16, o.dividendsU16, o.validatorTrustU16].map((x) => Array.from(x)),
    rao: [o.serverEmissionRao, o.validatorEmissionRao, o.emissionRao].map((x) => [...x]),
    bonds: rows(o.bondsU16),
    trace: [o.trace.stake, o.trace.activeStake, o.trace.consensus, o.trace.incentive, o.trace.dividends].map((x) => Array.from(x)),
    weights: rows(o.trace.weights),
    ema: rows(o.trace.emaBonds),
  };
}

/** A second state to interleave with `twoValidators`: other stakes, Yuma3 and existing bonds. */
function otherInputs(): EpochInputs {
  return {
    ...makeInputs({ n: 5, stake: [5, 7, 11, 0, 0], weights: { 0: [[3, 65535], [4, 100]], 1: [[4, 65535]], 2: [[3, 9], [4, 9]] } }),
    bonds: makeInputs({ n: 5, bonds: { 0: [[3, 30000]], 2: [[4, 65535]] } }).bonds,
    hyperparameters: { ...makeInputs({ n: 1 }).hyperparameters, yuma3On: true, liquidAlphaOn: true },
  };
}

describe('arithmeticFor and resolveVariant', () => {
  it('maps numeric modes to their backends', () => {
    expect(arithmeticFor('chain')).toBe(chainArithmetic);
    expect(arithmeticFor('float')).toBe(floatArithmetic);
  });

  it('resolves the chain’s variant by default, a registered name, or a variant object', () => {
    expect(resolveVariant(twoValidators(1, 1), undefined)).toBe(YUMA2);
    expect(resolveVariant(twoValidators(1, 1, { yuma3On: true }), undefined)).toBe(YUMA3);
    expect(resolveVariant(twoValidators(1, 1), 'yuma3')).toBe(YUMA3);
    expect(resolveVariant(twoValidators(1, 1), YUMA3)).toBe(YUMA3);
  });

  it('reports an unknown variant name with the known ones', () => {
    expect(() => resolveVariant(twoValidators(1, 1), 'nope')).toThrow(AssertionError);
    expect(() => runEpoch(twoValidators(1, 1), { variant: 'nope' })).toThrow(/unknown epoch variant 'nope' \(known: .*yuma2, .*yuma3/);
  });
});

describe('runEpochUpTo', () => {
  it('stops after the named step, leaving later fields at their empty defaults', () => {
    const w = runEpochUpTo(twoValidators(60, 40), 'consensus');
    expect(w.consensus.length).toBe(4);
    expect(w.clippedWeights.rowCount).toBe(0);
    expect(w.incentive.length).toBe(0);
    expect(w.emissionRao).toEqual([]);
  });

  it('runs every step when no step is named', () => {
    const w = runEpochUpTo(twoValidators(60, 40), undefined);
    expect(w.bondsU16.rowCount).toBe(4);
    expect(w.emissionRao.length).toBe(4);
  });

  it('refuses a step the variant does not have, listing its steps', () => {
    expect(() => runEpochUpTo(twoValidators(60, 40), 'bondsDelta', { variant: 'yuma3' })).toThrow(/variant 'yuma3' has no step 'bondsDelta' \(steps: activity, stake/);
    expect(() => runEpochUpTo(twoValidators(60, 40), 'nonsense')).toThrow(AssertionError);
  });

  it('validates the input shapes', () => {
    const good = twoValidators(60, 40);
    expect(() => runEpochUpTo({ ...good, blockAtRegistration: [1, 1, 1] }, undefined)).toThrow(/block_at_registration must have n entries/);
    expect(() => runEpochUpTo({ ...good, alphaStakeRao: [1n] }, undefined)).toThrow(/stakes must have n entries/);
    expect(() => runEpochUpTo({ ...good, n: 70000 }, undefined)).toThrow(/n must be a u16/);
  });
});

describe('runEpoch', () => {
  it('reports its mode and variant and one value per uid in every output', () => {
    const out = runEpoch(twoValidators(60, 40));
    expect(out.mode).toBe('chain');
    expect(out.variant).toBe('yuma2');
    expect(out.n).toBe(4);
    for (const v of [out.active, out.newValidatorPermit, out.serverEmissionRao, out.validatorEmissionRao, out.emissionRao]) expect(v.length).toBe(4);
    for (const v of [out.stakeWeightU16, out.consensusU16, out.incentiveU16, out.dividendsU16, out.validatorTrustU16]) expect(v.length).toBe(4);
    expect(out.trace.bondsDelta).not.toBeNull();
  });

  it('handles an empty subnet', () => {
    const out = runEpoch(makeInputs({ n: 0 }));
    expect(out.n).toBe(0);
    expect(out.emissionRao).toEqual([]);
    expect(out.bondsU16.rowCount).toBe(0);
  });

  it('never mutates its inputs', () => {
    const inputs = otherInputs();
    const before = JSON.stringify({ ...inputs, weights: rows(inputs.weights), bonds: rows(inputs.bonds) }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    runEpoch(inputs);
    runEpoch(inputs, { mode: 'float' });
    const after = JSON.stringify({ ...inputs, weights: rows(inputs.weights), bonds: rows(inputs.bonds) }, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
    expect(after).toBe(before);
  });

  it('gives identical results when a workspace is reused across epochs', () => {
    const fresh = [plain(runEpoch(twoValidators(60, 40))), plain(runEpoch(otherInputs())), plain(runEpoch(otherInputs(), { mode: 'float' }))];
    const workspace = new Arena(128);
    const reused = [
      plain(runEpoch(twoValidators(60, 40), { workspace })),
      plain(runEpoch(otherInputs(), { workspace })),
      plain(runEpoch(otherInputs(), { mode: 'float', workspace })),
    ];
    expect(reused).toEqual(fresh);
    // And once more on the same inputs after the arena has grown.
    expect(plain(runEpoch(twoValidators(60, 40), { workspace }))).toEqual(fresh[0]);
  });

  it('invalidates the previous result’s arrays when the workspace is reused (documented behaviour)', () => {
    const workspace = new Arena(1 << 16);
    const first = runEpoch(twoValidators(60, 40), { workspace });
    const stakeBefore = Array.from(first.trace.stake);
    runEpoch(makeInputs({ n: 4, stake: [1, 0, 0, 0] }), { workspace });
    expect(Array.from(first.trace.stake)).not.toEqual(stakeBefore);
  });

  it('agrees with chain mode to about 1e-9 in float mode', () => {
    const c = runEpoch(otherInputs());
    const f = runEpoch(otherInputs(), { mode: 'float' });
    expect(f.mode).toBe('float');
    for (let i = 0; i < 5; i++) {
      expect(f.trace.incentive[i]!).toBeCloseTo(c.trace.incentive[i]! / ONE, 8);
      expect(f.trace.dividends[i]!).toBeCloseTo(c.trace.dividends[i]! / ONE, 8);
    }
  });
});
