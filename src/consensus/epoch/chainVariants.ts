/**
 * The chain's two epoch variants as ordered step lists: `yuma2` and `yuma3` are the bond/dividend
 * branches subtensor selects per subnet with `Yuma3On` (`epoch/run_epoch.rs::epoch_mechanism`,
 * commit 14bc6f9f). Research variants (research/) and user modules build on these lists; the
 * registry that names them all is variants.ts.
 */
import { activeStakeStep } from './steps/activeStake.ts';
import { activityStep } from './steps/activity.ts';
import { bondsWeightsStep } from './steps/bondsWeights.ts';
import {
  yuma2BondsDeltaStep,
  yuma2BondsEmaStep,
  yuma2BondsLoadStep,
  yuma2BondsStoreStep,
  yuma2DividendsStep,
} from './steps/bondsYuma2.ts';
import { yuma3BondsEmaStep, yuma3BondsLoadStep, yuma3BondsStoreStep, yuma3DividendsStep } from './steps/bondsYuma3.ts';
import { clippingStep } from './steps/clipping.ts';
import { consensusStep } from './steps/consensus.ts';
import { emissionStep } from './steps/emission.ts';
import { incentiveStep } from './steps/incentive.ts';
import { stakeStep } from './steps/stake.ts';
import { validatorPermitsStep } from './steps/validatorPermits.ts';
import {
  weightsLoadStep,
  weightsMaskCommitRevealStep,
  weightsMaskOutdatedStep,
  weightsMaskPermitsStep,
  weightsMaskSelfStep,
  weightsRowNormalizeStep,
} from './steps/weights.ts';
import type { EpochHyperparameters, EpochStep } from './types.ts';

/**
 * An epoch mechanism: a name, a sentence saying what it is (and, for a research variant, what it
 * changes against the chain), and the ordered steps `runEpoch` runs on one `EpochWork`. The
 * contract each step follows is documented on `EpochStep` (types.ts) and in scenarios/README.md
 * (*Mechanisms*).
 */
export interface EpochVariant {
  readonly name: string;
  readonly description: string;
  readonly steps: readonly EpochStep[];
}

/** Steps shared by every chain variant, up to the weights used for bonds (spec/yuma.md §2.1–§2.9). */
export const COMMON_STEPS: readonly EpochStep[] = [
  activityStep,
  stakeStep,
  validatorPermitsStep,
  activeStakeStep,
  weightsLoadStep,
  weightsMaskPermitsStep,
  weightsMaskSelfStep,
  weightsMaskOutdatedStep,
  weightsMaskCommitRevealStep,
  weightsRowNormalizeStep,
  consensusStep,
  clippingStep,
  incentiveStep,
  bondsWeightsStep,
];

export const YUMA2: EpochVariant = {
  name: 'yuma2',
  description: 'The chain with Yuma3On = false: stake-weighted EMA bonds, column-max-upscaled storage (spec/yuma.md §2.10).',
  steps: [
    ...COMMON_STEPS,
    yuma2BondsLoadStep,
    yuma2BondsDeltaStep,
    yuma2BondsEmaStep,
    yuma2DividendsStep,
    emissionStep,
    yuma2BondsStoreStep,
  ],
};

export const YUMA3: EpochVariant = {
  name: 'yuma3',
  description: 'The chain with Yuma3On = true: per-validator proportion bonds, optional liquid alpha (spec/yuma.md §2.11).',
  steps: [...COMMON_STEPS, yuma3BondsLoadStep, yuma3BondsEmaStep, yuma3DividendsStep, emissionStep, yuma3BondsStoreStep],
};

/** The variant the chain itself runs for these hyperparameters (`Yuma3On`). */
export function chainVariantFor(h: EpochHyperparameters): EpochVariant {
  return h.yuma3On ? YUMA3 : YUMA2;
}
