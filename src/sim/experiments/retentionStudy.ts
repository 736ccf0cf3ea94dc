/**
 * The consensus-guarantees sweep read back as a study: every complete run's map (from its
 * run directory), grouped into variant families the way the chain's docs present them — a run
 * belongs to the family of the one parameter in which it differs from the base parameters (the
 * baseline itself belongs to all four) — and, per (variant, numeric mode, stake level), the
 * replicate-mean map with its threshold next to every replicate's own threshold (spec §12.3: the
 * table says which it shows). Runs that differ from the base in two variant parameters belong
 * to no family; they stay in summary.csv.
 *
 * Outputs: `thresholds.csv` (`variant,parameter,value,honest_stake,honest_utility_required`, the
 * honest utility required by the replicate-mean map) and `thresholds-replicates.csv` (the same
 * per replicate, with its numeric mode, replicate number and seed).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvField } from '../artifacts/csvTable.ts';
import { formatFloat } from '../artifacts/formatFloat.ts';
import { csvRecords } from '../sweep/csvRecords.ts';
import { SUMMARY_FILE } from '../sweep/summaryTable.ts';
import { SWEEP_MANIFEST_FILE } from '../sweep/sweepFiles.ts';
import type { RetentionMap } from './consensusGuarantees/computeRetentionMap.ts';
import { retentionThreshold } from './consensusGuarantees/retentionThreshold.ts';
import { retentionTeams } from './consensusGuarantees/teamSizes.ts';
import { MAP_FILE, thresholdText } from './consensusGuaranteesRun.ts';
import type { RetentionParams } from './consensusGuarantees/retentionParams.ts';

export const THRESHOLDS_FILE = 'thresholds.csv';
export const THRESHOLD_REPLICATES_FILE = 'thresholds-replicates.csv';

/** The four variant families of spec §9, with the docs' figure names. */
export const RETENTION_FAMILIES = [
  { parameter: 'weights_stddev', label: 'weights_stddev', title: 'weight noise σ_W' },
  { parameter: 'kappa', label: 'kappa', title: 'kappa κ' },
  { parameter: 'bonds_penalty', label: 'bonds_penalty', title: 'bonds penalty β' },
  { parameter: 'validator_emission_ratio', label: 'validator_emission', title: 'validator emission ratio ξ' },
] as const;

type Parameters = Readonly<Record<string, unknown>>;

export interface StudyReplicate {
  readonly replicate: number;
  readonly seed: number;
  readonly threshold: string;
}

export interface StudyLevel {
  readonly stake: number;
  /** Replicate-mean map of major_ratio (index a·size + b). */
  readonly meanMap: RetentionMap;
  readonly threshold: string;
  readonly replicates: readonly StudyReplicate[];
}

export interface StudyVariant {
  /** `kappa_60`, `weights_stddev_0`, …; `baseline`; `@chain` appended for chain-mode runs. */
  readonly name: string;
  readonly mode: 'chain' | 'float';
  /** The variant parameters (the four family keys). */
  readonly parameters: Parameters;
  /** Families this configuration belongs to, each with its value (the baseline: all four). */
  readonly families: readonly { readonly parameter: string; readonly label: string; readonly value: number }[];
  readonly levels: readonly StudyLevel[];
}

export interface RetentionStudy {
  readonly base: Parameters;
  readonly variants: readonly StudyVariant[];
}

const FAMILY_KEYS = RETENTION_FAMILIES.map((f) => f.parameter);

function variantName(families: StudyVariant['families'], mode: string): string {
  const name = families.length === FAMILY_KEYS.length ? 'baseline' : families.map((f) => `${f.label}_${Math.round(f.value * 100)}`).join('+');
  return mode === 'float' ? name : `${name}@${mode}`;
}

/**
 * Reads the study from a sweep directory with its summary.csv; the base parameters (which decide
 * the variant families) are given, or read from sweep.json.
 */
export function collectRetentionStudy(sweepDir: string, baseParameters?: Parameters | null): RetentionStudy {
  const base = baseParameters ?? (JSON.parse(readFileSync(join(sweepDir, SWEEP_MANIFEST_FILE), 'utf8')) as { base: Parameters | null }).base ?? {};
  const rows = csvRecords(readFileSync(join(sweepDir, SUMMARY_FILE), 'utf8')).filter((r) => r.status === 'complete');
  const groups = new Map<string, { variant: Omit<StudyVariant, 'levels'>; levels: Map<number, { maps: Float64Array[]; size: number; replicates: StudyReplicate[]; params: RetentionParams }> }>();
  for (const row of rows) {
    const manifest = JSON.parse(readFileSync(join(sweepDir, row.run_dir!, 'manifest.json'), 'utf8')) as { parameters: Parameters; seed: number };
    const p = manifest.parameters;
    const differing = FAMILY_KEYS.filter((k) => p[k] !== base[k]);
    if (differing.length > 1) continue;
    const families = RETENTION_FAMILIES.filter((f) => differing.length === 0 || differing[0] === f.parameter).map((f) => ({ parameter: f.parameter, label: f.label, value: p[f.parameter] as number }));
    const mode = p.numeric as 'chain' | 'float';
    const name = variantName(families, mode);
    let g = groups.get(name);
    if (g === undefined) {
      g = { variant: { name, mode, parameters: Object.fromEntries(FAMILY_KEYS.map((k) => [k, p[k]])), families }, levels: new Map() };
      groups.set(name, g);
    }
    const stake = p.stake as number;
    const map = readMajorRatio(join(sweepDir, row.run_dir!, MAP_FILE));
    let level = g.levels.get(stake);
    const size = Math.round(Math.sqrt(map.length));
    if (level === undefined) {
      const params: RetentionParams = {
        stake,
        weightsStddev: p.weights_stddev as number,
        kappa: p.kappa as number,
        bondsPenalty: p.bonds_penalty as number,
        validatorEmissionRatio: p.validator_emission_ratio as number,
        mode,
        seed: manifest.seed,
        weightSteps: p.weight_steps as number,
      };
      level = { maps: [], size, replicates: [], params };
      g.levels.set(stake, level);
    }
    level.maps.push(map);
    level.replicates.push({ replicate: Number(row.replicate), seed: Number(row.seed), threshold: row.honest_utility_required ?? '' });
  }
  const variants: StudyVariant[] = [...groups.values()].map(({ variant, levels }) => ({
    ...variant,
    levels: [...levels.entries()]
      .sort(([a], [b]) => a - b)
      .map(([stake, l]) => {
        const mean = new Float64Array(l.maps[0]!.length);
        for (const m of l.maps) for (let i = 0; i < m.length; i++) mean[i]! += m[i]! / l.maps.length;
        const meanMap: RetentionMap = { params: l.params, size: l.size, majorRatio: mean, avgWeightDev: new Float64Array(mean.length), fallback: new Uint8Array(mean.length), teams: retentionTeams(stake) };
        return { stake, meanMap, threshold: thresholdText(retentionThreshold(meanMap)), replicates: l.replicates };
      }),
  }));
  variants.sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'float' ? -1 : 1) || variantOrder(a) - variantOrder(b) || (a.name < b.name ? -1 : 1));
  return { base, variants };
}

function variantOrder(v: StudyVariant): number {
  if (v.families.length !== 1) return -1;
  return FAMILY_KEYS.indexOf(v.families[0]!.parameter as (typeof FAMILY_KEYS)[number]) * 1000 + (v.families[0]!.value as number);
}

function readMajorRatio(path: string): Float64Array {
  const rows = csvRecords(readFileSync(path, 'utf8'));
  return Float64Array.from(rows, (r) => Number(r.major_ratio));
}

/** thresholds.csv: per family, value, stake — the replicate-mean map's required honest utility. */
export function thresholdsCsv(study: RetentionStudy): string {
  const lines = ['variant,parameter,value,honest_stake,honest_utility_required'];
  for (const f of RETENTION_FAMILIES) {
    const members = study.variants.filter((v) => v.families.some((x) => x.parameter === f.parameter));
    members.sort((a, b) => (a.mode === b.mode ? 0 : a.mode === 'float' ? -1 : 1) || valueOf(a, f.parameter) - valueOf(b, f.parameter));
    for (const v of members) {
      const value = valueOf(v, f.parameter);
      const name = `${f.label}_${Math.round(value * 100)}${v.mode === 'float' ? '' : `@${v.mode}`}`;
      for (const l of v.levels) lines.push([name, f.parameter, formatFloat(value), formatFloat(l.stake), l.threshold].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

/** thresholds-replicates.csv: the same, one row per replicate. */
export function thresholdReplicatesCsv(study: RetentionStudy): string {
  const lines = ['variant,parameter,value,honest_stake,numeric,replicate,seed,honest_utility_required'];
  for (const f of RETENTION_FAMILIES) {
    for (const v of study.variants.filter((x) => x.families.some((y) => y.parameter === f.parameter))) {
      const value = valueOf(v, f.parameter);
      const name = `${f.label}_${Math.round(value * 100)}${v.mode === 'float' ? '' : `@${v.mode}`}`;
      for (const l of v.levels) for (const r of l.replicates) lines.push([name, f.parameter, formatFloat(value), formatFloat(l.stake), v.mode, String(r.replicate), String(r.seed), r.threshold].map(csvField).join(','));
    }
  }
  return `${lines.join('\n')}\n`;
}

function valueOf(v: StudyVariant, parameter: string): number {
  return v.families.find((f) => f.parameter === parameter)!.value;
}
