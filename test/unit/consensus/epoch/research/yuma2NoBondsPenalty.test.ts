import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { sparseToRows } from '../../../../../src/consensus/epoch/sparseMatrix.ts';
import { YUMA2_NO_BONDS_PENALTY } from '../../../../../src/consensus/epoch/research/yuma2NoBondsPenalty.ts';
import { YUMA2, findEpochVariant } from '../../../../../src/consensus/epoch/variants.ts';
import type { EpochInputs, EpochOutput } from '../../../../../src/consensus/epoch/types.ts';
import { makeInputs, vec } from '../fixture.ts';

/**
 * Validator 0 (40% of the stake) weights miners 2 and 3; validator 1 (60%) weights miner 2 only,
 * so miner 3's consensus is 0 and validator 0's weight on it is clipped away. Stored bonds give
 * both validators a history on miner 2, and validator 1 one on miner 3.
 */
function cabal(bondsPenalty: number): EpochInputs {
  return makeInputs({
    n: 4,
    stake: [40, 60, 0, 0],
    permit: [true, true, false, false],
    weights: { 0: [[2, 65535], [3, 65535]], 1: [[2, 65535]] },
    bonds: { 0: [[2, 20000]], 1: [[2, 65535], [3, 30000]] },
    hp: { yuma3On: false, bondsPenaltyU16: bondsPenalty },
  });
}

function everything(o: EpochOutput) {
  const t = o.trace;
  return {
    consensus: vec(o.consensusU16),
    incentive: vec(o.incentiveU16),
    dividends: vec(o.dividendsU16),
    trust: vec(o.validatorTrustU16),
    server: o.serverEmissionRao,
    validator: o.validatorEmissionRao,
    combined: o.emissionRao,
    bonds: sparseToRows(o.bondsU16),
    weightsForBonds: sparseToRows(t.weightsForBonds),
    emaBonds: sparseToRows(t.emaBonds),
  };
}

describe('yuma2_no_bonds_penalty', () => {
  it('is registered and replaces only the bondsWeights step of Yuma2', () => {
    expect(findEpochVariant('yuma2_no_bonds_penalty')).toBe(YUMA2_NO_BONDS_PENALTY);
    const changed = YUMA2_NO_BONDS_PENALTY.steps.filter((s, i) => s !== YUMA2.steps[i]).map((s) => s.name);
    expect(changed).toEqual(['bondsWeights']);
  });

  for (const mode of ['chain', 'float'] as const) {
    it(`equals yuma2 exactly when bonds_penalty = 0 (${mode})`, () => {
      const inputs = cabal(0);
      const research = runEpoch(inputs, { mode, variant: 'yuma2_no_bonds_penalty' });
      expect(everything(research)).toEqual(everything(runEpoch(inputs, { mode, variant: 'yuma2' })));
    });

    it(`keeps bonds on a clipped weight under a bonds penalty, where yuma2 drops them (${mode})`, () => {
      for (const penalty of [65535, 32768]) {
        const inputs = cabal(penalty);
        const chain = runEpoch(inputs, { mode, variant: 'yuma2' });
        const research = runEpoch(inputs, { mode, variant: 'yuma2_no_bonds_penalty' });
        // Consensus, clipping and incentive read the clipped weights: unchanged.
        expect(vec(research.consensusU16)).toEqual(vec(chain.consensusU16));
        expect(vec(research.incentiveU16)).toEqual(vec(chain.incentiveU16));
        expect(vec(research.validatorTrustU16)).toEqual(vec(chain.validatorTrustU16));
        expect(research.serverEmissionRao).toEqual(chain.serverEmissionRao);
        expect(chain.consensusU16[3]).toBe(0);
        // The bonds follow W, not W̃.
        expect(sparseToRows(research.trace.weightsForBonds)).toEqual(sparseToRows(research.trace.weights));
        expect(sparseToRows(chain.trace.weightsForBonds)).not.toEqual(sparseToRows(chain.trace.weights));
        if (penalty === 65535) {
          // With the full penalty yuma2 gives validator 0 no bond in the clipped miner 3; the variant does.
          const bond03 = (o: EpochOutput) => sparseToRows(o.bondsU16)[0]!.find(([j]) => j === 3)?.[1] ?? 0;
          expect(bond03(chain)).toBe(0);
          expect(bond03(research)).toBeGreaterThan(0);
        }
      }
    });
  }
});
