/**
 * Metamorphic properties of the chain-mode epoch: renaming uids renames every output, and scaling
 * every stake by an integer leaves every output unchanged — both bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../src/consensus/epoch/runEpoch.ts';
import type { EpochInputs, EpochOutput } from '../../src/consensus/epoch/types.ts';
import { cells, epochInputsArbitrary, permutationArbitrary, permuteInputs } from './arbitraries.ts';
import { snapshotOutput } from '../support/epochOutput.ts';

const VARIANTS = ['yuma2', 'yuma3'] as const;

/** Non-zero normalised stakes are pairwise distinct, so the top-k permit tie rule never applies. */
function permitsTieFree(out: EpochOutput): boolean {
  const seen = new Set<number>();
  for (const s of out.trace.stake) {
    if (s === 0) continue;
    if (seen.has(s)) return false;
    seen.add(s);
  }
  return true;
}

function expectPermuted<T>(after: ArrayLike<T>, before: ArrayLike<T>, perm: readonly number[], what: string): void {
  expect(after.length, what).toBe(before.length);
  const expected = new Array<T>(before.length);
  for (let i = 0; i < before.length; i++) expected[perm[i]!] = before[i]!;
  expect(Array.from(after), what).toEqual(expected);
}

describe('uid relabelling', () => {
  it('permutes every per-uid output exactly when every per-uid input is permuted, in chain mode', () => {
    const arb = epochInputsArbitrary({ minN: 1, permutable: true }).chain((inputs) =>
      fc.tuple(fc.constant(inputs), permutationArbitrary(inputs.n)),
    );
    fc.assert(
      fc.property(arb, ([inputs, perm]) => {
        const permuted = permuteInputs(inputs, perm);
        for (const variant of VARIANTS) {
          const a = runEpoch(inputs, { variant });
          // Ties between non-zero stakes make the permit rule depend on uid order (lower uid loses).
          fc.pre(permitsTieFree(a));
          const b = runEpoch(permuted, { variant });
          const tag = (s: string): string => `${variant} ${s}`;
          expectPermuted(b.active, a.active, perm, tag('active'));
          expectPermuted(b.newValidatorPermit, a.newValidatorPermit, perm, tag('newValidatorPermit'));
          expectPermuted(b.stakeWeightU16, a.stakeWeightU16, perm, tag('stakeWeightU16'));
          expectPermuted(b.consensusU16, a.consensusU16, perm, tag('consensusU16'));
          expectPermuted(b.incentiveU16, a.incentiveU16, perm, tag('incentiveU16'));
          expectPermuted(b.dividendsU16, a.dividendsU16, perm, tag('dividendsU16'));
          expectPermuted(b.validatorTrustU16, a.validatorTrustU16, perm, tag('validatorTrustU16'));
          expectPermuted(b.serverEmissionRao, a.serverEmissionRao, perm, tag('serverEmissionRao'));
          expectPermuted(b.validatorEmissionRao, a.validatorEmissionRao, perm, tag('validatorEmissionRao'));
          expectPermuted(b.emissionRao, a.emissionRao, perm, tag('emissionRao'));
          expect(cells(b.bondsU16), tag('bondsU16')).toEqual(cells(a.bondsU16, perm));
          // The intermediate values follow as well.
          for (const key of ['stake', 'activeStake', 'consensus', 'validatorTrust', 'incentive', 'dividends', 'normalizedCombinedEmission'] as const) {
            expectPermuted(b.trace[key], a.trace[key], perm, tag(`trace.${key}`));
          }
          for (const key of ['weights', 'clippedWeights', 'weightsForBonds', 'emaBonds'] as const) {
            expect(cells(b.trace[key]), tag(`trace.${key}`)).toEqual(cells(a.trace[key], perm));
          }
        }
      }),
      { seed: 0x5eed_0002, numRuns: 600 },
    );
  });
});

/** Every stake (alpha and root) and the stake threshold multiplied by c. */
function scaleStakes(inputs: EpochInputs, c: bigint): EpochInputs {
  return {
    ...inputs,
    alphaStakeRao: inputs.alphaStakeRao.map((x) => x * c),
    rootStakeRao: inputs.rootStakeRao.map((x) => x * c),
    hyperparameters: { ...inputs.hyperparameters, stakeThresholdRao: inputs.hyperparameters.stakeThresholdRao * c },
  };
}

describe('stake scaling', () => {
  /*
   * With T_i = α_i·2^32 + τ_i·tw (an integer: tw has 32 fractional bits) the chain's share is
   * floor(T_i·2^32 / ΣT), unchanged when every T_i is multiplied by c; and the threshold test
   * floor(T_i / 2^32) < θ is equivalent to T_i < θ·2^32 for an integer θ, so scaling θ by c too
   * keeps it. Hence the test holds for any tao weight, not only tao_weight = 0.
   */
  it('leaves every output unchanged when all stakes and the stake threshold are multiplied by an integer, in chain mode', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), fc.bigInt({ min: 2n, max: 1000n }), fc.boolean(), (inputs, c, zeroTaoWeight) => {
        const base: EpochInputs = zeroTaoWeight
          ? { ...inputs, hyperparameters: { ...inputs.hyperparameters, taoWeightRaw: 0n, stakeThresholdRao: 0n } }
          : inputs;
        const scaled = scaleStakes(base, c);
        for (const variant of VARIANTS) {
          const a = snapshotOutput(runEpoch(base, { variant }));
          const b = snapshotOutput(runEpoch(scaled, { variant }));
          expect(b, `${variant}, c = ${c}`).toEqual(a);
        }
      }),
      { seed: 0x5eed_0003, numRuns: 600 },
    );
  });
});
