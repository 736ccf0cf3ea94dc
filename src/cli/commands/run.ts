/**
 * `yumalab run <scenario>` — simulates a scenario and writes its artifacts (manifest.json,
 * metrics.csv, neurons.csv, events.jsonl, groups.csv) into DIR, all or nothing. A scenario with a
 * `control:` section runs as an A/B pair: DIR/attack/ and DIR/control/ (each a complete run
 * directory), DIR/ab.csv and the pair's DIR/manifest.json (writeAbArtifacts.ts); `--no-control`
 * runs the scenario alone. Argument and scenario mistakes are found before anything runs (one
 * line each, exit 2); the run itself happens on a worker thread (runInWorker.ts) so Ctrl-C stops
 * it at the next block (exit 130, no file left half-written) and progress can redraw. The last
 * stdout line is `digest sha256:<hex>` (the pair digest for an A/B pair).
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { directoryState } from '../../sim/artifacts/directoryState.ts';
import type { RunManifest } from '../../sim/artifacts/runManifest.ts';
import { AB_FILE, ATTACK_DIR, CONTROL_DIR } from '../../sim/artifacts/writeAbArtifacts.ts';
import { loadScenario } from '../../sim/scenario/loadScenario.ts';
import { parseScalar, parseSetArgument, type ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';
import { DEFAULT_PROJECTION_YEARS, REPORT_FORMATS } from '../../report/reportOptions.ts';
import { runInWorker, type RunOutcome, type Written } from '../runInWorker.ts';
import { UsageError } from '../usageError.ts';
import { produceReport, REPORT_DIR } from './report.ts';
import { isExperimentFile } from '../../sim/experiments/experimentFile.ts';
import { runExperiment } from './runExperiment.ts';

export const RUN_USAGE = `usage: yumalab run <scenario.yaml> [options]

Simulates the scenario block by block and writes manifest.json, metrics.csv, neurons.csv,
events.jsonl and groups.csv into DIR. A scenario with a 'control:' section runs as an A/B pair
with the same seed: DIR/attack/ and DIR/control/ (each a full run directory), DIR/ab.csv (the
groups of both runs side by side) and DIR/manifest.json. The last line printed is
'digest sha256:<hex>', the run's (or pair's) overall digest: the same scenario, seed and yumalab
version always give the same digest.

options:
  --seed N                 run seed (overrides the scenario's 'seed')
  --out DIR                output directory (default runs/<name>/<seed>)
  --set key.path=value     override a scenario key, e.g. --set subnets.0.hyperparameters.kappa=0.6
                           (repeatable; the value is read as a YAML scalar)
  --numeric chain|float    numeric mode (overrides 'chain.numeric')
  --check-determinism      run twice and compare the digests (exit 1 if they differ)
  --no-control             run only the scenario, not its control: variant
  --force                  replace a non-empty DIR (the old one is kept until the new run is complete)
  --report                 then write the report into DIR/report (as 'yumalab report DIR'; for a
                           pair too); a failed report exits 2, the run stays complete
  --quiet                  no progress output; print only the digest line

Exit code: 0 done, 1 the run failed or is not deterministic, 2 a problem with the arguments or
the scenario, 130 interrupted (Ctrl-C; nothing is left half-written).`;

export interface RunCommandHooks {
  /** Test hook: the module providing `runScenario` (default: the real loop). */
  readonly runnerModuleUrl?: string;
  /** Test hook: a signal standing in for Ctrl-C. */
  readonly interrupt?: AbortSignal;
}

/**
 * Checks the arguments and the scenario synchronously (a mistake throws UsageError/InputError,
 * which main.ts prints), then returns a promise of the run's exit code.
 */
export function runCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, hooks: RunCommandHooks = {}): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      seed: { type: 'string' },
      out: { type: 'string' },
      set: { type: 'string', multiple: true, default: [] },
      numeric: { type: 'string' },
      'check-determinism': { type: 'boolean', default: false },
      'no-control': { type: 'boolean', default: false },
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      report: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(RUN_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give exactly one scenario file (got ${positionals.length})`);
  const file = positionals[0]!;

  // --set first, then the dedicated flags, so `--seed 5` wins over `--set seed=4`.
  const overrides: ScenarioOverride[] = values.set.map(parseSetArgument);
  if (values.seed !== undefined) {
    if (!/^[0-9]+$/.test(values.seed)) throw new UsageError(`--seed must be a non-negative integer, got '${values.seed}'`);
    overrides.push({ path: 'seed', value: parseScalar(values.seed, '--seed'), label: '--seed' });
  }
  if (values.numeric !== undefined) {
    if (values.numeric !== 'chain' && values.numeric !== 'float') throw new UsageError(`--numeric must be 'chain' or 'float', got '${values.numeric}'`);
    overrides.push({ path: 'chain.numeric', value: values.numeric, label: '--numeric' });
  }
  // A research experiment file (top-level `experiment:`) runs one experiment point instead.
  if (isExperimentFile(file)) {
    if (values.numeric !== undefined || values['check-determinism'] || values.report || values['no-control']) {
      throw new UsageError('--numeric, --check-determinism, --report and --no-control apply to scenarios; for an experiment use --set parameters.numeric=chain|float');
    }
    return runExperiment(file, overrides, { outDir: values.out, force: values.force, quiet: values.quiet }, out, err);
  }
  const scenario = loadScenario(file, overrides);

  const outDir = values.out ?? join('runs', scenario.name, String(scenario.seed));
  const state = directoryState(outDir);
  if (state === 'not-a-directory') throw new UsageError(`${outDir} exists and is not a directory`);
  if (state === 'non-empty' && !values.force) throw new UsageError(`${outDir} is not empty (use --force to replace it, or --out DIR)`);

  const quiet = values.quiet;
  const interrupt = new AbortController();
  let interrupted = false;
  const onSigint = (): void => {
    if (interrupted) return;
    interrupted = true;
    if (!quiet) err('interrupted: stopping at the next block and removing temporary files');
    interrupt.abort();
  };
  process.on('SIGINT', onSigint);
  hooks.interrupt?.addEventListener('abort', onSigint);
  const pair = scenario.control !== null && !values['no-control'];
  if (!quiet) {
    const mechanism = scenario.chain.mechanism === null ? '' : `, mechanism ${scenario.chain.mechanism.name}`;
    err(`run ${scenario.name} seed ${scenario.seed} (${scenario.chain.mode}${mechanism}, ${scenario.durationBlocks} blocks) → ${outDir}`);
    if (pair) err(`A/B pair: attack, then control (${scenario.control!.overrides.map((o) => `${o.path}=${JSON.stringify(o.value)}`).join(', ')}), same seed`);
  }
  const progress = quiet ? null : makeProgress(err);

  return runInWorker({
    file,
    overrides,
    outDir,
    replace: state === 'non-empty',
    checkDeterminism: values['check-determinism'],
    noControl: values['no-control'],
    tag: String(process.pid),
    command: ['yumalab', 'run', ...argv],
    stop: interrupt.signal,
    ...(hooks.runnerModuleUrl === undefined ? {} : { runnerModuleUrl: hooks.runnerModuleUrl }),
    ...(progress === null ? {} : { onProgress: progress.update }),
  }).then(async (outcome) => {
    process.off('SIGINT', onSigint);
    hooks.interrupt?.removeEventListener('abort', onSigint);
    progress?.stop();
    // `--report`: only for a complete run that passed its determinism check (if asked for one);
    // its line is printed before the digest, which stays the last line.
    const reportLines: string[] = [];
    let reportCode = 0;
    if (values.report && outcome.type === 'done' && (outcome.second === null || summaryOf(outcome.second).digest === summaryOf(outcome.first).digest)) {
      const formats = [...REPORT_FORMATS];
      reportCode = await produceReport({ runDir: outDir, outDir: join(outDir, REPORT_DIR), formats, projectionYears: DEFAULT_PROJECTION_YEARS }, (l) => reportLines.push(l), err);
    }
    const code = report(outcome, outDir, pair, quiet, out, err, reportLines);
    return code === 0 ? reportCode : code;
  });
}

function report(outcome: RunOutcome, outDir: string, pair: boolean, quiet: boolean, out: (line: string) => void, err: (line: string) => void, reportLines: readonly string[]): number {
  switch (outcome.type) {
    case 'interrupted':
      err(
        outcome.firstRunComplete
          ? `yumalab run: interrupted during the determinism check; ${outDir} holds the complete first ${pair ? 'pair' : 'run'}, the check did not finish`
          : `yumalab run: interrupted; nothing was written to ${outDir}`,
      );
      return 130;
    case 'failed':
      for (const line of outcome.problems ?? [`yumalab run: ${outcome.message}`]) err(line);
      return outcome.problems === null ? 1 : 2;
    case 'done': {
      const first = summaryOf(outcome.first);
      if (!quiet) out(`wrote ${outDir}: ${first.written.join(', ')}`);
      if (outcome.second !== null) {
        const second = summaryOf(outcome.second);
        if (second.digest !== first.digest) {
          err(`yumalab run: determinism check failed: the first run gave ${first.digest}, the second ${second.digest}; differing files: ${differingFiles(first.files, second.files).join(', ')}`);
          out(`digest ${first.digest}`);
          return 1;
        }
        if (!quiet) out(`determinism check: OK, both ${pair ? 'pairs' : 'runs'} gave the same digest`);
      }
      if (!quiet) for (const line of reportLines) out(line);
      out(`digest ${first.digest}`);
      return 0;
    }
  }
}

interface WrittenSummary {
  readonly digest: string;
  /** What the output directory holds, for the `wrote` line. */
  readonly written: readonly string[];
  /** Every artifact with its hash, paths relative to the output directory. */
  readonly files: ReadonlyMap<string, string>;
}

function summaryOf(w: Written): WrittenSummary {
  const filesOf = (m: RunManifest, prefix: string): [string, string][] => m.files.map((f) => [`${prefix}${f.name}`, f.sha256]);
  if (w.kind === 'single') {
    return { digest: w.manifest.digest, written: [...w.manifest.files.map((f) => f.name), 'manifest.json'], files: new Map(filesOf(w.manifest, '')) };
  }
  const { manifest, attack, control } = w.pair;
  return {
    digest: manifest.digest,
    written: [`${ATTACK_DIR}/`, `${CONTROL_DIR}/`, AB_FILE, 'manifest.json'],
    files: new Map([...filesOf(attack, `${ATTACK_DIR}/`), ...filesOf(control, `${CONTROL_DIR}/`), ...manifest.files.map((f): [string, string] => [f.name, f.sha256])]),
  };
}

function differingFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): string[] {
  const names = new Set([...a.keys(), ...b.keys()]);
  return [...names].sort().filter((n) => a.get(n) !== b.get(n));
}

interface Progress {
  readonly update: (label: string, block: number, totalBlocks: number) => void;
  readonly stop: () => void;
}

/**
 * A bar on a terminal; otherwise one plain stderr line per 10 % of each run (CI logs stay short).
 * Labels come from the worker: `run`, `run 1/2` … or `attack`, `control 2/2` … for a pair.
 */
function makeProgress(err: (line: string) => void): Progress {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{label} [{bar}] {percentage}% | block {value}/{total} | eta {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let current: string | null = null;
    return {
      update: (label, block, total) => {
        if (label !== current) {
          if (current !== null) bar.stop();
          current = label;
          bar.start(total, block, { label });
        } else bar.update(block);
      },
      stop: () => {
        if (current !== null) bar.stop();
      },
    };
  }
  let nextTenth = new Map<string, number>();
  return {
    update: (label, block, total) => {
      const tenth = Math.floor((10 * block) / Math.max(1, total));
      if (tenth < (nextTenth.get(label) ?? 1)) return;
      nextTenth.set(label, tenth + 1);
      err(`${label}: block ${block}/${total} (${tenth * 10}%)`);
    },
    stop: () => {
      nextTenth = new Map();
    },
  };
}
