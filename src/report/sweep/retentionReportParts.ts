/**
 * What the report of a consensus-guarantees sweep adds to the generic sweep report: the retention
 * lines of every variant (one contour chart per variant: the level-S line of the replicate-mean
 * map for every stake level S, spec §11), and the honest utility required to preserve the honest
 * stake — at S = 0.60, the level the chain's docs quote, per variant with the replicates' spread,
 * and for every stake level (the content of thresholds.csv).
 */
import { formatFloat } from '../../sim/artifacts/formatFloat.ts';
import { contourLines } from '../../sim/experiments/consensusGuarantees/contourLines.ts';
import { collectRetentionStudy, RETENTION_FAMILIES, type RetentionStudy, type StudyVariant } from '../../sim/experiments/retentionStudy.ts';
import type { ChartSection } from '../buildCharts.ts';
import { retentionContoursChart } from '../charts/retentionContoursChart.ts';
import type { Table } from '../reportDocument.ts';

const QUOTED_STAKE = 0.6;

export interface RetentionReportParts {
  readonly findings: readonly string[];
  readonly tables: readonly Table[];
  readonly sections: readonly ChartSection[];
}

function describe(v: StudyVariant): string {
  if (v.families.length !== 1) return `baseline${v.mode === 'float' ? '' : ` (${v.mode})`}`;
  const f = RETENTION_FAMILIES.find((x) => x.parameter === v.families[0]!.parameter)!;
  return `${f.title} = ${formatFloat(v.families[0]!.value)}${v.mode === 'float' ? '' : ` (${v.mode})`}`;
}

/** Replicate thresholds as `min – max (n)`; `not_attainable` counts apart. */
function spread(values: readonly string[]): string {
  const numbers = values.filter((v) => v !== 'not_attainable' && v !== '').map(Number);
  const na = values.length - numbers.length;
  if (numbers.length === 0) return na > 0 ? `not attainable in all ${na}` : '';
  const lo = Math.min(...numbers);
  const hi = Math.max(...numbers);
  return `${formatFloat(lo)} – ${formatFloat(hi)} (n = ${numbers.length}${na > 0 ? `, ${na} not attainable` : ''})`;
}

export function retentionReportParts(sweepDir: string): RetentionReportParts {
  const study: RetentionStudy = collectRetentionStudy(sweepDir);
  const charts = study.variants.map((v) => ({
    ...retentionContoursChart({
      title: `Retention lines, ${describe(v)}`,
      lines: v.levels.map((l) => ({ stake: l.stake, points: contourLines(l.meanMap.majorRatio, l.meanMap.size, l.stake) })),
    }),
    name: `retention-${v.name.replace(/[^a-z0-9_+-]/gi, '-')}`,
  }));
  const atQuoted = study.variants.map((v) => {
    const level = v.levels.find((l) => Math.abs(l.stake - QUOTED_STAKE) < 1e-9);
    return [describe(v), level?.threshold ?? '', level === undefined ? '' : spread(level.replicates.map((r) => r.threshold))];
  });
  const quoted: Table = {
    heading: 'Honest utility required to preserve 60% honest stake',
    note: 'The largest honest self-weight W_H on the level-0.60 retention line (spec §12.2), read from the replicate-mean map; the range is over the replicates’ own maps. not_attainable: some cabal self-weight defeats even W_H = 1.',
    columns: ['variant', 'honest utility required', 'replicates (min – max)'],
    rows: atQuoted,
  };
  const stakes = [...new Set(study.variants.flatMap((v) => v.levels.map((l) => l.stake)))].sort((a, b) => a - b);
  const all: Table = {
    heading: 'Honest utility required, every stake level (thresholds.csv)',
    note: 'Rows: variants; columns: the honest stake share S to preserve. Replicate-mean maps.',
    columns: ['variant', ...stakes.map((s) => `S = ${formatFloat(s)}`)],
    rows: study.variants.map((v) => [describe(v), ...stakes.map((s) => v.levels.find((l) => l.stake === s)?.threshold ?? '')]),
  };
  const base = study.variants.find((v) => v.families.length === RETENTION_FAMILIES.length && v.mode === 'float');
  const baseAt = base?.levels.find((l) => Math.abs(l.stake - QUOTED_STAKE) < 1e-9);
  const findings = baseAt === undefined ? [] : [`Baseline (σ_W = 0.4, κ = 0.5, β = 1, ξ = 0.5): preserving 60% honest stake requires an honest utility of ${baseAt.threshold} (replicate-mean map; replicates ${spread(baseAt.replicates.map((r) => r.threshold))}).`];
  return {
    findings,
    tables: [quoted, all],
    sections: [{ heading: 'Retention lines per variant (replicate-mean maps)', charts }],
  };
}
