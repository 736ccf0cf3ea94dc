/**
 * The long view the run cannot give: TotalIssuance and the block emission projected `years` ahead
 * from the run's final issuance under the halving law, with no recycling and 12 s blocks
 * (src/consensus/supply/projectIssuance.ts, the same model as `yumalab supply`). Issuance is
 * sampled at evenly spaced horizons plus every halving block, so the kinks sit exactly on the
 * halvings, each marked by a rule and its index.
 */
import type { TopLevelSpec } from 'vega-lite';
import { projectIssuance } from '../../consensus/supply/projectIssuance.ts';
import { formatTao, taoToNumber } from '../../primitives/units.ts';
import { subtitle, type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

const BLOCK_SECONDS = 12;
/** A Julian year (365.25 days), as `yumalab supply` counts years. */
const BLOCKS_PER_YEAR = (365.25 * 86_400) / BLOCK_SECONDS;
const SAMPLES = 240;

export interface ProjectionInput {
  readonly startIssuanceRao: bigint;
  readonly years: number;
  /** Where the start comes from, for the subtitle (e.g. `from the end of baseline seed 1`). */
  readonly origin: string;
}

export function issuanceProjectionChart(input: ProjectionInput): ReportChart {
  const horizonBlocks = Math.round(input.years * BLOCKS_PER_YEAR);
  const whole = projectIssuance({ startIssuanceRao: input.startIssuanceRao, recycledRaoPerBlock: 0n, horizonBlocks });
  const sampleBlocks = new Set<number>();
  for (let i = 0; i <= SAMPLES; i++) sampleBlocks.add(Math.round((horizonBlocks * i) / SAMPLES));
  for (const h of whole.halvings) {
    sampleBlocks.add(h.blockOffset);
    if (h.blockOffset > 0) sampleBlocks.add(h.blockOffset - 1);
  }
  const points = [...sampleBlocks]
    .sort((a, b) => a - b)
    .map((block) => {
      const at = projectIssuance({ startIssuanceRao: input.startIssuanceRao, recycledRaoPerBlock: 0n, horizonBlocks: block }).end;
      return { year: block / BLOCKS_PER_YEAR, issuanceTao: taoToNumber(at.issuanceRao), blockEmissionTao: taoToNumber(at.blockEmissionRao) };
    });
  const halvings = whole.halvings.map((h) => ({ year: h.blockOffset / BLOCKS_PER_YEAR, label: `halving ${h.halving}`, emission: `${formatTao(h.blockEmissionRao)} TAO/block` }));
  const x = { field: 'year', type: 'quantitative', title: 'years ahead (365.25 days, 12 s blocks)' } as const;
  const rules = halvings.length === 0
    ? []
    : [
        { data: { values: halvings }, mark: { type: 'rule', color: '#d62728', strokeDash: [4, 3] }, encoding: { x } },
        { data: { values: halvings }, mark: { type: 'text', color: '#d62728', align: 'left', dx: 3, baseline: 'top', y: 2, angle: 0 }, encoding: { x, text: { field: 'label' } } },
      ];
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: {
      text: `Issuance projection, ${input.years} years`,
      subtitle: subtitle(input.origin, `start ${formatTao(input.startIssuanceRao)} TAO`, `${halvings.length} halving(s) ahead`, 'no recycling'),
    },
    vconcat: [
      {
        width: 640,
        height: 200,
        layer: [{ data: { values: points }, mark: { type: 'line' }, encoding: { x, y: { field: 'issuanceTao', type: 'quantitative', title: 'total issuance (TAO)', scale: { zero: false } } } }, ...rules],
      },
      {
        width: 640,
        height: 140,
        layer: [
          { data: { values: points }, mark: { type: 'line', interpolate: 'step-after', color: '#ff7f0e' }, encoding: { x, y: { field: 'blockEmissionTao', type: 'quantitative', title: 'block emission (TAO/block)' } } },
          ...rules.slice(0, 1),
        ],
      },
    ],
  } as TopLevelSpec;
  return {
    name: 'issuance-projection',
    title: `Issuance projection, ${input.years} years`,
    caption: `TAO issuance projected ${input.years} years from the end of the run under the chain's halving law (no recycling); each halving (red rule) halves the TAO minted per block.`,
    spec,
  };
}
