/**
 * `yumalab run <scenario>` — simulates a scenario and writes its artifacts (manifest.json,
 * metrics.csv, neurons.csv, events.jsonl) into DIR, all or nothing. Argument and scenario
 * mistakes are found before anything runs (one line each, exit 2); the run itself happens on a
 * worker thread (runInWorker.ts) so Ctrl-C stops it at the next block (exit 130, no file left
 * half-written) and progress can redraw. The last stdout line is `digest sha256:<hex>`.
 */
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import cliProgress from 'cli-progress';
import { directoryState } from '../../sim/artifacts/directoryState.ts';
import type { RunManifest } from '../../sim/artifacts/runManifest.ts';
import { loadScenario } from '../../sim/scenario/loadScenario.ts';
import { parseScalar, parseSetArgument, type ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';
import { runInWorker, type RunOutcome } from '../runInWorker.ts';
import { UsageError } from '../usageError.ts';

export const RUN_USAGE = `usage: yumalab run <scenario.yaml> [options]

Simulates the scenario block by block and writes manifest.json, metrics.csv, neurons.csv and
events.jsonl into DIR. The last line printed is 'digest sha256:<hex>', the run's overall digest:
the same scenario, seed and yumalab version always give the same digest.

options:
  --seed N                 run seed (overrides the scenario's 'seed')
  --out DIR                output directory (default runs/<name>/<seed>)
  --set key.path=value     override a scenario key, e.g. --set subnets.0.hyperparameters.kappa=0.6
                           (repeatable; the value is read as a YAML scalar)
  --numeric chain|float    numeric mode (overrides 'chain.numeric')
  --check-determinism      run twice and compare the digests (exit 1 if they differ)
  --force                  replace a non-empty DIR (the old one is kept until the new run is complete)
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
      force: { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
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
  if (!quiet) err(`run ${scenario.name} seed ${scenario.seed} (${scenario.chain.mode}, ${scenario.durationBlocks} blocks) → ${outDir}`);
  const progress = quiet ? null : makeProgress(err, values['check-determinism']);

  return runInWorker({
    file,
    overrides,
    outDir,
    replace: state === 'non-empty',
    checkDeterminism: values['check-determinism'],
    tag: String(process.pid),
    command: ['yumalab', 'run', ...argv],
    stop: interrupt.signal,
    ...(hooks.runnerModuleUrl === undefined ? {} : { runnerModuleUrl: hooks.runnerModuleUrl }),
    ...(progress === null ? {} : { onProgress: progress.update }),
  }).then((outcome) => {
    process.off('SIGINT', onSigint);
    hooks.interrupt?.removeEventListener('abort', onSigint);
    progress?.stop();
    return report(outcome, outDir, quiet, out, err);
  });
}

function report(outcome: RunOutcome, outDir: string, quiet: boolean, out: (line: string) => void, err: (line: string) => void): number {
  switch (outcome.type) {
    case 'interrupted':
      err(
        outcome.firstRunComplete
          ? `yumalab run: interrupted during the determinism check; ${outDir} holds the complete first run, the check did not finish`
          : `yumalab run: interrupted; nothing was written to ${outDir}`,
      );
      return 130;
    case 'failed':
      for (const line of outcome.problems ?? [`yumalab run: ${outcome.message}`]) err(line);
      return outcome.problems === null ? 1 : 2;
    case 'done': {
      const { first, second } = outcome;
      if (!quiet) out(`wrote ${outDir}: ${[...first.files.map((f) => f.name), 'manifest.json'].join(', ')}`);
      if (second !== null) {
        if (second.digest !== first.digest) {
          err(`yumalab run: determinism check failed: the first run gave ${first.digest}, the second ${second.digest}; differing files: ${differingFiles(first, second).join(', ')}`);
          out(`digest ${first.digest}`);
          return 1;
        }
        if (!quiet) out('determinism check: OK, both runs gave the same digest');
      }
      out(`digest ${first.digest}`);
      return 0;
    }
  }
}

function differingFiles(a: RunManifest, b: RunManifest): string[] {
  const names = new Set([...a.files, ...b.files].map((f) => f.name));
  return [...names].sort().filter((n) => a.files.find((f) => f.name === n)?.sha256 !== b.files.find((f) => f.name === n)?.sha256);
}

interface Progress {
  readonly update: (run: 1 | 2, block: number, totalBlocks: number) => void;
  readonly stop: () => void;
}

/** A bar on a terminal; otherwise one plain stderr line per 10 % (CI logs stay short). */
function makeProgress(err: (line: string) => void, twoRuns: boolean): Progress {
  const label = (run: 1 | 2): string => (twoRuns ? `run ${run}/2` : 'run');
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: '{label} [{bar}] {percentage}% | block {value}/{total} | eta {eta_formatted}', hideCursor: true, clearOnComplete: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    let current: 1 | 2 | 0 = 0;
    return {
      update: (run, block, total) => {
        if (run !== current) {
          if (current !== 0) bar.stop();
          current = run;
          bar.start(total, block, { label: label(run) });
        } else bar.update(block);
      },
      stop: () => {
        if (current !== 0) bar.stop();
      },
    };
  }
  let nextTenth = new Map<1 | 2, number>();
  return {
    update: (run, block, total) => {
      const tenth = Math.floor((10 * block) / Math.max(1, total));
      if (tenth < (nextTenth.get(run) ?? 1)) return;
      nextTenth.set(run, tenth + 1);
      err(`${label(run)}: block ${block}/${total} (${tenth * 10}%)`);
    },
    stop: () => {
      nextTenth = new Map();
    },
  };
}
