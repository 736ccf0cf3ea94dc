/**
 * The chain state of one study sample as the epoch reads it (spec §7.1–7.2): netuid 1 at block 1,
 * tempo 65 534, all 512 uids registered at block 0 with their stakes, no owner, commit–reveal off,
 * original Yuma, κ and β from the parameters, no prior bonds. The warm-up epoch (no weights yet)
 * only hands out validator permits; then every validator stores its weight row and every server
 * a self-weight at block 1, and the measured epoch runs at block 1.
 *
 * The stored structure (which uid weights which) is the same at every grid point; only the
 * validators' values change. `RetentionEpochInputs.at` therefore rewrites one shared value array
 * instead of building a matrix per point: the inputs it returns are valid until the next call.
 */
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../../../consensus/epoch/defaults.ts';
import { runEpoch } from '../../../consensus/epoch/runEpoch.ts';
import { emptySparse, SparseMatrixBuilder, type SparseMatrix } from '../../../consensus/epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs } from '../../../consensus/epoch/types.ts';
import { RETENTION_NETWORK, u16ProportionOf, type RetentionParams } from './retentionParams.ts';
import type { RetentionSample } from './retentionSample.ts';
import type { RetentionWeightRows } from './retentionWeightRows.ts';

/** The block of everything after registration (registration itself is block 0). */
const BLOCK = 1;

export function retentionHyperparameters(p: Pick<RetentionParams, 'kappa' | 'bondsPenalty'>): EpochHyperparameters {
  return {
    ...NEW_SUBNET_EPOCH_HYPERPARAMETERS,
    tempoBlocks: RETENTION_NETWORK.tempoBlocks,
    kappaU16: u16ProportionOf(p.kappa),
    bondsPenaltyU16: u16ProportionOf(p.bondsPenalty),
    bondsMovingAveragePpm: 900_000,
    yuma3On: false,
    liquidAlphaOn: false,
    maxAllowedValidators: RETENTION_NETWORK.validators,
    commitRevealWeightsEnabled: false,
    stakeThresholdRao: 0n,
    taoWeightRaw: 0n,
  };
}

function baseInputs(sample: RetentionSample, p: Pick<RetentionParams, 'kappa' | 'bondsPenalty'>): Omit<EpochInputs, 'lastUpdate' | 'validatorPermit' | 'weights'> {
  const n = RETENTION_NETWORK.neurons;
  return {
    n,
    currentBlock: BLOCK,
    blockAtRegistration: new Array<number>(n).fill(0),
    alphaStakeRao: sample.stakeRao,
    rootStakeRao: new Array<bigint>(n).fill(0n),
    ownerUid: null,
    bonds: emptySparse(n),
    commits: [],
    currentEpochIndex: 0,
    lastMechanismStepBlock: 0,
    emissionRao: RETENTION_NETWORK.epochEmissionRao,
    hyperparameters: retentionHyperparameters(p),
  };
}

/**
 * The permits of the warm-up epoch (spec §7.2 step 4): the real permit step on the sampled
 * stakes — the top 64 non-zero stakes, i.e. every validator whose stake is not 0. A validator
 * whose stake noise clamped to 0 gets none, and its weights are then masked (spec §10, where the
 * chain test would have panicked instead).
 */
export function warmUpPermits(sample: RetentionSample, p: Pick<RetentionParams, 'kappa' | 'bondsPenalty' | 'mode'>): readonly boolean[] {
  const n = RETENTION_NETWORK.neurons;
  const inputs: EpochInputs = { ...baseInputs(sample, p), lastUpdate: new Array<number>(n).fill(0), validatorPermit: [], weights: emptySparse(n) };
  return runEpoch(inputs, { mode: p.mode, variant: 'yuma2' }).newValidatorPermit;
}

export class RetentionEpochInputs {
  readonly #base: Omit<EpochInputs, 'lastUpdate' | 'validatorPermit' | 'weights'>;
  readonly #lastUpdate: readonly number[];
  readonly #permits: readonly boolean[];
  readonly #weights: SparseMatrix;
  readonly #rows: RetentionWeightRows;
  readonly #majorValidators: number;

  constructor(sample: RetentionSample, rows: RetentionWeightRows, permits: readonly boolean[], p: Pick<RetentionParams, 'kappa' | 'bondsPenalty'>) {
    const { neurons, validators, servers } = RETENTION_NETWORK;
    this.#base = baseInputs(sample, p);
    this.#lastUpdate = new Array<number>(neurons).fill(BLOCK);
    this.#permits = permits;
    this.#rows = rows;
    this.#majorValidators = sample.teams.majorValidators;
    // Validators list all 448 servers in uid order (zeros included); servers weight themselves.
    const b = new SparseMatrixBuilder(neurons, validators * servers + servers);
    for (let uid = 0; uid < neurons; uid++) {
      if (uid < validators) for (let k = 0; k < servers; k++) b.push(validators + k, 0);
      else b.push(uid, 65535);
      b.endRow();
    }
    this.#weights = b.finish();
  }

  /** Inputs of the measured epoch at W_H = a/steps, W_C = b/steps; valid until the next call. */
  at(a: number, b: number): EpochInputs {
    const { validators, servers } = RETENTION_NETWORK;
    const { size, storedU16 } = this.#rows;
    const val = this.#weights.val;
    for (let i = 0; i < validators; i++) {
      const g = i < this.#majorValidators ? a : b;
      val.set(storedU16.subarray((i * size + g) * servers, (i * size + g + 1) * servers), i * servers);
    }
    return { ...this.#base, lastUpdate: this.#lastUpdate, validatorPermit: this.#permits, weights: this.#weights };
  }
}
