/**
 * How the genesis stake of a population group is drawn, one value per agent (the world draws it
 * from the agent's own RNG substream). Amounts are in alpha (staked directly, like genesis stake
 * on chain) or in TAO (the world converts at the pool's genesis spot price). All amounts ≥ 0.
 *
 *   stake: {distribution: fixed, amount: 1000}
 *   stake: {distribution: uniform, min: 10, max: 100, unit: tao}
 *   stake: {distribution: lognormal, median: 1000, sigma: 1.2}
 *   stake: {distribution: pareto, scale: 100, shape: 1.5}
 */
import { z } from 'zod';
import { amountSchema } from './amountSchema.ts';
import { documented, positiveNumber, strict } from './schemaParts.ts';

export type StakeUnit = 'alpha' | 'tao';

export type StakeDistribution =
  | { readonly distribution: 'fixed'; readonly unit: StakeUnit; readonly amountRao: bigint }
  | { readonly distribution: 'uniform'; readonly unit: StakeUnit; readonly minRao: bigint; readonly maxRao: bigint }
  | { readonly distribution: 'lognormal'; readonly unit: StakeUnit; readonly medianRao: bigint; readonly sigma: number }
  | { readonly distribution: 'pareto'; readonly unit: StakeUnit; readonly scaleRao: bigint; readonly shape: number };

const unitKey = documented(z.enum(['alpha', 'tao']).default('alpha'), {
  type: 'alpha | tao',
  default: 'alpha',
  doc: "Unit of the amounts: `alpha` is staked as is; `tao` is converted to alpha at the pool's genesis spot price.",
});

/** Amounts are read as alpha-rao scale (both units have 9 decimals); `unit` says which token. */
const amount = (doc: string) => documented(amountSchema('alpha'), { type: 'amount', unit: 'alpha or TAO (see unit)', doc });

export const stakeDistributionSchema = z.discriminatedUnion('distribution', [
  strict({
    distribution: documented(z.literal('fixed'), { type: 'fixed | uniform | lognormal | pareto', doc: 'The distribution stakes are drawn from.' }),
    unit: unitKey,
    amount: amount('fixed: every agent gets this stake.'),
  }),
  strict({ distribution: z.literal('uniform'), unit: unitKey, min: amount('uniform: lowest stake.'), max: amount('uniform: highest stake.') }),
  strict({
    distribution: z.literal('lognormal'),
    unit: unitKey,
    median: amount('lognormal: median stake (e^μ).'),
    sigma: documented(positiveNumber(true), { type: 'number', doc: 'lognormal: σ of the underlying normal.' }),
  }),
  strict({
    distribution: z.literal('pareto'),
    unit: unitKey,
    scale: amount('pareto: smallest stake (x_m).'),
    shape: documented(positiveNumber(), { type: 'number', doc: 'pareto: tail index α (> 0); smaller = heavier tail.' }),
  }),
]);

export type RawStakeDistribution = z.output<typeof stakeDistributionSchema>;

/** The typed, unit-carrying form the world samples from. */
export function resolveStakeDistribution(raw: RawStakeDistribution): StakeDistribution {
  switch (raw.distribution) {
    case 'fixed':
      return { distribution: 'fixed', unit: raw.unit, amountRao: raw.amount };
    case 'uniform':
      return { distribution: 'uniform', unit: raw.unit, minRao: raw.min, maxRao: raw.max };
    case 'lognormal':
      return { distribution: 'lognormal', unit: raw.unit, medianRao: raw.median, sigma: raw.sigma };
    case 'pareto':
      return { distribution: 'pareto', unit: raw.unit, scaleRao: raw.scale, shape: raw.shape };
  }
}

/** No stake: the default for a group that does not say. */
export const NO_STAKE: StakeDistribution = Object.freeze({ distribution: 'fixed', unit: 'alpha', amountRao: 0n });
