/**
 * Runs a scenario on a worker thread and waits for it. The run loop is synchronous, so on the
 * main thread it would block the event loop: Ctrl-C (SIGINT) would not be delivered until the
 * run ended, and a progress bar could not redraw. On a worker, the main thread stays free to
 * draw progress and to turn a SIGINT into a shared stop flag that the loop checks every block;
 * the run then throws, the artifacts writer removes its temporary files, and we report
 * `interrupted`.
 *
 * The worker is a `.ts` module: Node 20 cannot start one directly, so a one-line bootstrap
 * registers tsx's loader in the worker first (shared research/stack.md §9).
 */
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { RunManifest } from '../sim/artifacts/runManifest.ts';
import type { AbWritten } from '../sim/artifacts/writeAbArtifacts.ts';
import type { ScenarioOverride } from '../sim/scenario/scenarioOverride.ts';

export interface RunWorkerData {
  readonly file: string;
  readonly overrides: readonly ScenarioOverride[];
  readonly outDir: string;
  /** Write into a sibling directory and swap it in at the end (`--force` on a non-empty DIR). */
  readonly replace: boolean;
  readonly checkDeterminism: boolean;
  /** `--no-control`: run only the scenario even when it has a `control:` section. */
  readonly noControl: boolean;
  readonly tag: string;
  readonly command: readonly string[];
  /** Int32 flag: non-zero = stop at the next block. */
  readonly stopFlag: SharedArrayBuffer;
  /** Test hook: a module exporting a stub `runScenario`; null = the real loop. */
  readonly runnerModuleUrl: string | null;
}

/** What one complete run (or A/B pair) wrote. */
export type Written = { readonly kind: 'single'; readonly manifest: RunManifest } | { readonly kind: 'ab'; readonly pair: AbWritten };

export type RunWorkerMessage =
  /** `label`: which run the block belongs to, e.g. `run`, `run 2/2`, `control`, `attack 1/2`. */
  | { readonly type: 'progress'; readonly label: string; readonly block: number; readonly totalBlocks: number }
  | { readonly type: 'done'; readonly first: Written; readonly second: Written | null }
  /** `firstRunComplete`: the interrupt came during the `--check-determinism` second run (or pair). */
  | { readonly type: 'interrupted'; readonly firstRunComplete: boolean }
  | { readonly type: 'failed'; readonly message: string; readonly problems: readonly string[] | null };

export type RunOutcome = Exclude<RunWorkerMessage, { type: 'progress' }>;

export interface RunInWorkerOptions extends Omit<RunWorkerData, 'stopFlag' | 'runnerModuleUrl'> {
  readonly runnerModuleUrl?: string | null;
  readonly onProgress?: (label: string, block: number, totalBlocks: number) => void;
  /** Aborting asks the run to stop at the next block. */
  readonly stop?: AbortSignal;
}

const WORKER_URL = new URL('./runWorker.ts', import.meta.url).href;

export function runInWorker(options: RunInWorkerOptions): Promise<RunOutcome> {
  const { onProgress, stop, runnerModuleUrl, ...rest } = options;
  const stopFlag = new SharedArrayBuffer(4);
  const workerData: RunWorkerData = { ...rest, stopFlag, runnerModuleUrl: runnerModuleUrl ?? null };
  const bootstrap =
    `import(${JSON.stringify(tsxApiUrl())})` +
    `.then(({ register }) => { register(); return import(${JSON.stringify(WORKER_URL)}); })` +
    `.catch((e) => require('node:worker_threads').parentPort.postMessage({ type: 'failed', message: 'cannot start the run: ' + (e && e.message || e), problems: null }));`;
  return new Promise((resolve) => {
    const worker = new Worker(bootstrap, { eval: true, workerData });
    const requestStop = (): void => {
      Atomics.store(new Int32Array(stopFlag), 0, 1);
    };
    if (stop?.aborted) requestStop();
    stop?.addEventListener('abort', requestStop);
    let outcome: RunOutcome | null = null;
    worker.on('message', (m: RunWorkerMessage) => {
      if (m.type === 'progress') onProgress?.(m.label, m.block, m.totalBlocks);
      else outcome ??= m;
    });
    worker.on('error', (e) => {
      outcome ??= { type: 'failed', message: e.message, problems: null };
    });
    worker.on('exit', () => {
      stop?.removeEventListener('abort', requestStop);
      resolve(outcome ?? { type: 'failed', message: 'the run stopped without a result', problems: null });
    });
  });
}

/** tsx's ESM API entry as a URL (the `import` build when import.meta.resolve is available). */
function tsxApiUrl(): string {
  try {
    return import.meta.resolve('tsx/esm/api');
  } catch {
    return pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api')).href;
  }
}
