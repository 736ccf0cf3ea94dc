/**
 * Everything a mechanism module needs, from one import (scenarios/README.md, *Mechanisms*): the
 * epoch interface (`EpochVariant`, `EpochStep`, `EpochWork` and what it holds), the chain's
 * variants and steps to build on, `deriveEpochVariant` to replace a step, and the epoch's math
 * and fixed-point helpers, which follow the numeric mode (`work.ar.mode`) so a step written with
 * them runs in `chain` and `float` mode alike.
 *
 *   import { YUMA3, deriveEpochVariant, type EpochStep } from '<yumalab>/src/consensus/epoch/epochVariantApi.ts';
 */
export type { EpochArithmetic, NumericMode } from './arithmetic.ts';
export { COMMON_STEPS, YUMA2, YUMA3, chainVariantFor, type EpochVariant } from './chainVariants.ts';
export { deriveEpochVariant, type VariantChanges } from './deriveEpochVariant.ts';
export { epochVariantProblem } from './epochVariantShape.ts';
export {
  colClipSparse,
  colMaxUpscaleSparse,
  colNormalizeSparse,
  interpolateSparse,
  isTopk,
  isZero,
  matEmaAlphaSparse,
  matEmaSparse,
  matmulSparse,
  matmulTransposeSparse,
  normalize,
  normalizeInPlace,
  rowHadamardSparse,
  rowSumSparse,
  type MathContext,
} from './math.ts';
export { YUMA2_NO_BONDS_PENALTY, rawWeightsForBondsStep } from './research/yuma2NoBondsPenalty.ts';
export { YUMA3_NO_STAKE_DIVIDENDS, noStakeDividendsStep } from './research/yuma3NoStakeDividends.ts';
export { runEpoch, runEpochUpTo, type EpochOptions } from './runEpoch.ts';
export { sparseFromRows, sparseGet, sparseToRows, type SparseMatrix, type SparseRow } from './sparseMatrix.ts';
export { activeStakeStep } from './steps/activeStake.ts';
export { activityStep } from './steps/activity.ts';
export { bondsWeightsStep } from './steps/bondsWeights.ts';
export { yuma2BondsDeltaStep, yuma2BondsEmaStep, yuma2BondsLoadStep, yuma2BondsStoreStep, yuma2DividendsStep } from './steps/bondsYuma2.ts';
export { yuma3BondsEmaStep, yuma3BondsLoadStep, yuma3BondsStoreStep, yuma3DividendsStep } from './steps/bondsYuma3.ts';
export { clippingStep } from './steps/clipping.ts';
export { consensusStep } from './steps/consensus.ts';
export { emissionStep } from './steps/emission.ts';
export { incentiveStep } from './steps/incentive.ts';
export { stakeStep } from './steps/stake.ts';
export { validatorPermitsStep } from './steps/validatorPermits.ts';
export {
  weightsLoadStep,
  weightsMaskCommitRevealStep,
  weightsMaskOutdatedStep,
  weightsMaskPermitsStep,
  weightsMaskSelfStep,
  weightsRowNormalizeStep,
} from './steps/weights.ts';
export type { EpochHyperparameters, EpochInputs, EpochOutput, EpochStep, EpochWork } from './types.ts';
export { weightedMedianColSparse } from './weightedMedian.ts';
export { divI32F32, mulI32F32 } from '../../primitives/fixedNumber.ts';
