/**
 * An example mechanism module (scenarios/README.md, *Mechanisms*): Yuma3 with one step changed.
 * The `incentive` step pays miners in proportion to their rank squared instead of their rank,
 * I = normalize(R ∘ R) with R = Σ_i A_i · Wc_ij — the best-ranked miners get more, the tail less.
 * Every other step is the chain's own; dividends follow (D = bonds · I).
 *
 * Use it from a scenario (the path is relative to the scenario file):
 *
 *   chain:
 *     mechanism: ../examples/my-yuma.ts#MyYuma
 *
 * or for one run: `yumalab run scenarios/baseline.yaml --set chain.mechanism=../examples/my-yuma.ts#MyYuma`.
 * The step uses the math helpers and `w.ar` (the numeric backend), so it runs in `chain` (I32F32,
 * the chain's rounding) and `float` mode alike.
 */
import {
  YUMA3,
  deriveEpochVariant,
  matmulSparse,
  normalizeInPlace,
  type EpochStep,
  type EpochVariant,
  type EpochWork,
} from '../src/consensus/epoch/epochVariantApi.ts';

/** Reads the clipped weights and active stake; writes `incentive`, as the chain's step does. */
export const squaredIncentiveStep: EpochStep = {
  name: 'incentive',
  description: 'I = normalize(R ∘ R), R = matmul_sparse(Wc, A): incentive ∝ rank squared',
  run(w: EpochWork): void {
    const ranks = matmulSparse(w, w.clippedWeights, w.activeStake, w.n);
    for (let j = 0; j < w.n; j++) ranks[j] = w.ar.mul(ranks[j]!, ranks[j]!);
    w.incentive = normalizeInPlace(w, ranks);
  },
};

export const MyYuma: EpochVariant = deriveEpochVariant(YUMA3, {
  name: 'my_yuma',
  description: 'Example: Yuma3 with miner incentive ∝ rank² (examples/my-yuma.ts).',
  replace: { incentive: squaredIncentiveStep },
});
