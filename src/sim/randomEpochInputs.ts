/**
 * Random but reproducible subnet states for one epoch: V validators (uids 0..V−1, with stake and
 * permits) weighting a fraction of M miners (uids V..V+M−1). Used by the benchmark and by tests;
 * every draw comes from the given seeded stream.
 */
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../consensus/epoch/defaults.ts';
import { runEpoch, type EpochOptions } from '../consensus/epoch/runEpoch.ts';
import { SparseMatrixBuilder } from '../consensus/epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs } from '../consensus/epoch/types.ts';
import type { Rng } from '../primitives/rng.ts';

export interface RandomSubnetOptions {
  readonly validators: number;
  readonly miners: number;
  /** Fraction of (validator, miner) pairs with a weight set. */
  readonly weightDensity: number;
  /**
   * `uniform`: each validator weights a uniformly random subset of miners with random weights —
   * validators rarely agree, so most consensus is 0. `agreeing` (default): miners have a hidden
   * quality that validators score with noise, as on a working subnet, so consensus, clipping and
   * bonds all do real work.
   */
  readonly weightPattern?: 'uniform' | 'agreeing';
  readonly hyperparameters?: Partial<EpochHyperparameters>;
  readonly emissionRao?: bigint;
}

/** A subnet with freshly set weights and no bonds yet. */
export function randomEpochInputs(rng: Rng, o: RandomSubnetOptions): EpochInputs {
  const n = o.validators + o.miners;
  const block = 10_000;
  const alpha: bigint[] = [];
  for (let i = 0; i < n; i++) {
    // Log-uniform stakes between 1k and 1M alpha for validators; miners hold none.
    alpha.push(i < o.validators ? BigInt(Math.floor(10 ** (3 + 3 * rng.nextFloat()) * 1e9)) : 0n);
  }
  const perValidator = Math.max(1, Math.min(o.miners, Math.round(o.miners * o.weightDensity)));
  const weights = new SparseMatrixBuilder(n, o.validators * perValidator);
  const quality = Array.from({ length: o.miners }, () => rng.nextFloat());
  for (let i = 0; i < n; i++) {
    if (i < o.validators) {
      let chosen: { col: number; score: number }[];
      if ((o.weightPattern ?? 'agreeing') === 'agreeing') {
        const scored = quality.map((q, m) => ({ col: o.validators + m, score: Math.max(1e-6, q + 0.1 * rng.nextNormal()) }));
        scored.sort((a, b) => b.score - a.score || a.col - b.col);
        chosen = scored.slice(0, perValidator);
      } else {
        const cols = new Set<number>();
        while (cols.size < perValidator) cols.add(o.validators + rng.nextInt(0, o.miners));
        chosen = [...cols].map((col) => ({ col, score: rng.nextFloat() + 1e-6 }));
      }
      chosen.sort((a, b) => a.col - b.col);
      const max = Math.max(...chosen.map((t) => t.score));
      // Max-upscaled, as set_weights stores them.
      for (const t of chosen) weights.push(t.col, Math.max(1, Math.round((t.score / max) * 65535)));
    }
    weights.endRow();
  }
  return {
    n,
    currentBlock: block,
    lastUpdate: Array.from({ length: n }, (_, i) => (i < o.validators ? block - 1 - rng.nextInt(0, 100) : 1)),
    blockAtRegistration: Array.from({ length: n }, () => 1),
    alphaStakeRao: alpha,
    rootStakeRao: Array.from({ length: n }, () => 0n),
    ownerUid: null,
    validatorPermit: Array.from({ length: n }, (_, i) => i < o.validators),
    weights: weights.finish(),
    bonds: new SparseMatrixBuilder(n, 1).finish(),
    commits: [],
    currentEpochIndex: 0,
    lastMechanismStepBlock: block - 360,
    emissionRao: o.emissionRao ?? 1_000_000_000n,
    hyperparameters: {
      ...NEW_SUBNET_EPOCH_HYPERPARAMETERS,
      maxAllowedValidators: o.validators,
      commitRevealWeightsEnabled: false,
      taoWeightRaw: 0n,
      ...o.hyperparameters,
    },
  };
}

/**
 * The same subnet one epoch later: bonds and permits as the first epoch stored them, so the bond
 * EMA (and liquid alpha) work on real bonds.
 */
export function withBondsFromOneEpoch(inputs: EpochInputs, options: EpochOptions = {}): EpochInputs {
  const out = runEpoch(inputs, options);
  return { ...inputs, bonds: out.bondsU16, validatorPermit: out.newValidatorPermit };
}
