/**
 * Runs one Yuma Consensus epoch for one mechanism: the production sparse path of subtensor
 * `epoch/run_epoch.rs::epoch_mechanism` (commit 14bc6f9f), as the ordered sub-steps of a
 * variant. Pure: the inputs are never mutated and nothing outside the result is written.
 */
import { Arena } from '../../primitives/arena.ts';
import { assert } from '../../primitives/assert.ts';
import type { EpochArithmetic, NumericMode } from './arithmetic.ts';
import { chainArithmetic } from './chainArithmetic.ts';
import { floatArithmetic, floatProportionToU16 } from './floatArithmetic.ts';
import { i32f32ProportionToU16 } from '../../primitives/fixedNumber.ts';
import { emptySparse } from './sparseMatrix.ts';
import type { EpochInputs, EpochOutput, EpochWork } from './types.ts';
import { YUMA2, YUMA3, chainVariantFor, findEpochVariant, epochVariantNames, type EpochVariant } from './variants.ts';
import { runFusedFloatEpoch } from './fusedFloatEpoch.ts';

export interface EpochOptions {
  /** `chain` (default, bit-exact) or `float`. */
  readonly mode?: NumericMode;
  /** A registered variant name or object; default: the chain's choice from `yuma3On`. */
  readonly variant?: string | EpochVariant;
  /**
   * Memory to reuse across epochs (a simulator runs thousands). It is reset at the start of the
   * run, so every array of the previous result computed with it — outputs and trace — becomes
   * invalid. Without it each run allocates its own memory and results stay valid indefinitely.
   */
  readonly workspace?: Arena;
  /**
   * Runs the step pipeline even where the fused float path (fusedFloatEpoch.ts) would — for the
   * test that checks the two agree bit for bit, and for debugging. The results are the same.
   */
  readonly stepPipeline?: boolean;
}

/** A first guess at the bytes one epoch needs, so a fresh arena rarely grows. */
function estimateBytes(inputs: EpochInputs): number {
  const nnz = inputs.weights.val.length + inputs.bonds.val.length;
  return 4096 + inputs.n * 8 * 48 + nnz * 12 * 16;
}

export function arithmeticFor(mode: NumericMode): EpochArithmetic {
  return mode === 'chain' ? chainArithmetic : floatArithmetic;
}

export function resolveVariant(inputs: EpochInputs, variant: string | EpochVariant | undefined): EpochVariant {
  if (variant === undefined) return chainVariantFor(inputs.hyperparameters);
  if (typeof variant !== 'string') return variant;
  const found = findEpochVariant(variant);
  assert(found !== undefined, `unknown epoch variant '${variant}' (known: ${epochVariantNames().join(', ')})`);
  return found;
}

function makeWork(inputs: EpochInputs, ar: EpochArithmetic, mem: Arena): EpochWork {
  const n = inputs.n;
  assert(Number.isInteger(n) && n >= 0 && n <= 65535, `epoch: n must be a u16, got ${n}`);
  assert(inputs.blockAtRegistration.length === n, 'epoch: block_at_registration must have n entries');
  assert(inputs.alphaStakeRao.length === n && inputs.rootStakeRao.length === n, 'epoch: stakes must have n entries');
  const empty = new Float64Array(0);
  const emptyMatrix = emptySparse(0);
  return {
    inputs,
    ar,
    mem,
    n,
    inactive: [],
    active: [],
    stake: empty,
    currentPermit: [],
    currentPermitMasksVectors: true,
    newValidatorPermit: [],
    activeStake: empty,
    weightsStored: emptyMatrix,
    weightsKeep: null,
    weightsRowSum: empty,
    weightsRowsAscending: false,
    weights: emptyMatrix,
    consensus: empty,
    clippedWeights: emptyMatrix,
    validatorTrust: empty,
    incentive: empty,
    weightsForBonds: emptyMatrix,
    bonds: emptyMatrix,
    bondsDelta: null,
    emaBonds: emptyMatrix,
    dividends: empty,
    normalizedServerEmission: empty,
    normalizedValidatorEmission: empty,
    normalizedCombinedEmission: empty,
    serverEmissionRao: [],
    validatorEmissionRao: [],
    emissionRao: [],
    bondsU16: emptyMatrix,
  };
}

/**
 * Runs the variant's steps up to and including `lastStep` (all steps when omitted) and returns the
 * working state — for tests and for users inspecting one sub-step.
 */
export function runEpochUpTo(inputs: EpochInputs, lastStep: string | undefined, options: EpochOptions = {}): EpochWork {
  const variant = resolveVariant(inputs, options.variant);
  if (lastStep !== undefined) {
    assert(
      variant.steps.some((s) => s.name === lastStep),
      `variant '${variant.name}' has no step '${lastStep}' (steps: ${variant.steps.map((s) => s.name).join(', ')})`,
    );
  }
  return runSteps(inputs, variant, options.mode ?? 'chain', options.workspace, lastStep);
}

function runSteps(
  inputs: EpochInputs,
  variant: EpochVariant,
  mode: NumericMode,
  workspace: Arena | undefined,
  lastStep: string | undefined,
): EpochWork {
  const mem = workspace ?? new Arena(estimateBytes(inputs));
  mem.reset();
  const work = makeWork(inputs, arithmeticFor(mode), mem);
  for (const step of variant.steps) {
    step.run(work);
    if (step.name === lastStep) break;
  }
  return work;
}

function toU16Array(w: EpochWork, x: Float64Array): Uint16Array {
  const n = w.n;
  const out = w.mem.u16(n);
  // Direct calls (not through the backend object) so V8 inlines them; zeros (most uids in most
  // vectors) are already in place.
  if (w.ar.mode === 'chain') for (let i = 0; i < n; i++) out[i] = i32f32ProportionToU16(x[i] ?? 0);
  else {
    for (let i = 0; i < n; i++) {
      const v = x[i]!;
      if (v > 0) out[i] = floatProportionToU16(v);
    }
  }
  return out;
}

/** Runs a whole epoch and returns every output the chain stores or hands to the coinbase. */
export function runEpoch(inputs: EpochInputs, options: EpochOptions = {}): EpochOutput {
  const mode = options.mode ?? 'chain';
  const variant = resolveVariant(inputs, options.variant);
  const mem = options.workspace ?? new Arena(estimateBytes(inputs));
  if (mode === 'float' && options.stepPipeline !== true) {
    // The chain's variants in float mode have a fused implementation with the same results
    // (fusedFloatEpoch.ts); it declines inputs of an unusual shape, which the steps then run.
    const fused = variant === YUMA2 ? 'yuma2' : variant === YUMA3 ? 'yuma3' : null;
    if (fused !== null) {
      mem.reset();
      const out = runFusedFloatEpoch(inputs, fused, mem);
      if (out !== null) return out;
    }
  }
  const w = runSteps(inputs, variant, mode, mem, undefined);
  const { n } = w;
  return {
    mode,
    variant: variant.name,
    n,
    active: w.active,
    newValidatorPermit: w.newValidatorPermit,
    stakeWeightU16: toU16Array(w, w.stake),
    consensusU16: toU16Array(w, w.consensus),
    incentiveU16: toU16Array(w, w.incentive),
    dividendsU16: toU16Array(w, w.dividends),
    validatorTrustU16: toU16Array(w, w.validatorTrust),
    serverEmissionRao: w.serverEmissionRao,
    validatorEmissionRao: w.validatorEmissionRao,
    emissionRao: w.emissionRao,
    bondsU16: w.bondsU16,
    trace: {
      stake: w.stake,
      activeStake: w.activeStake,
      weights: w.weights,
      consensus: w.consensus,
      clippedWeights: w.clippedWeights,
      validatorTrust: w.validatorTrust,
      incentive: w.incentive,
      weightsForBonds: w.weightsForBonds,
      bondsDelta: w.bondsDelta,
      emaBonds: w.emaBonds,
      dividends: w.dividends,
      normalizedServerEmission: w.normalizedServerEmission,
      normalizedValidatorEmission: w.normalizedValidatorEmission,
      normalizedCombinedEmission: w.normalizedCombinedEmission,
    },
  };
}
