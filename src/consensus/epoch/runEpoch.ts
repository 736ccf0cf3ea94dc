/**
 * Runs one Yuma Consensus epoch for one mechanism: the production sparse path of subtensor
 * `epoch/run_epoch.rs::epoch_mechanism` (commit 14bc6f9f), as the ordered sub-steps of a
 * variant. Pure: the inputs are never mutated and nothing outside the result is written.
 */
import { assert } from '../../primitives/assert.ts';
import type { EpochArithmetic, NumericMode } from './arithmetic.ts';
import { chainArithmetic } from './chainArithmetic.ts';
import { floatArithmetic } from './floatArithmetic.ts';
import { emptySparse } from './sparseMatrix.ts';
import type { EpochInputs, EpochOutput, EpochWork } from './types.ts';
import { chainVariantFor, findEpochVariant, epochVariantNames, type EpochVariant } from './variants.ts';

export interface EpochOptions {
  /** `chain` (default, bit-exact) or `float`. */
  readonly mode?: NumericMode;
  /** A registered variant name or object; default: the chain's choice from `yuma3On`. */
  readonly variant?: string | EpochVariant;
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

function makeWork(inputs: EpochInputs, ar: EpochArithmetic): EpochWork {
  const n = inputs.n;
  assert(Number.isInteger(n) && n >= 0 && n <= 65535, `epoch: n must be a u16, got ${n}`);
  assert(inputs.blockAtRegistration.length === n, 'epoch: block_at_registration must have n entries');
  assert(inputs.alphaStakeRao.length === n && inputs.rootStakeRao.length === n, 'epoch: stakes must have n entries');
  const empty = new Float64Array(0);
  return {
    inputs,
    ar,
    n,
    inactive: [],
    active: [],
    stake: empty,
    currentPermit: [],
    currentPermitMasksVectors: true,
    newValidatorPermit: [],
    activeStake: empty,
    weights: emptySparse(n),
    consensus: empty,
    clippedWeights: emptySparse(n),
    validatorTrust: empty,
    incentive: empty,
    weightsForBonds: emptySparse(n),
    bonds: emptySparse(n),
    bondsDelta: null,
    emaBonds: emptySparse(n),
    dividends: empty,
    normalizedServerEmission: empty,
    normalizedValidatorEmission: empty,
    normalizedCombinedEmission: empty,
    serverEmissionRao: [],
    validatorEmissionRao: [],
    emissionRao: [],
    bondsU16: emptySparse(n),
  };
}

/**
 * Runs the variant's steps up to and including `lastStep` (all steps when omitted) and returns the
 * working state — for tests and for users inspecting one sub-step.
 */
export function runEpochUpTo(inputs: EpochInputs, lastStep: string | undefined, options: EpochOptions = {}): EpochWork {
  const ar = arithmeticFor(options.mode ?? 'chain');
  const variant = resolveVariant(inputs, options.variant);
  if (lastStep !== undefined) {
    assert(
      variant.steps.some((s) => s.name === lastStep),
      `variant '${variant.name}' has no step '${lastStep}' (steps: ${variant.steps.map((s) => s.name).join(', ')})`,
    );
  }
  const work = makeWork(inputs, ar);
  for (const step of variant.steps) {
    step.run(work);
    if (step.name === lastStep) break;
  }
  return work;
}

function toU16Array(ar: EpochArithmetic, x: Float64Array, n: number): Uint16Array {
  const out = new Uint16Array(n);
  for (let i = 0; i < n; i++) out[i] = ar.toU16(x[i] ?? 0);
  return out;
}

/** Runs a whole epoch and returns every output the chain stores or hands to the coinbase. */
export function runEpoch(inputs: EpochInputs, options: EpochOptions = {}): EpochOutput {
  const mode = options.mode ?? 'chain';
  const variant = resolveVariant(inputs, options.variant);
  const w = runEpochUpTo(inputs, undefined, { mode, variant });
  const { ar, n } = w;
  return {
    mode,
    variant: variant.name,
    n,
    active: w.active,
    newValidatorPermit: w.newValidatorPermit,
    stakeWeightU16: toU16Array(ar, w.stake, n),
    consensusU16: toU16Array(ar, w.consensus, n),
    incentiveU16: toU16Array(ar, w.incentive, n),
    dividendsU16: toU16Array(ar, w.dividends, n),
    validatorTrustU16: toU16Array(ar, w.validatorTrust, n),
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
