/**
 * TAO issuance and the block emission over the run, one point per recorded epoch (metrics.csv
 * `issuance_tao`, `block_emission_tao`, chain-wide, so one value per block), with a vertical rule
 * wherever the block emission dropped: a halving (src/consensus/supply/blockEmission.ts). A run
 * of days rarely crosses one; the subtitle then says how far the next threshold is, and the
 * long-horizon projection (issuanceProjectionChart.ts) shows them.
 */
import type { TopLevelSpec } from 'vega-lite';
import { halvingIndexForIssuance, halvingThresholdRao, HALVING_INDEX_AT_CAP } from '../../consensus/supply/blockEmission.ts';
import { formatTao, parseTao } from '../../primitives/units.ts';
import type { RunData } from '../readRunDirectory.ts';
import { DAY_AXIS, keptBlocks, subtitle, type ReportChart, VEGA_LITE_SCHEMA } from './reportChart.ts';

export function issuanceChart(run: RunData): ReportChart | null {
  const byBlock = new Map<number, { day: number; issuanceTao: number; blockEmissionTao: number }>();
  for (const m of run.metrics) if (!byBlock.has(m.block)) byBlock.set(m.block, { day: m.day, issuanceTao: m.issuanceTao, blockEmissionTao: m.blockEmissionTao });
  if (byBlock.size === 0) return null;
  const blocks = [...byBlock.keys()].sort((a, b) => a - b);
  const kept = keptBlocks(blocks);
  const points = blocks.filter((b) => kept.has(b)).map((b) => ({ block: b, ...byBlock.get(b)! }));
  const halvings: { day: number; label: string }[] = [];
  for (let i = 1; i < blocks.length; i++) {
    const before = byBlock.get(blocks[i - 1]!)!;
    const now = byBlock.get(blocks[i]!)!;
    if (now.blockEmissionTao < before.blockEmissionTao) halvings.push({ day: now.day, label: `halving: ${now.blockEmissionTao} TAO/block` });
  }
  const finalRao = parseTao(run.manifest.final_issuance_tao);
  const k = halvingIndexForIssuance(finalRao);
  const next = k < HALVING_INDEX_AT_CAP ? `next halving at ${formatTao(halvingThresholdRao(k + 1))} TAO issued` : 'issuance at the cap';
  const halvingNote = halvings.length === 0 ? `no halving during the run; ${next}` : `${halvings.length} halving(s) during the run (red rules)`;

  const rules = (y: string) =>
    halvings.length === 0
      ? []
      : [
          { data: { values: halvings }, mark: { type: 'rule', color: '#d62728', strokeDash: [4, 3] }, encoding: { x: { field: 'day', type: 'quantitative' } } },
          { data: { values: halvings }, mark: { type: 'text', color: '#d62728', align: 'left', dx: 3, baseline: 'top', y: 2 }, encoding: { x: { field: 'day', type: 'quantitative' }, text: { field: 'label' } }, name: y },
        ];
  const spec = {
    $schema: VEGA_LITE_SCHEMA,
    title: { text: 'TAO issuance and block emission', subtitle: subtitle(`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, halvingNote) },
    vconcat: [
      {
        width: 640,
        height: 180,
        layer: [
          {
            data: { values: points },
            mark: { type: 'line', point: points.length < 60 },
            encoding: { x: { ...DAY_AXIS }, y: { field: 'issuanceTao', type: 'quantitative', title: 'total issuance (TAO)', scale: { zero: false } } },
          },
          ...rules('issuance-halvings'),
        ],
      },
      {
        width: 640,
        height: 120,
        layer: [
          {
            data: { values: points },
            mark: { type: 'line', interpolate: 'step-after', color: '#ff7f0e' },
            encoding: { x: { ...DAY_AXIS }, y: { field: 'blockEmissionTao', type: 'quantitative', title: 'block emission (TAO/block)', scale: { zero: true } } },
          },
          ...rules('emission-halvings'),
        ],
      },
    ],
  } as TopLevelSpec;
  return {
    name: 'issuance',
    title: 'TAO issuance and block emission',
    caption: 'Total TAO issued and the TAO minted per block at each recorded epoch; red rules mark halvings (the block emission halves each time issuance crosses a threshold).',
    spec,
  };
}
