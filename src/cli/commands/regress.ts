/**
 * `yumalab regress <suite>` — re-runs every scenario of a golden suite (src/sim/regress/) and
 * compares its key metrics with the stored baseline: one line per scenario (`same` / `digest
 * changed, metrics within tolerance` / `DRIFT metric: baseline → now (Δ%)`), then `N passed, M
 * failed`, exit 1 on any drift; and an HTML/Markdown report with a baseline-vs-now chart for
 * every drifted metric. `--update` rewrites the baseline (all or nothing) and says what changed.
 * With `--set key=value` it answers "what would this variant change?": the same comparison, plus
 * a ranking of the scenarios by how far the attacker's share moved.
 *
 * Everything the user can get wrong — arguments, the suite, any scenario with its overrides, the
 * baseline files, the report directory — is checked before anything runs (one line each, exit 2).
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { readBaselines, writeBaselines } from '../../sim/regress/baselineStore.ts';
import { ABSOLUTE_FLOOR, DEFAULT_TOLERANCE, type DriftRule } from '../../sim/regress/compareMetrics.ts';
import { baselineJson } from '../../sim/regress/regressBaseline.ts';
import { attackerMetric, BASELINE_DIR, loadSuite } from '../../sim/regress/regressSuite.ts';
import { runSuite } from '../../sim/regress/runSuite.ts';
import { attackerShifts, formatShift, judgeScenario, passed, verdictLine, type ScenarioVerdict } from '../../sim/regress/scenarioVerdict.ts';
import { parseSetArgument, type ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';
import { inProcessExecutor } from '../../sim/sweep/inProcessExecutor.ts';
import { defaultWorkerCount, localExecutor } from '../../sim/sweep/localExecutor.ts';
import type { SweepExecutor } from '../../sim/sweep/sweepExecutor.ts';
import { REPORT_FORMATS } from '../../report/reportOptions.ts';
import { UsageError } from '../usageError.ts';
import { parseFormats } from './report.ts';

export const REGRESS_USAGE = `usage: yumalab regress <suite> [options]

Re-runs every scenario of a golden suite — a directory with suite.yaml (scenarios of the library
with their overrides) or with scenario files, and baseline/<id>.json per scenario — and compares
each run's key metrics (totals and per-epoch series of emission share, dividends, incentive,
stake share per group; issuance, alpha price per subnet) with its baseline. Prints one line per
scenario: 'same', 'digest changed, metrics within tolerance' or 'DRIFT metric: baseline → now
(Δ%)', then 'N passed, M failed'; writes a report with a baseline-vs-now chart for every drifted
metric. With --set, the drifts are what that variant changes, and the scenarios that name an
attacker are ranked by how far its share moved.

options:
  --baseline DIR           baseline directory (default <suite>/baseline)
  --update                 rewrite the baseline from this run (all or nothing) and print, per
                           scenario, 'updated <id>: <k> metrics changed', 'new <id>' or 'unchanged <id>'
                           (with --set, only into a --baseline DIR of its own)
  --set key.path=value     override a key in every scenario (repeatable), e.g.
                           --set subnets.0.hyperparameters.bonds_penalty=0
  --tolerance REL          relative tolerance (default: the suite's 'tolerance', else ${DEFAULT_TOLERANCE});
                           differences up to ${ABSOLUTE_FLOOR} never count
  --report DIR             report directory (default runs/regress/<suite name>/report); must be
                           missing, empty or an earlier report
  --no-report              do not write the report
  --format LIST            html, md or html,md (default html,md)
  --workers N              run the scenarios on N worker threads (default 1: one by one in this
                           process, which is quicker for short suites; this machine has ${defaultWorkerCount()} cores)
  --quiet                  no progress output

Exit code: 0 every scenario same or within tolerance (or the baseline was updated), 1 a drift,
a missing baseline or a failed run, 2 a problem with the arguments, the suite, its scenarios,
the baseline files or the report directory.`;

export interface RegressCommandHooks {
  /** Test hook: replaces the executor (e.g. one whose runs fail). */
  readonly executor?: () => SweepExecutor;
}

export function regressCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, hooks: RegressCommandHooks = {}): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      baseline: { type: 'string' },
      update: { type: 'boolean', default: false },
      set: { type: 'string', multiple: true, default: [] },
      tolerance: { type: 'string' },
      report: { type: 'string' },
      'no-report': { type: 'boolean', default: false },
      format: { type: 'string', default: REPORT_FORMATS.join(',') },
      workers: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(REGRESS_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give exactly one suite directory (got ${positionals.length})`);
  let tolerance: number | null = null;
  if (values.tolerance !== undefined) {
    tolerance = Number(values.tolerance);
    if (values.tolerance.trim() === '' || !Number.isFinite(tolerance) || tolerance < 0 || tolerance >= 1) throw new UsageError(`--tolerance must be a relative tolerance in [0, 1), e.g. 1e-6, got '${values.tolerance}'`);
  }
  // The suite's own baseline is the reference a variant is compared against; never overwrite it with one.
  if (values.update && values.set.length > 0 && values.baseline === undefined) {
    throw new UsageError('--update with --set would write the variant into the suite\'s baseline; give --baseline DIR for a variant baseline, or put the override in suite.yaml');
  }
  const formats = parseFormats(values.format);
  const overrides: ScenarioOverride[] = values.set.map(parseSetArgument);
  const suite = loadSuite(positionals[0]!, overrides);
  // Default 1: a suite's runs are short, and each worker thread first spends about 2 s of CPU
  // loading the TypeScript loader and the simulator — on 2 cores that eats the gain (measured:
  // scenarios/regress takes as long on 2 threads as in-process). Long suites pass --workers N.
  const workers = values.workers === undefined ? 1 : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 1024) throw new UsageError(`--workers must be an integer in [1, 1024], got '${values.workers}'`);
  const rule: DriftRule = { relative: tolerance ?? suite.tolerance ?? DEFAULT_TOLERANCE, absolute: ABSOLUTE_FLOOR };
  const baselineDir = values.baseline ?? join(suite.dir, BASELINE_DIR);
  const stored = readBaselines(baselineDir);
  const reportDir = values['no-report'] ? null : (values.report ?? join('runs', 'regress', suite.name, 'report'));
  const tag = String(process.pid);
  const quiet = values.quiet;
  const started = Date.now();

  // With --workers N the threads start while the report module (Vega, resvg: about 1.5 s) loads.
  const executor = hooks.executor?.() ?? (workers === 1 ? inProcessExecutor() : localExecutor(workers));
  const reportModule = reportDir === null ? null : import('../../report/regress/writeRegressReport.ts');
  const writeModule = reportModule === null ? Promise.resolve(null) : Promise.all([reportModule, import('../../report/writeReport.ts')]);
  return writeModule
    .then(async (modules) => {
      if (modules !== null && reportDir !== null) {
        try {
          modules[1].checkReportOutDir(reportDir, suite.dir);
        } catch (e) {
          // The check speaks of `--out`, the report flag of other commands; here it is --report.
          throw new UsageError((e as Error).message.replace('--out', '--report'));
        }
      }
      const where = workers === 1 ? 'in this process' : `on ${workers} worker threads`;
      if (!quiet) err(`regress ${suite.name}: ${suite.entries.length} scenario${suite.entries.length === 1 ? '' : 's'} ${where}, baseline ${baselineDir}`);
      let done = 0;
      const runs = await runSuite(suite, executor, (r) => {
        done++;
        if (!quiet) err(`  ${r.id} ${r.record === null ? 'failed' : 'done'} (${done}/${suite.entries.length}, ${((Date.now() - started) / 1000).toFixed(1)} s)`);
      });
      await executor.close();
      const verdicts = suite.entries.map((e, i) => judgeScenario(runs[i]!, stored.get(e.id)?.record ?? null, rule, attackerMetric(e)));
      const failedRuns = verdicts.filter((v) => v.status === 'failed');

      let code: number;
      if (values.update) {
        if (failedRuns.length > 0) {
          for (const v of failedRuns) out(verdictLine(v));
          err(`yumalab regress: the baseline was not updated: ${failedRuns.length} scenario${failedRuns.length === 1 ? '' : 's'} failed`);
          code = 1;
        } else {
          writeBaselines(baselineDir, verdicts.map((v) => v.now!), `regress-${tag}`);
          for (const line of updateLines(verdicts, stored)) out(line);
          code = 0;
        }
      } else {
        for (const v of verdicts) out(verdictLine(v));
        const listed = new Set(suite.entries.map((e) => e.id));
        for (const id of stored.keys()) if (!listed.has(id)) err(`note: ${join(baselineDir, `${id}.json`)} belongs to no scenario of the suite (--update removes it)`);
        code = verdicts.every(passed) ? 0 : 1;
      }
      if (overrides.length > 0) for (const line of rankingLines(verdicts)) out(line);

      if (modules !== null && reportDir !== null) {
        const input = { suite, baselineDir, rule, overrides: overrides.map((o) => ({ path: o.path, value: o.value })), verdicts, updated: values.update && code === 0 };
        try {
          const w = await modules[0].writeRegressReport(input, reportDir, { formats, tag: `regress-report-${tag}` });
          out(`report ${join(w.outDir, formats.includes('html') ? 'report.html' : 'report.md')}`);
        } catch (e) {
          err(`yumalab regress: the report was not written: ${e instanceof InputError ? e.problems.join('; ') : e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
          if (code === 0) code = 2;
        }
      }
      if (values.update) {
        if (code !== 1) out(`wrote ${baselineDir}: ${verdicts.length} baseline${verdicts.length === 1 ? '' : 's'}`);
      } else {
        const pass = verdicts.filter(passed).length;
        out(`${pass} passed, ${verdicts.length - pass} failed`);
      }
      return code;
    })
    .catch(async (e: unknown) => {
      await executor.close();
      if (e instanceof UsageError) {
        err(`yumalab regress: ${e.message}`);
        return 2;
      }
      if (e instanceof InputError) {
        for (const p of e.problems) err(p);
        return 2;
      }
      throw e;
    });
}

/** `--update`'s account, per scenario in suite order, then the baselines it dropped. */
function updateLines(verdicts: readonly ScenarioVerdict[], stored: ReadonlyMap<string, { readonly text: string }>): string[] {
  const lines: string[] = [];
  for (const v of verdicts) {
    const old = stored.get(v.id);
    if (old === undefined) lines.push(`new ${v.id}`);
    else if (old.text === baselineJson(v.now!)) lines.push(`unchanged ${v.id}`);
    else {
      // With no metric beyond the tolerance, say what else made the file change.
      const k = v.drifts.length;
      const b = v.baseline!;
      const n = v.now!;
      const other = [
        b.digest !== n.digest ? 'digest' : '',
        b.scenario.resolved_sha256 !== n.scenario.resolved_sha256 || JSON.stringify(b.overrides) !== JSON.stringify(n.overrides) ? 'scenario or overrides' : '',
      ].filter((x) => x !== '');
      const why = k > 0 ? '' : ` (${other.length > 0 ? `${other.join(', ')} changed` : 'changes within tolerance'})`;
      lines.push(`updated ${v.id}: ${k} metric${k === 1 ? '' : 's'} changed${why}`);
    }
  }
  const listed = new Set(verdicts.map((v) => v.id));
  for (const id of stored.keys()) if (!listed.has(id)) lines.push(`removed ${id}`);
  return lines;
}

/** With --set: the scenarios that name an attacker, by how far its share moved. */
function rankingLines(verdicts: readonly ScenarioVerdict[]): string[] {
  const shifts = attackerShifts(verdicts);
  if (shifts.length === 0) return [];
  const width = Math.max(...shifts.map((s) => s.id.length));
  return [
    'attacker share moved (largest first):',
    ...shifts.map((s, i) => `  ${i + 1}. ${s.id.padEnd(width)}  ${s.metric}: ${s.baseline ?? 'absent'} → ${s.now ?? 'absent'} (${formatShift(s.metric, s.delta)})`),
  ];
}
