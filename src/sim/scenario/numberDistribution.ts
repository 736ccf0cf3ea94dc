/**
 * A distribution of a plain number (a miner's true quality, a validator's noise level, …) for
 * agent parameters. Agents draw from it with their own RNG substream; this file only says what
 * may be written:
 *
 *   quality: {distribution: uniform, min: 0.2, max: 1}
 *   quality: {distribution: normal, mean: 0.6, sd: 0.15}      (agents clamp to the valid range)
 *   quality: {distribution: beta, a: 2, b: 5}
 *   quality: {distribution: fixed, value: 0.8}
 */
import { z } from 'zod';
import { documented, positiveNumber, strict } from './schemaParts.ts';

const num = (doc: string) => documented(z.number({ error: (iss) => (iss.input === undefined ? undefined : 'expected a number') }).refine(Number.isFinite, 'expected a finite number'), { type: 'number', doc });

export const numberDistributionSchema = z.discriminatedUnion('distribution', [
  strict({ distribution: documented(z.literal('fixed'), { type: 'fixed | uniform | normal | beta', doc: 'The distribution values are drawn from.' }), value: num('fixed: the value.') }),
  strict({ distribution: z.literal('uniform'), min: num('uniform: lowest value.'), max: num('uniform: highest value.') }).refine((d) => d.min <= d.max, {
    message: 'min must not exceed max',
    path: ['min'],
  }),
  strict({ distribution: z.literal('normal'), mean: num('normal: mean.'), sd: documented(positiveNumber(true), { type: 'number', doc: 'normal: standard deviation.' }) }),
  strict({
    distribution: z.literal('beta'),
    a: documented(positiveNumber(), { type: 'number', doc: 'beta: shape α (> 0).' }),
    b: documented(positiveNumber(), { type: 'number', doc: 'beta: shape β (> 0).' }),
  }),
]);

export type NumberDistribution = z.output<typeof numberDistributionSchema>;
