/**
 * The `sweep:` section of a scenario (issue 7): which key paths vary, how their values combine,
 * how many seeded replicates each point gets, and what the sweep report plots. Validated like
 * every other key (schema here; the cross-key checks — equal zip lengths, paths that exist — in
 * sweepDefinition.ts). A scenario with a `sweep:` section still runs alone under `yumalab run`,
 * as its base point.
 */
import { z } from 'zod';
import { booleanSchema, documented, integer, strict } from '../scenario/schemaParts.ts';

const axisValues = z.array(z.unknown(), { error: (iss) => (iss.input === undefined ? undefined : 'expected a list of values') }).min(1, 'an axis needs at least one value');

export const sweepSchema = strict({
  grid: documented(z.record(z.string(), axisValues).optional(), {
    type: 'mapping',
    default: '{}',
    doc: 'Cartesian-product axes: key path → list of values. Every combination of the grid axes runs (the last axis varies fastest).',
  }),
  zip: documented(z.record(z.string(), axisValues).optional(), {
    type: 'mapping',
    default: '{}',
    doc: 'Zipped axes: key path → list of values, all lists of one length; the i-th values run together, as one axis crossed with the grid.',
  }),
  replicates: documented(integer(1, 1_000_000).optional(), {
    type: 'integer',
    unit: 'runs per point',
    default: '1',
    doc: "Monte Carlo replicates per point, each with its own seed derived from the scenario seed, the point's coordinates and the replicate number.",
  }),
  common_random_numbers: documented(booleanSchema().optional(), {
    type: 'boolean',
    default: 'false',
    doc: 'true: replicate r gets the same seed at every point (derived from the scenario seed and r only), so points differ by their parameters, not by their draws.',
  }),
  report: documented(
    strict({
      metric: documented(z.string().min(1).optional(), { type: 'string', default: 'the first group emission_share', doc: 'The `summary.csv` metric the sweep report maps (e.g. `sn1.cabal.emission_share`).' }),
      x: documented(z.string().min(1).optional(), { type: 'key path', default: 'the first axis', doc: 'Axis on the horizontal.' }),
      y: documented(z.string().min(1).optional(), { type: 'key path', default: 'the second axis', doc: 'Axis on the vertical (absent with one axis: a line chart).' }),
    }).optional(),
    { type: 'mapping', default: '{}', doc: 'What the sweep report plots: a heatmap of the metric over two axes (mean over replicates, with their spread).' },
  ),
});

export type RawSweep = z.output<typeof sweepSchema>;
