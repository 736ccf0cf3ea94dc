/**
 * The sweep coordinator: resolves every run of the plan to its content address, skips the runs
 * already complete in `DIR/runs/` (the cache — after an interrupt, `--resume` simply finds them),
 * hands the rest to an executor (threads or a job queue), files each result as it arrives, then
 * writes `summary.csv` and `sweep.json` from what is on disk. A run that fails is recorded with
 * its error and the sweep goes on. Nothing here depends on the number of workers or on the
 * order results arrive in, which is why the outputs are byte-identical for 1 and N workers, for
 * local and queued runs, and for interrupted-then-resumed and uninterrupted sweeps.
 */
import { existsSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson } from '../artifacts/canonicalJson.ts';
import { manifestJson } from '../artifacts/runManifest.ts';
import { sha256Hex } from '../artifacts/scenarioHash.ts';
import { InputError } from '../input/readStructuredFile.ts';
import { YUMALAB_VERSION } from '../version.ts';
import { errorLine } from './errorLine.ts';
import { SWEEP_MANIFEST_FILE } from './sweepFiles.ts';
import type { SweepPlan } from './loadSweepPlan.ts';
import { runKey } from './runKey.ts';
import { RUNS_DIR, RunStore } from './runStore.ts';
import type { SweepExecutor } from './sweepExecutor.ts';
import { SUMMARY_FILE, summaryCsv, type SummaryRow } from './summaryTable.ts';
import { sweepOverridesOf } from './sweepOverrides.ts';
import type { SweepTask } from './sweepTask.ts';

export { SWEEP_MANIFEST_FILE } from './sweepFiles.ts';

export interface SweepProgress {
  /** Distinct runs the sweep needs (points with the same content address count once). */
  readonly total: number;
  /** Found complete before starting. */
  readonly cached: number;
  /** Finished so far (cached included), and how many of those failed. */
  readonly done: number;
  readonly failed: number;
}

export interface SweepRequest {
  readonly plan: SweepPlan;
  readonly outDir: string;
  readonly executor: SweepExecutor;
  /** Continue (or reuse the runs of) a sweep directory that is not empty. */
  readonly resume: boolean;
  readonly noControl: boolean;
  readonly command: readonly string[];
  /** Wall clock for sweep.json (sim code has no clock). */
  readonly generatedAt: () => string;
  readonly onProgress?: (p: SweepProgress) => void;
}

export interface SweepOutcome {
  readonly rows: readonly SummaryRow[];
  readonly complete: number;
  readonly failed: number;
  /** Distinct runs computed now, and found in the cache. */
  readonly computed: number;
  readonly cached: number;
  /** `sha256:<hex>` of summary.csv, which holds every run's digest. */
  readonly digest: string;
}

export async function runSweep(req: SweepRequest): Promise<SweepOutcome> {
  const { plan, outDir } = req;
  if (existsSync(outDir) && readdirSync(outDir).length > 0) {
    if (!req.resume) throw new InputError([`${outDir}: directory is not empty (use --resume to continue this sweep and reuse its runs, or choose another --out)`]);
    if (!existsSync(join(outDir, RUNS_DIR))) throw new InputError([`${outDir}: not a sweep directory (no ${RUNS_DIR}/), refusing to --resume into it`]);
  }
  const store = new RunStore(outDir);

  // Resolve every point to its content address; a point that cannot be resolved fails here.
  const keys: (string | null)[] = [];
  const resolveErrors = new Map<number, string>();
  const tasks = new Map<string, SweepTask>();
  for (const point of plan.points) {
    const draft = { kind: plan.subject.kind, file: plan.file, text: plan.text, overrides: plan.overrides, coordinates: point.coordinates, seed: point.seed, noControl: req.noControl };
    try {
      const resolved = plan.subject.resolveRun(plan.file, plan.text, sweepOverridesOf(draft), req.noControl);
      const key = runKey(plan.subject.kind, resolved.resolvedSha256, resolved.shape);
      keys.push(key);
      if (!tasks.has(key)) tasks.set(key, { ...draft, runKey: key });
    } catch (e) {
      keys.push(null);
      resolveErrors.set(point.index, errorLine(e));
    }
  }
  const cachedKeys = [...tasks.keys()].filter((k) => store.has(k));
  const pending = [...tasks.values()].filter((t) => !store.has(t.runKey));
  const runErrors = new Map<string, string>();
  let done = cachedKeys.length;
  let failed = 0;
  const total = tasks.size;
  req.onProgress?.({ total, cached: cachedKeys.length, done, failed });
  await req.executor.run(pending, (result) => {
    if (result.ok) {
      try {
        store.put(result.runKey, result.files);
      } catch (e) {
        runErrors.set(result.runKey, `cannot write the run: ${errorLine(e)}`);
      }
    } else runErrors.set(result.runKey, result.error);
    done++;
    if (runErrors.has(result.runKey)) failed++;
    req.onProgress?.({ total, cached: cachedKeys.length, done, failed });
  });

  const metricsOf = new Map<string, { digest: string; metrics: Map<string, string> } | string>();
  const rows: SummaryRow[] = plan.points.map((point, i) => {
    const key = keys[i]!;
    if (key === null) return { point, status: 'failed', digest: '', runDir: '', error: resolveErrors.get(point.index)!, metrics: new Map() };
    if (!metricsOf.has(key)) metricsOf.set(key, readRun(store, plan, key, runErrors.get(key)));
    const m = metricsOf.get(key)!;
    if (typeof m === 'string') return { point, status: 'failed', digest: '', runDir: '', error: m, metrics: new Map() };
    return { point, status: 'complete', digest: m.digest, runDir: store.relativeDir(key), error: '', metrics: m.metrics };
  });
  const summary = summaryCsv(
    plan.definition.axes.map((a) => a.path),
    rows,
  );
  writeAtomically(join(outDir, SUMMARY_FILE), summary);
  const digest = `sha256:${sha256Hex(summary)}`;
  const outputs = plan.subject.finish?.(outDir, plan.baseParameters) ?? [];
  const complete = rows.filter((r) => r.status === 'complete').length;
  writeAtomically(
    join(outDir, SWEEP_MANIFEST_FILE),
    manifestJson({
      yumalab_version: YUMALAB_VERSION,
      kind: 'sweep',
      subject: plan.subject.kind,
      scenario: { name: plan.name, file: plan.file, file_sha256: sha256Hex(plan.text) },
      seed: plan.seed,
      overrides: plan.overrides,
      base: plan.baseParameters,
      axes: plan.definition.axes.map((a) => ({ path: a.path, kind: a.kind, values: a.values })),
      replicates: plan.definition.replicates,
      common_random_numbers: plan.definition.commonRandomNumbers,
      report: plan.definition.report,
      runs: rows.length,
      complete,
      failed: rows.length - complete,
      // The definition's hash: two sweep.json files with the same one describe the same sweep.
      definition_sha256: sha256Hex(canonicalJson({ overrides: plan.overrides, axes: plan.definition.axes, replicates: plan.definition.replicates, crn: plan.definition.commonRandomNumbers, seed: plan.seed, text: sha256Hex(plan.text) })),
      summary_sha256: digest.slice('sha256:'.length),
      outputs: [...outputs],
      digest,
      generated_at: req.generatedAt(),
      command: [...req.command],
    }),
  );
  return { rows, complete, failed: rows.length - complete, computed: pending.length, cached: cachedKeys.length, digest };
}

/** A complete run's digest and metrics, or the reason it has none. */
function readRun(store: RunStore, plan: SweepPlan, key: string, error: string | undefined): { digest: string; metrics: Map<string, string> } | string {
  if (error !== undefined) return error;
  if (!store.has(key)) return 'run did not complete';
  try {
    const manifest = store.read(key, ['manifest.json']).get('manifest.json')!;
    const digest = (JSON.parse(manifest) as { digest?: string }).digest ?? '';
    const shape = store.read(key, ['ab.csv']).size > 0 ? 'pair' : 'single';
    return { digest, metrics: plan.subject.metrics(store.read(key, plan.subject.metricFiles(shape))) };
  } catch (e) {
    return `cannot read the run's results: ${errorLine(e)}`;
  }
}

function writeAtomically(path: string, text: string): void {
  const temp = `${path}.${process.pid}.tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}
