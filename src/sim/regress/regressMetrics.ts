/**
 * The key metrics a golden suite stores and compares for one run, read from the run directory's
 * own files (so they are exactly what `yumalab run` writes, in the artifacts' text precision):
 *
 * Totals (one number each):
 * - `blocks`, `epochs`, `final_issuance_tao` — manifest.json;
 * - `sn<netuid>.<group>.<m>` for m in GROUP_TOTALS — groups.csv (every epoch of the run);
 * - `sn<netuid>.<m>` for m in SUBNET_TOTALS — subnets.csv (TAO issued into the subnet, its
 *   share, prices);
 * - `sn<netuid>.uid<uid>.<m>` for m in UID_TOTALS — neurons.csv, when the run recorded it, for
 *   subnets of at most MAX_UID_METRICS_UIDS UIDs: Σ over recorded epochs of the UID's credits.
 *   Group sums hide how a group's emission is split (a replay subnet's validators are one
 *   group, so Yuma 2 against Yuma 3 moves only these), and small subnets are cheap to list.
 *
 * Series (one value per recorded epoch, metrics.csv, at the scenario's output cadence):
 * - `sn<netuid>.<group>.<m>` for m in GROUP_SERIES;
 * - `sn<netuid>.alpha_price` — the subnet's spot price at its epochs;
 * - `issuance_tao` — total issuance at every block some epoch was recorded.
 */
import { formatAlpha, parseAlpha } from '../../primitives/units.ts';
import { csvRecords } from '../sweep/csvRecords.ts';

export const GROUP_TOTALS = ['emission_share', 'stake_share', 'incentive_alpha', 'dividends_alpha', 'emission_tao', 'profit_tao'] as const;
export const SUBNET_TOTALS = ['tao_emission_tao', 'tao_emission_share', 'final_price_tao', 'max_price_tao', 'final_moving_price_tao'] as const;
export const GROUP_SERIES = ['emission_share', 'stake_share', 'incentive_alpha', 'dividends_alpha'] as const;
/** neurons.csv column → metric name. */
export const UID_TOTALS = { dividend_credit_alpha: 'dividends_alpha', incentive_credit_alpha: 'incentive_alpha' } as const;
export const MAX_UID_METRICS_UIDS = 32;

export interface MetricSeries {
  /** Blocks of the recorded epochs, in order. */
  readonly blocks: readonly number[];
  readonly values: readonly number[];
}

export interface RegressMetrics {
  readonly totals: Readonly<Record<string, number>>;
  readonly series: Readonly<Record<string, MetricSeries>>;
}

/** The files of a single run directory this reads (neurons.csv may be absent). */
export const METRIC_FILES = ['manifest.json', 'groups.csv', 'subnets.csv', 'metrics.csv', 'neurons.csv'] as const;

/** An artifact's number text (`formatFloat`, exact decimals, `inf`, `NaN`) → number; '' → null. */
export function artifactNumber(text: string): number | null {
  if (text === '') return null;
  if (text === 'inf') return Infinity;
  if (text === '-inf') return -Infinity;
  return Number(text);
}

export function regressMetricsOf(files: ReadonlyMap<string, string>): RegressMetrics {
  const read = (name: string): string => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`run directory lacks ${name}`);
    return text;
  };
  const totals: Record<string, number> = {};
  const put = (key: string, text: string | undefined): void => {
    const v = artifactNumber(text ?? '');
    if (v !== null) totals[key] = v;
  };
  const manifest = JSON.parse(read('manifest.json')) as { blocks_run: number; epochs_run: number; final_issuance_tao: string };
  totals.blocks = manifest.blocks_run;
  totals.epochs = manifest.epochs_run;
  put('final_issuance_tao', manifest.final_issuance_tao);
  const uidsAtEnd = new Map<string, number>();
  for (const g of csvRecords(read('groups.csv'))) {
    for (const m of GROUP_TOTALS) put(`sn${g.netuid}.${g.group}.${m}`, g[m]);
    uidsAtEnd.set(g.netuid!, (uidsAtEnd.get(g.netuid!) ?? 0) + Number(g.uids_at_end));
  }
  const neurons = files.get('neurons.csv');
  const small = new Set([...uidsAtEnd].filter(([, n]) => n <= MAX_UID_METRICS_UIDS).map(([netuid]) => netuid));
  if (neurons !== undefined && small.size > 0) Object.assign(totals, uidTotals(neurons, small));
  for (const s of csvRecords(read('subnets.csv'))) for (const m of SUBNET_TOTALS) put(`sn${s.netuid}.${m}`, s[m]);

  const series = new Map<string, { blocks: number[]; values: number[] }>();
  const push = (key: string, block: number, text: string | undefined): void => {
    const v = artifactNumber(text ?? '');
    if (v === null) return;
    let s = series.get(key);
    if (s === undefined) {
      s = { blocks: [], values: [] };
      series.set(key, s);
    }
    s.blocks.push(block);
    s.values.push(v);
  };
  const priceSeen = new Set<string>();
  let lastIssuanceBlock = -Infinity;
  for (const r of csvRecords(read('metrics.csv'))) {
    const block = Number(r.block);
    for (const m of GROUP_SERIES) push(`sn${r.netuid}.${r.group}.${m}`, block, r[m]);
    // Price and issuance repeat on every group row of an epoch: one point per (subnet, block) and per block.
    const at = `${r.netuid}/${block}`;
    if (!priceSeen.has(at)) {
      priceSeen.add(at);
      push(`sn${r.netuid}.alpha_price`, block, r.alpha_price);
    }
    if (block !== lastIssuanceBlock) {
      lastIssuanceBlock = block;
      push('issuance_tao', block, r.issuance_tao);
    }
  }
  return { totals: sortedRecord(totals), series: sortedRecord(Object.fromEntries(series)) };
}

/**
 * Σ over recorded epochs of each UID's credits, for the subnets in `netuids`. Summed exactly in
 * alpha-rao, then written as alpha (the exact decimal, as the artifacts would write it).
 */
function uidTotals(neuronsCsv: string, netuids: ReadonlySet<string>): Record<string, number> {
  const sums = new Map<string, bigint>();
  for (const r of csvRecords(neuronsCsv)) {
    if (!netuids.has(r.netuid!)) continue;
    for (const [column, m] of Object.entries(UID_TOTALS)) {
      const key = `sn${r.netuid}.uid${r.uid}.${m}`;
      const text = r[column] ?? '';
      sums.set(key, (sums.get(key) ?? 0n) + (text === '' ? 0n : parseAlpha(text)));
    }
  }
  return Object.fromEntries([...sums].map(([k, v]) => [k, Number(formatAlpha(v))]));
}

/** Keys in sorted order, so every writer and comparison walks them the same way. */
export function sortedRecord<T>(r: Readonly<Record<string, T>>): Record<string, T> {
  return Object.fromEntries(Object.keys(r).sort().map((k) => [k, r[k]!]));
}
