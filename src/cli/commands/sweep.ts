/**
 * `yumalab sweep <file>` — runs every point of a scenario's (or experiment's) `sweep:` section:
 * one run directory per distinct run under DIR/runs/, DIR/summary.csv (a row per run), DIR/sweep.json
 * and the sweep report in DIR/report/. Runs execute on worker threads (`--workers`, default every
 * core) or, with `--queue redis://host:port`, as BullMQ jobs that `yumalab worker` processes on
 * any machine. Finished runs are cached by content address, so `--resume` after an interrupt (or
 * a `kill -9`) computes only what is missing and ends with the same bytes as an uninterrupted
 * sweep. A failed run is recorded in summary.csv and does not stop the sweep.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { parseScalar, parseSetArgument, type ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';
import { defaultWorkerCount, localExecutor } from '../../sim/sweep/localExecutor.ts';
import { loadSweepPlan } from '../../sim/sweep/loadSweepPlan.ts';
import { checkRedisReachable } from '../../sim/sweep/checkRedisReachable.ts';
import { queueExecutor } from '../../sim/sweep/queueExecutor.ts';
import { runSweep, SWEEP_MANIFEST_FILE, type SweepProgress } from '../../sim/sweep/runSweep.ts';
import type { SweepExecutor } from '../../sim/sweep/sweepExecutor.ts';
import { subjectForFile } from '../../sim/sweep/sweepSubjects.ts';
import { SUMMARY_FILE } from '../../sim/sweep/summaryTable.ts';
import { UsageError } from '../usageError.ts';
import { parseQueueName } from './worker.ts';
import { produceSweepReport } from './report.ts';

export const SWEEP_USAGE = `usage: yumalab sweep <file.yaml> [options]

Runs every point of the file's 'sweep:' section (grid axes crossed, zip axes together, each
point 'replicates' times with its own derived seed) and writes DIR/runs/<key>/ (one run
directory per run, the same artifacts as 'yumalab run'), DIR/summary.csv (one row per run:
coordinates, seed, status, digest, key metrics), DIR/sweep.json and the report DIR/report/.
Complete runs are cached by content address: --resume finishes an interrupted sweep, or reuses
the runs of an earlier one, computing only what is missing.

options:
  --workers N              worker threads (default: ${defaultWorkerCount()}, the number of cores)
  --out DIR                output directory (default runs/<name>/sweep)
  --resume                 continue in a non-empty DIR, reusing its complete runs
  --queue redis://H:P      run the points as BullMQ jobs on Redis; start workers anywhere with
                           'yumalab worker --queue redis://H:P'
  --queue-name NAME        the BullMQ queue (default yumalab-sweeps; workers need the same)
  --seed N                 base seed (overrides the file's 'seed'); each run's seed derives from it
  --set key.path=value     override a key in every run (repeatable)
  --only axis.path=value   run only the points with this axis value (repeatable; values of one
                           axis are alternatives); runs keep their seeds and place in the sweep
  --replicates N           replicates per point instead of the file's 'replicates'
  --no-control             run scenarios with a 'control:' section alone, not as A/B pairs
  --no-report              do not write DIR/report
  --quiet                  no progress output

Exit code: 0 every run complete, 1 some run failed (see summary.csv), 2 a problem with the
arguments or the file, or the report could not be written (the sweep is kept), 130 interrupted
(complete runs are kept; --resume continues).`;

export interface SweepCommandHooks {
  /** Test hook: replaces the executor (e.g. a queue against a test Redis). */
  readonly executor?: (workers: number) => SweepExecutor;
  /** Test hook: a signal standing in for Ctrl-C. */
  readonly interrupt?: AbortSignal;
}

export function sweepCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, hooks: SweepCommandHooks = {}): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      workers: { type: 'string' },
      out: { type: 'string' },
      resume: { type: 'boolean', default: false },
      queue: { type: 'string' },
      'queue-name': { type: 'string' },
      seed: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      only: { type: 'string', multiple: true, default: [] },
      replicates: { type: 'string' },
      'no-control': { type: 'boolean', default: false },
      'no-report': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(SWEEP_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give exactly one sweep file (got ${positionals.length})`);
  const workers = values.workers === undefined ? defaultWorkerCount() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) throw new UsageError(`--workers must be an integer in [1, 1024], got '${values.workers}'`);
  if (values.queue !== undefined && !/^rediss?:\/\/[^\s/]+/.test(values.queue)) throw new UsageError(`--queue must be a redis:// URL (e.g. redis://127.0.0.1:6379), got '${values.queue}'`);
  const file = positionals[0]!;
  const overrides: ScenarioOverride[] = values.set.map(parseSetArgument);
  if (values.seed !== undefined) {
    if (!/^[0-9]+$/.test(values.seed)) throw new UsageError(`--seed must be a non-negative integer, got '${values.seed}'`);
    overrides.push({ path: 'seed', value: parseScalar(values.seed, '--seed'), label: '--seed' });
  }
  const only = values.only.map((arg) => {
    const o = parseSetArgument(arg);
    return { path: o.path, value: o.value };
  });
  const replicates = values.replicates === undefined ? undefined : Number(values.replicates);
  if (replicates !== undefined && (!Number.isInteger(replicates) || replicates < 1 || replicates > 1_000_000)) throw new UsageError(`--replicates must be an integer in [1, 1000000], got '${values.replicates}'`);
  const plan = loadSweepPlan(file, overrides, subjectForFile, { only, ...(replicates === undefined ? {} : { replicates }) });
  const outDir = values.out ?? join('runs', plan.name, 'sweep');
  const quiet = values.quiet;
  const queueName = values['queue-name'] === undefined ? {} : { queueName: parseQueueName(values['queue-name']) };
  const executor = hooks.executor?.(workers) ?? (values.queue === undefined ? localExecutor(workers) : queueExecutor(values.queue, { ...queueName, onWarning: err }));
  const where = values.queue === undefined ? `${workers} worker thread${workers === 1 ? '' : 's'}` : `queue ${values.queue}`;
  const grid = plan.definition.axes.filter((a) => a.kind === 'grid');
  const zip = plan.definition.axes.filter((a) => a.kind === 'zip');
  const shape = [
    grid.length === 0 ? '' : `${grid.map((a) => a.values.length).join(' × ')} grid`,
    zip.length === 0 ? '' : `${zip[0]!.values.length} zipped`,
    `${plan.definition.replicates} replicate${plan.definition.replicates === 1 ? '' : 's'}`,
  ].filter((x) => x !== '');
  if (!quiet) err(`sweep ${plan.name}: ${plan.points.length} runs (${shape.join(' × ')}${only.length > 0 ? ', narrowed by --only' : ''}) on ${where} → ${outDir}`);

  const progress = quiet ? null : makeSweepProgress(err);
  const interrupt = new Promise<'interrupted'>((resolve) => {
    const stop = (): void => resolve('interrupted');
    process.once('SIGINT', stop);
    hooks.interrupt?.addEventListener('abort', stop);
  });
  // With --queue, an unreachable Redis is a one-line error before anything is written.
  const reachable = values.queue === undefined || hooks.executor !== undefined ? Promise.resolve() : checkRedisReachable(values.queue);
  const sweep = reachable.then(() =>
    runSweep({
    plan,
    outDir,
    executor,
    resume: values.resume,
    noControl: values['no-control'],
    command: ['yumalab', 'sweep', ...argv],
    generatedAt: () => new Date().toISOString(),
    ...(progress === null ? {} : { onProgress: progress.update }),
    }),
  );
  return Promise.race([sweep, interrupt])
    .then(async (outcome) => {
      progress?.stop();
      if (outcome === 'interrupted') {
        await executor.close();
        err(`yumalab sweep: interrupted; complete runs are kept in ${outDir}/runs — rerun with --resume to finish`);
        return 130;
      }
      await executor.close();
      if (!quiet) out(`wrote ${outDir}: ${SUMMARY_FILE}, ${SWEEP_MANIFEST_FILE}, runs/ (${outcome.computed} computed, ${outcome.cached} from cache)`);
      for (const r of outcome.rows) if (r.status === 'failed') err(`run ${r.point.index} failed: ${r.error}`);
      // The sweep report (also with failed runs); if it fails: one line, exit 2, the sweep stays.
      const reportCode = values['no-report'] ? 0 : await produceSweepReport(outDir, out, err);
      out(`${outcome.rows.length} runs: ${outcome.complete} complete, ${outcome.failed} failed`);
      out(`digest ${outcome.digest}`);
      return reportCode !== 0 ? reportCode : outcome.failed > 0 ? 1 : 0;
    })
    .catch(async (e: unknown) => {
      progress?.stop();
      await executor.close();
      if (e instanceof InputError) {
        for (const p of e.problems) err(p);
        return 2;
      }
      throw e;
    });
}

interface Progress {
  readonly update: (p: SweepProgress) => void;
  readonly stop: () => void;
}

/** A bar with runs done, failed and the ETA on a terminal; a plain line per 10 % otherwise. */
function makeSweepProgress(err: (line: string) => void): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'sweep [{bar}] {percentage}% | {value}/{total} runs | {failed} failed | {cached} cached | eta {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update: (p) => {
        if (!started) {
          started = true;
          bar.start(p.total, p.done, { failed: p.failed, cached: p.cached });
        } else bar.update(p.done, { failed: p.failed, cached: p.cached });
      },
      stop: () => {
        if (started) bar.stop();
      },
    };
  }
  let nextTenth = 0;
  const startedMs = Date.now();
  return {
    update: (p) => {
      const tenth = Math.floor((10 * p.done) / Math.max(1, p.total));
      if (tenth < nextTenth && p.done < p.total) return;
      nextTenth = tenth + 1;
      // ETA from the runs computed so far (cached ones cost nothing).
      const computed = p.done - p.cached;
      const left = p.total - p.done;
      const eta = computed > 0 && left > 0 ? `, eta ${Math.ceil(((Date.now() - startedMs) / computed) * left / 1000)}s` : '';
      err(`sweep ${p.done}/${p.total} runs (${p.failed} failed, ${p.cached} cached${eta})`);
    },
    stop: () => {},
  };
}
