/**
 * What a suite run says about each scenario against its baseline, and the one line `yumalab
 * regress` prints for it:
 *
 *     <id>: same                                          same digest (byte-identical artifacts)
 *     <id>: digest changed, metrics within tolerance      other bytes, no key metric drifted
 *     <id>: DRIFT <metric>: <baseline> → <now> (<Δ%>)     the worst drift, then how many more
 *     <id>: no baseline (write one with --update)
 *     <id>: FAILED <error>                                the run itself failed
 *
 * `same` and `within` pass; the others fail. A scenario whose resolved configuration differs
 * from the baseline's (a `--set`, an edited scenario file) is compared all the same — that is the
 * question a `--set` asks — and flagged as such in the report.
 */
import { compareMetrics, describeDrift, type DriftRule, type MetricDrift } from './compareMetrics.ts';
import type { BaselineRecord } from './regressBaseline.ts';
import type { SuiteRun } from './runSuite.ts';

export type VerdictStatus = 'same' | 'within' | 'drift' | 'no-baseline' | 'failed';

export interface ScenarioVerdict {
  readonly id: string;
  readonly status: VerdictStatus;
  readonly baseline: BaselineRecord | null;
  readonly now: BaselineRecord | null;
  /** Every drifted metric, worst first (compareMetrics.ts). */
  readonly drifts: readonly MetricDrift[];
  readonly error: string | null;
  /** The resolved scenario (overrides included) is not the one the baseline ran. */
  readonly scenarioChanged: boolean;
  /** The totals metric the suite names as the attacker's, or null. */
  readonly attackerMetric: string | null;
}

export function judgeScenario(run: SuiteRun, baseline: BaselineRecord | null, rule: DriftRule, attackerMetric: string | null): ScenarioVerdict {
  const common = { id: run.id, baseline, now: run.record, attackerMetric };
  if (run.record === null) return { ...common, status: 'failed', drifts: [], error: run.error, scenarioChanged: false };
  if (baseline === null) return { ...common, status: 'no-baseline', drifts: [], error: null, scenarioChanged: false };
  const drifts = compareMetrics(baseline, run.record, rule);
  const scenarioChanged = baseline.scenario.resolved_sha256 !== run.record.scenario.resolved_sha256;
  // The metrics decide: a hand-edited baseline with the right digest still drifts.
  const status = drifts.length > 0 ? 'drift' : baseline.digest === run.record.digest ? 'same' : 'within';
  return { ...common, status, drifts, error: null, scenarioChanged };
}

export function passed(v: ScenarioVerdict): boolean {
  return v.status === 'same' || v.status === 'within';
}

export function verdictLine(v: ScenarioVerdict): string {
  switch (v.status) {
    case 'same':
      return `${v.id}: same`;
    case 'within':
      return `${v.id}: digest changed, metrics within tolerance`;
    case 'no-baseline':
      return `${v.id}: no baseline (write one with --update)`;
    case 'failed':
      return `${v.id}: FAILED ${v.error}`;
    case 'drift': {
      const more = v.drifts.length - 1;
      return `${v.id}: DRIFT ${describeDrift(v.drifts[0]!)}${more > 0 ? `; ${more} more metric${more === 1 ? '' : 's'} drifted` : ''}`;
    }
  }
}

export interface AttackerShift {
  readonly id: string;
  readonly metric: string;
  readonly baseline: number | null;
  readonly now: number | null;
  /** now − baseline (null if either is absent). */
  readonly delta: number | null;
}

/**
 * The scenarios that name an attacker, ranked by how far the attacker's metric (its emission
 * share, unless the suite says otherwise) moved from the baseline: largest |Δ| first, then
 * those without both values, ties by id. Shares are compared in absolute terms (percentage
 * points), so a share moving from 1% to 2% ranks below one moving from 30% to 35%.
 */
export function attackerShifts(verdicts: readonly ScenarioVerdict[]): AttackerShift[] {
  const out: AttackerShift[] = [];
  for (const v of verdicts) {
    if (v.attackerMetric === null || v.now === null) continue;
    const b = v.baseline?.totals[v.attackerMetric] ?? null;
    const n = v.now.totals[v.attackerMetric] ?? null;
    out.push({ id: v.id, metric: v.attackerMetric, baseline: b, now: n, delta: b === null || n === null ? null : n - b });
  }
  const size = (s: AttackerShift): number => (s.delta === null || Number.isNaN(s.delta) ? -1 : Math.abs(s.delta));
  return out.sort((a, b) => size(b) - size(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A shift's Δ: percentage points for a share (`+1.1 pp`), the signed difference otherwise. */
export function formatShift(metric: string, delta: number | null): string {
  if (delta === null || Number.isNaN(delta)) return 'n/a';
  const share = /share$/.test(metric);
  const x = share ? delta * 100 : delta;
  return `${x > 0 ? '+' : ''}${String(+x.toPrecision(3))}${share ? ' pp' : ''}`;
}
