/**
 * The report's Proof-of-Intelligence tables, from a run's `ml_quality` events: does Yuma pay for
 * measured model quality, and is the relaying copier caught?
 *
 * - Quality against incentive, per (subnet, group): mean held-out quality (and accuracy for
 *   classification) and mean share of the subnet's incentive over the epochs after warm-up, next
 *   to the group's quality rank among the ML groups.
 * - Rank correlation, per subnet: the Spearman correlation between the miners' quality and their
 *   incentive — mean, range and share of positive epochs after warm-up — over the miners that
 *   answer themselves: relaying copiers are left out (their quality is what they relay, so
 *   whether they are paid is the copier verdict's question). The event's own correlation, with
 *   them, is given as a last column.
 * - Per miner (UID): its mean quality and mean incentive share after warm-up, and its rank by
 *   each (1 = best; ties share the better rank) — every miner's quality against its pay.
 * - Copier verdict, per copier group: "caught" when it earned no incentive in any epoch after
 *   warm-up, otherwise "not caught" with what it earned against the miners it relays. The chain
 *   sees only weights, so the verdict is what the validators' rule (late answers dropped or
 *   scored, `validator.ml` `accept_late`) makes of the copier; the table says which rule produced it.
 *
 * Warm-up: the first WARMUP_EPOCHS recorded epochs of each subnet (weights and bonds need a few
 * epochs to reach the chain), unless the run recorded no more than that. Numbers are printed with
 * fixed decimals; they are summaries of the events, not artifact cells.
 */
import type { MlQualityEpoch } from './readMlQuality.ts';
import type { Table } from './reportDocument.ts';
import type { GroupRow } from './runTables.ts';
import { spearmanCorrelation } from '../sim/run/spearmanCorrelation.ts';

export const WARMUP_EPOCHS = 3;
export const ML_COPIER_KIND = 'miner.ml_copier';

interface GroupSummary {
  readonly netuid: number;
  readonly group: string;
  readonly kind: string;
  readonly miners: number;
  readonly quality: number;
  readonly accuracy: number | null;
  readonly incentiveShare: number;
  /** Epochs after warm-up in which the group's incentive was above zero. */
  readonly paidEpochs: number;
  readonly epochs: number;
}

/** The epochs after warm-up, per subnet, in block order. */
export function afterWarmup(epochs: readonly MlQualityEpoch[]): Map<number, MlQualityEpoch[]> {
  const bySubnet = new Map<number, MlQualityEpoch[]>();
  for (const e of epochs) bySubnet.set(e.netuid, [...(bySubnet.get(e.netuid) ?? []), e]);
  for (const [netuid, list] of bySubnet) {
    list.sort((a, b) => a.block - b.block);
    bySubnet.set(netuid, list.length > WARMUP_EPOCHS ? list.slice(WARMUP_EPOCHS) : list);
  }
  return bySubnet;
}

function mean(xs: readonly number[]): number {
  return xs.length === 0 ? NaN : xs.reduce((a, b) => a + b, 0) / xs.length;
}

export function summariseGroups(epochs: readonly MlQualityEpoch[], groups: readonly GroupRow[]): GroupSummary[] {
  const kindOf = new Map(groups.map((g) => [`${g.netuid}/${g.group}`, g.kind]));
  const out: GroupSummary[] = [];
  for (const [netuid, list] of [...afterWarmup(epochs)].sort((a, b) => a[0] - b[0])) {
    const names: string[] = [];
    for (const e of list) for (const m of e.miners) if (!names.includes(m.group)) names.push(m.group);
    for (const group of names) {
      const quality: number[] = [];
      const accuracy: number[] = [];
      const share: number[] = [];
      let paidEpochs = 0;
      let miners = 0;
      for (const e of list) {
        const rows = e.miners.filter((m) => m.group === group);
        if (rows.length === 0) continue;
        miners = Math.max(miners, rows.length);
        quality.push(mean(rows.map((m) => m.quality)));
        if (rows.every((m) => m.accuracy !== undefined)) accuracy.push(mean(rows.map((m) => m.accuracy!)));
        const s = rows.reduce((a, m) => a + m.incentiveShare, 0);
        share.push(s);
        if (s > 0) paidEpochs++;
      }
      out.push({
        netuid,
        group,
        kind: kindOf.get(`${netuid}/${group}`) ?? '',
        miners,
        quality: mean(quality),
        accuracy: accuracy.length === quality.length && accuracy.length > 0 ? mean(accuracy) : null,
        incentiveShare: mean(share),
        paidEpochs,
        epochs: share.length,
      });
    }
  }
  return out;
}

/** 1-based rank of each value, largest first; equal values share the better rank. */
function ranksDescending(values: readonly number[]): number[] {
  return values.map((v) => 1 + values.filter((w) => w > v).length);
}

function perMinerTable(bySubnet: ReadonlyMap<number, readonly MlQualityEpoch[]>, prefix: string, classification: boolean): Table {
  const rows: string[][] = [];
  for (const [netuid, list] of [...bySubnet].sort((a, b) => a[0] - b[0])) {
    // A UID is one miner while its group stays the same (a pruned UID re-registered by another agent is another miner).
    const miners = new Map<string, { uid: number; group: string; quality: number[]; accuracy: number[]; share: number[] }>();
    for (const e of list) {
      for (const m of e.miners) {
        const key = `${m.uid}/${m.group}`;
        const x = miners.get(key) ?? { uid: m.uid, group: m.group, quality: [], accuracy: [], share: [] };
        x.quality.push(m.quality);
        if (m.accuracy !== undefined) x.accuracy.push(m.accuracy);
        x.share.push(m.incentiveShare);
        miners.set(key, x);
      }
    }
    const all = [...miners.values()];
    const quality = all.map((m) => mean(m.quality));
    const share = all.map((m) => mean(m.share));
    const qualityRank = ranksDescending(quality);
    const shareRank = ranksDescending(share);
    all
      .map((m, i) => ({ m, i }))
      .sort((a, b) => quality[b.i]! - quality[a.i]! || a.m.uid - b.m.uid)
      .forEach(({ m, i }) =>
        rows.push([
          String(netuid),
          String(m.uid),
          m.group,
          fixed(quality[i]!, 4),
          ...(classification ? [m.accuracy.length === 0 ? '' : fixed(mean(m.accuracy), 4)] : []),
          percent(share[i]!),
          String(qualityRank[i]),
          String(shareRank[i]),
        ]),
      );
  }
  return {
    heading: `${prefix}Proof-of-Intelligence: every miner`,
    note: 'Per miner (UID and group), over the recorded epochs after warm-up: mean held-out quality, mean share of the subnet’s incentive, and its rank by each within the subnet (1 = best). Where incentive follows quality the two ranks agree.',
    columns: ['netuid', 'uid', 'group', 'quality', ...(classification ? ['accuracy'] : []), 'incentive_share', 'quality_rank', 'incentive_rank'],
    rows,
  };
}

const fixed = (x: number, digits: number): string => (Number.isFinite(x) ? x.toFixed(digits) : '');
const percent = (x: number): string => (Number.isFinite(x) ? `${(100 * x).toFixed(2)} %` : '');

/** The three tables, or none when the run recorded no `ml_quality` event. */
export function mlQualityTables(epochs: readonly MlQualityEpoch[], groups: readonly GroupRow[], prefix: string): Table[] {
  if (epochs.length === 0) return [];
  const summaries = summariseGroups(epochs, groups);
  const classification = summaries.some((s) => s.accuracy !== null);
  const bySubnet = afterWarmup(epochs);
  const warmup = (netuid: number): number => (epochs.filter((e) => e.netuid === netuid).length > WARMUP_EPOCHS ? WARMUP_EPOCHS : 0);
  const tables: Table[] = [
    {
      heading: `${prefix}Proof-of-Intelligence: measured quality against incentive`,
      note:
        `Per (subnet, group), averaged over the recorded epochs after a warm-up of ${WARMUP_EPOCHS}: mean held-out quality (1 − normalised loss on a probe no agent draws; 1 = perfect, 0 = uninformed)` +
        `${classification ? ', probe accuracy' : ''}, and the group's share of the subnet's incentive. Groups are listed in order of quality. A copier's quality is the quality of what it relays.`,
      columns: ['netuid', 'group', 'kind', 'miners', 'quality', ...(classification ? ['accuracy'] : []), 'incentive_share', 'epochs_paid'],
      rows: [...summaries]
        .sort((a, b) => a.netuid - b.netuid || b.quality - a.quality || a.group.localeCompare(b.group))
        .map((s) => [
          String(s.netuid),
          s.group,
          s.kind,
          String(s.miners),
          fixed(s.quality, 4),
          ...(classification ? [s.accuracy === null ? '' : fixed(s.accuracy, 4)] : []),
          percent(s.incentiveShare),
          `${s.paidEpochs} of ${s.epochs}`,
        ]),
    },
    {
      heading: `${prefix}Proof-of-Intelligence: rank correlation of quality and incentive`,
      note: 'Spearman correlation between the held-out quality and the incentive of the miners that answer themselves (relaying copiers left out: see the copier verdict), at each recorded epoch after warm-up; the last column is the mean with the copiers in.',
      columns: ['netuid', 'warmup_epochs', 'epochs', 'mean_spearman', 'min_spearman', 'max_spearman', 'epochs_positive', 'mean_spearman_with_copiers'],
      rows: [...bySubnet].sort((a, b) => a[0] - b[0]).map(([netuid, list]) => {
        const copierGroups = new Set(summaries.filter((s) => s.netuid === netuid && s.kind === ML_COPIER_KIND).map((s) => s.group));
        const rho = list
          .map((e) => {
            const own = e.miners.filter((m) => !copierGroups.has(m.group));
            return spearmanCorrelation(own.map((m) => m.quality), own.map((m) => m.incentiveShare));
          })
          .filter((x) => !Number.isNaN(x));
        const withCopiers = list.map((e) => e.spearman).filter((x): x is number => x !== null);
        return [
          String(netuid),
          String(warmup(netuid)),
          String(list.length),
          fixed(mean(rho), 3),
          rho.length === 0 ? '' : fixed(Math.min(...rho), 3),
          rho.length === 0 ? '' : fixed(Math.max(...rho), 3),
          `${rho.filter((x) => x > 0).length} of ${rho.length}`,
          fixed(mean(withCopiers), 3),
        ];
      }),
    },
  ];
  tables.push(perMinerTable(bySubnet, prefix, classification));
  const copiers = summaries.filter((s) => s.kind === ML_COPIER_KIND);
  if (copiers.length > 0) {
    tables.push({
      heading: `${prefix}Proof-of-Intelligence: copier verdict`,
      note: 'A copier forwards each query to a top miner and relays its answer one round trip late. Yuma sees only weights and cannot tell a relayed answer from the original, so whether it is caught is the validators’ rule for late answers (validator.ml accept_late: false drops them, true scores them; column late_answers). Caught = no incentive in any epoch after warm-up.',
      columns: ['netuid', 'group', 'late_answers', 'relayed_quality', 'incentive_share', 'epochs_paid', 'verdict'],
      rows: copiers.map((s) => {
        const best = summaries.filter((o) => o.netuid === s.netuid && o.kind !== ML_COPIER_KIND).reduce((a, o) => Math.max(a, o.incentiveShare / Math.max(1, o.miners)), 0);
        const verdict =
          s.paidEpochs === 0
            ? 'caught: earned no incentive after warm-up'
            : `not caught: earned ${percent(s.incentiveShare / Math.max(1, s.miners))} per copier on average, against ${percent(best)} per miner for the best-paid group it can relay`;
        const late = bySubnet.get(s.netuid)?.at(-1)?.lateAnswers ?? null;
        return [String(s.netuid), s.group, late ?? 'unknown', fixed(s.quality, 4), percent(s.incentiveShare), `${s.paidEpochs} of ${s.epochs}`, verdict];
      }),
    });
  }
  return tables;
}
