/**
 * Per-subnet parameters a scenario may set, under the chain's storage names in snake_case
 * (`Kappa` → `kappa`, `MaxAllowedUids` → `max_allowed_uids`). One schema per key, shared by
 * `subnets[].hyperparameters` and the `set_hyperparameter` event.
 *
 * Units: every proportion the chain keeps as an integer ratio (u16 / 65535, ppm) is written as a
 * FRACTION in [0, 1] and rounded to the nearest chain integer (kappa: 0.5 → 32768); counts and
 * periods are integers in their chain unit (blocks, epochs, UIDs); TAO amounts are TAO (→ rao).
 * Defaults are what `init_new_network` gives a new subnet at chain commit 14bc6f9
 * (shared/spec/yuma.md §4, tokenomics.md §9).
 */
import { z } from 'zod';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS as D } from '../../consensus/epoch/defaults.ts';
import { defaultRegistrationPrice, defaultTurnoverParams } from '../../consensus/chain/chainState.ts';
import { formatTao } from '../../primitives/units.ts';
import { taoAmount } from './amountSchema.ts';
import { decimalSchema, fractionSchema } from './exactDecimal.ts';
import { booleanSchema, documented, integer } from './schemaParts.ts';

const R = defaultRegistrationPrice();
const T = defaultTurnoverParams();
const u16Default = (raw: number): string => `${raw}/65535 ≈ ${(raw / 65535).toFixed(6)}`;

/** `WeightsSetRateLimit` (yuma.md §4: 100 blocks) and `MinAllowedWeights` of a new subnet (1). */
export const DEFAULT_WEIGHTS_SET_RATE_LIMIT_BLOCKS = 100;
export const DEFAULT_MIN_ALLOWED_WEIGHTS = 1;

export const HYPERPARAMETER_SCHEMAS = {
  kappa: documented(fractionSchema(), { type: 'fraction', default: u16Default(D.kappaU16), doc: '`Kappa`: consensus majority threshold κ (chain u16 / 65535).' }),
  bonds_penalty: documented(fractionSchema(), { type: 'fraction', default: u16Default(D.bondsPenaltyU16), doc: '`BondsPenalty` β: 0 = bonds use raw weights, 1 = clipped weights (chain u16 / 65535).' }),
  bonds_moving_average: documented(fractionSchema(), {
    type: 'fraction',
    default: String(D.bondsMovingAveragePpm / 1e6),
    doc: '`BondsMovingAverage`: bond EMA keeps this share of the old bonds (chain ppm; α = 1 − value).',
  }),
  yuma3_on: documented(booleanSchema(), { type: 'boolean', default: String(D.yuma3On), doc: '`Yuma3On`: use the Yuma 3 bonds (new subnets: true).' }),
  liquid_alpha_enabled: documented(booleanSchema(), { type: 'boolean', default: String(D.liquidAlphaOn), doc: '`LiquidAlphaOn`: per-bond EMA rate between alpha_low and alpha_high.' }),
  alpha_low: documented(fractionSchema(), { type: 'fraction', default: u16Default(D.alphaLowU16), doc: '`AlphaValues` low end of the liquid-alpha range (chain u16 / 65535).' }),
  alpha_high: documented(fractionSchema(), { type: 'fraction', default: u16Default(D.alphaHighU16), doc: '`AlphaValues` high end of the liquid-alpha range (chain u16 / 65535).' }),
  alpha_sigmoid_steepness: documented(integer(-32768, 32767), { type: 'integer', default: String(D.alphaSigmoidSteepness), doc: '`AlphaSigmoidSteepness` (i16): liquid-alpha sigmoid slope × 100.' }),
  activity_cutoff_factor_milli: documented(integer(0, 4_294_967_295), {
    type: 'integer',
    unit: '‰ of tempo',
    default: String(D.activityCutoffFactorMilli),
    doc: '`ActivityCutoffFactorMilli`: a UID is inactive after max(1, ⌊value · tempo / 1000⌋) blocks without weights.',
  }),
  max_allowed_validators: documented(integer(0, 65535), { type: 'integer', unit: 'UIDs', default: `${D.maxAllowedValidators} (at most max_allowed_uids)`, doc: '`MaxAllowedValidators`: top-k stake holders get a validator permit.' }),
  commit_reveal_weights_enabled: documented(booleanSchema(), { type: 'boolean', default: String(D.commitRevealWeightsEnabled), doc: '`CommitRevealWeightsEnabled`: weights are committed, then revealed after reveal_period epochs.' }),
  reveal_period: documented(integer(1, 2 ** 32 - 1), { type: 'integer', unit: 'epochs', default: String(D.revealPeriodEpochs), doc: '`RevealPeriodEpochs`: epochs between a weight commit and its reveal.' }),
  stake_threshold: documented(taoAmount(), { type: 'amount', unit: 'TAO', default: formatTao(D.stakeThresholdRao), doc: '`StakeThreshold`: stake needed to set weights (subnet owner exempt).' }),
  immunity_period: documented(integer(0, 65535), { type: 'integer', unit: 'blocks', default: String(T.immunityPeriodBlocks), doc: '`ImmunityPeriod`: a new UID cannot be pruned for this long.' }),
  max_allowed_uids: documented(integer(1, 65535), { type: 'integer', unit: 'UIDs', default: String(T.maxAllowedUids), doc: '`MaxAllowedUids`: capacity of the subnet; a registration beyond it prunes a UID.' }),
  min_non_immune_uids: documented(integer(0, 65535), { type: 'integer', unit: 'UIDs', default: String(T.minNonImmuneUids), doc: '`MinNonImmuneUids`: registrations fail while fewer UIDs than this are prunable.' }),
  immune_owner_uids_limit: documented(integer(1, 10), { type: 'integer', unit: 'UIDs', default: String(T.immuneOwnerUidsLimit), doc: "`ImmuneOwnerUidsLimit`: how many of the owner's UIDs are never pruned." }),
  burn: documented(taoAmount(), { type: 'amount', unit: 'TAO', default: formatTao(R.burnRao), doc: '`Burn`: price of the next burned registration at genesis.' }),
  min_burn: documented(taoAmount(), { type: 'amount', unit: 'TAO', default: formatTao(R.minBurnRao), doc: '`MinBurn`: lower bound of the registration price.' }),
  max_burn: documented(taoAmount(), { type: 'amount', unit: 'TAO', default: formatTao(R.maxBurnRao), doc: '`MaxBurn`: upper bound of the registration price.' }),
  burn_half_life: documented(integer(0, 65535), { type: 'integer', unit: 'blocks', default: String(R.burnHalfLifeBlocks), doc: '`BurnHalfLife`: the registration price decays by half over this many blocks (0 = no decay).' }),
  burn_increase_mult: documented(decimalSchema('a multiplier', { num: 1n, den: 1n }, null), {
    type: 'decimal',
    unit: '×',
    default: '1.26',
    doc: '`BurnIncreaseMult`: the registration price is multiplied by this after every registration (chain U64F64, floor).',
  }),
  min_allowed_weights: documented(integer(0, 65535), {
    type: 'integer',
    unit: 'UIDs',
    default: String(DEFAULT_MIN_ALLOWED_WEIGHTS),
    doc: '`MinAllowedWeights`: a weight vector needs at least min(n, value) entries (a single self-weight is exempt).',
  }),
  weights_set_rate_limit: documented(integer(0, 2 ** 32 - 1), {
    type: 'integer',
    unit: 'blocks',
    default: String(DEFAULT_WEIGHTS_SET_RATE_LIMIT_BLOCKS),
    doc: '`WeightsSetRateLimit`: minimum blocks between two weight sets (or commits) of one UID.',
  }),
  mechanism_count: documented(integer(1, 16), { type: 'integer', unit: 'mechanisms', default: '1', doc: '`MechanismCountCurrent`: sub-mechanisms sharing the emission evenly.' }),
  recycle_or_burn: documented(z.enum(['burn', 'recycle']), {
    type: 'burn | recycle',
    default: 'burn',
    doc: "`RecycleOrBurn`: what happens to the incentive of the owner's own hotkeys.",
  }),
} as const;

export type HyperparameterName = keyof typeof HYPERPARAMETER_SCHEMAS;

export const HYPERPARAMETER_NAMES = Object.keys(HYPERPARAMETER_SCHEMAS) as HyperparameterName[];

/** Raw (validated, unconverted) hyperparameter values by name. */
export type RawHyperparameters = { -readonly [K in HyperparameterName]?: z.output<(typeof HYPERPARAMETER_SCHEMAS)[K]> | undefined };
