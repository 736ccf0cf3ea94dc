/**
 * The worker side of `yumalab run` (see runInWorker.ts for why the loop runs off the main
 * thread). It loads the scenario with the command-line overrides, runs it into the output
 * directory through writeRunArtifacts (all or nothing) — or, when the scenario has a `control:`
 * section (and no `--no-control`), runs the attack and the control as a pair through
 * writeAbArtifacts — optionally does it all a second time into a scratch directory to compare
 * digests, and reports progress and the outcome by message. The main thread asks it to stop by
 * setting a shared flag, which the loop reads every block.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { initMlBackend } from '../agents/ml/mlBackend.ts';
import { needsMlBackend } from '../agents/ml/mlKinds.ts';
import { agentKindsUsed } from '../sim/scenario/agentKindsUsed.ts';
import { InputError } from '../sim/input/readStructuredFile.ts';
import { replaceDirectory } from '../sim/artifacts/replaceDirectory.ts';
import type { RunTotals } from '../sim/artifacts/runManifest.ts';
import { writeAbArtifacts } from '../sim/artifacts/writeAbArtifacts.ts';
import { writeRunArtifacts } from '../sim/artifacts/writeRunArtifacts.ts';
import type { RunRecorder } from '../sim/run/records.ts';
import { runScenario } from '../sim/run/runScenario.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import type { Scenario } from '../sim/scenario/scenario.ts';
import type { RunWorkerData, RunWorkerMessage, Written } from './runInWorker.ts';

/** The contract of `runScenario` (src/sim/run/runScenario.ts), which tests may replace by a stub. */
type ScenarioRunner = (
  scenario: Scenario,
  options: { readonly recorder: RunRecorder; readonly onProgress?: (block: number, totalBlocks: number) => void; readonly shouldStop?: () => boolean },
) => RunTotals;

const data = workerData as RunWorkerData;
const stopFlag = new Int32Array(data.stopFlag);
const post = (m: RunWorkerMessage): void => parentPort!.postMessage(m);
const stopRequested = (): boolean => Atomics.load(stopFlag, 0) !== 0;

let first: Written | null = null;
try {
  const runner: ScenarioRunner = data.runnerModuleUrl === null ? runScenario : ((await import(data.runnerModuleUrl)) as { runScenario: ScenarioRunner }).runScenario;
  const scenario = loadScenario(data.file, data.overrides);
  // The only asynchronous step of an ML run; the loop itself stays synchronous.
  if (needsMlBackend(agentKindsUsed(scenario))) await initMlBackend();
  const pair = scenario.control !== null && !data.noControl;
  const generatedAt = (): string => new Date().toISOString();
  const execute = (label: string, s: Scenario, recorder: RunRecorder): RunTotals => {
    let nextReport = 0;
    return runner(s, {
      recorder,
      shouldStop: stopRequested,
      onProgress: (block, totalBlocks) => {
        // About 500 messages per run: smooth enough for a bar, cheap for the loop.
        if (block < nextReport && block < totalBlocks) return;
        nextReport = block + Math.max(1, Math.floor(totalBlocks / 500));
        post({ type: 'progress', label, block, totalBlocks });
      },
    });
  };
  /** `pass`: 1 or 2 under --check-determinism, null otherwise (it only labels progress). */
  const runOnce = (pass: 1 | 2 | null, outDir: string, replace: boolean): Written => {
    const suffix = pass === null ? '' : ` ${pass}/2`;
    if (pair) {
      // The pair is always written into a sibling directory and swapped in (all or nothing).
      return { kind: 'ab', pair: writeAbArtifacts({ scenario, outDir, tag: data.tag, command: data.command, generatedAt, execute: (side, s, recorder) => execute(`${side}${suffix}`, s, recorder) }) };
    }
    const write = (dir: string): Written => ({
      kind: 'single',
      manifest: writeRunArtifacts({ scenario, outDir: dir, tag: data.tag, command: data.command, generatedAt, execute: (recorder) => execute(`run${suffix}`, scenario, recorder) }),
    });
    return replace ? replaceDirectory(outDir, data.tag, write) : write(outDir);
  };
  first = runOnce(data.checkDeterminism ? 1 : null, data.outDir, data.replace);
  let second: Written | null = null;
  if (data.checkDeterminism) {
    const scratch = mkdtempSync(join(tmpdir(), 'yumalab-check-'));
    try {
      second = runOnce(2, join(scratch, 'run'), false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  post({ type: 'done', first, second });
} catch (e) {
  if (stopRequested()) post({ type: 'interrupted', firstRunComplete: first !== null });
  else post({ type: 'failed', message: e instanceof Error ? e.message : String(e), problems: e instanceof InputError ? [...e.problems] : null });
}

