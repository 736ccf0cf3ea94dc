/**
 * Runs every scenario of a suite as a sweep task (sweepTask.ts): the scenario's text with its
 * overrides, alone (no control run), computed on whatever executor the caller gives — worker
 * threads (localExecutor.ts) or the Redis queue — into a run directory in memory, exactly as
 * `yumalab run <file> --no-control --set …` writes it. From its files come the digest and the
 * key metrics (regressMetrics.ts), i.e. this run's would-be baseline record. Two entries that
 * resolve to the same run are computed once.
 */
import { resolvedScenarioSha256 } from '../artifacts/scenarioHash.ts';
import { runKey } from '../sweep/runKey.ts';
import type { SweepExecutor } from '../sweep/sweepExecutor.ts';
import type { SweepTask, SweepTaskResult } from '../sweep/sweepTask.ts';
import { BASELINE_FORMAT, type BaselineRecord } from './regressBaseline.ts';
import { METRIC_FILES, regressMetricsOf } from './regressMetrics.ts';
import type { RegressSuite, SuiteEntry } from './regressSuite.ts';

export type SuiteRun = { readonly id: string; readonly record: BaselineRecord; readonly error: null } | { readonly id: string; readonly record: null; readonly error: string };

export function suiteTask(entry: SuiteEntry): SweepTask {
  return {
    kind: 'scenario',
    file: entry.file,
    text: entry.text,
    overrides: entry.overrides.map((o) => ({ path: o.path, value: o.value })),
    coordinates: [],
    seed: entry.scenario.seed,
    noControl: true,
    runKey: runKey('scenario', resolvedScenarioSha256(entry.scenario), 'single'),
  };
}

/** One run per entry, in suite order; `onRun` hears about each as it finishes (in any order). */
export async function runSuite(suite: RegressSuite, executor: SweepExecutor, onRun?: (run: SuiteRun) => void): Promise<SuiteRun[]> {
  const tasks = suite.entries.map(suiteTask);
  const byKey = new Map<string, SweepTask>();
  for (const t of tasks) if (!byKey.has(t.runKey)) byKey.set(t.runKey, t);
  const results = new Map<string, SweepTaskResult>();
  await executor.run([...byKey.values()], (r) => {
    results.set(r.runKey, r);
    if (onRun !== undefined) tasks.forEach((t, i) => t.runKey === r.runKey && onRun(suiteRunOf(suite.entries[i]!, r)));
  });
  return tasks.map((t, i) => {
    const r = results.get(t.runKey);
    return r === undefined ? { id: suite.entries[i]!.id, record: null, error: 'the run did not come back from its worker' } : suiteRunOf(suite.entries[i]!, r);
  });
}

function suiteRunOf(entry: SuiteEntry, r: SweepTaskResult): SuiteRun {
  if (!r.ok) return { id: entry.id, record: null, error: r.error };
  const decoder = new TextDecoder();
  const files = new Map<string, string>();
  for (const f of r.files) if ((METRIC_FILES as readonly string[]).includes(f.name)) files.set(f.name, decoder.decode(f.data));
  try {
    return { id: entry.id, record: baselineRecordOf(entry, files), error: null };
  } catch (e) {
    return { id: entry.id, record: null, error: e instanceof Error ? e.message : String(e) };
  }
}

/** A finished run directory's files (manifest.json, groups.csv, subnets.csv, metrics.csv) → its record. */
export function baselineRecordOf(entry: SuiteEntry, files: ReadonlyMap<string, string>): BaselineRecord {
  const manifest = JSON.parse(files.get('manifest.json') ?? '{}') as { digest?: string; scenario?: { resolved_sha256?: string } };
  const s = entry.scenario;
  return {
    format: BASELINE_FORMAT,
    id: entry.id,
    scenario: {
      name: s.name,
      file: entry.ref,
      resolved_sha256: manifest.scenario?.resolved_sha256 ?? resolvedScenarioSha256(s),
      seed: s.seed,
      numeric_mode: s.chain.mode,
      duration_blocks: s.durationBlocks,
    },
    overrides: entry.overrides.map((o) => ({ path: o.path, value: o.value })),
    digest: manifest.digest ?? '',
    ...regressMetricsOf(files),
  };
}
