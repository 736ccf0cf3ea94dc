/**
 * The worker side of `yumalab run` (see runInWorker.ts for why the loop runs off the main
 * thread). It loads the scenario with the command-line overrides, runs it into the output
 * directory through writeRunArtifacts (all or nothing), optionally runs it a second time into a
 * scratch directory to compare digests, and reports progress and the outcome by message. The
 * main thread asks it to stop by setting a shared flag, which the loop reads every block.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../sim/input/readStructuredFile.ts';
import { replaceDirectory } from '../sim/artifacts/replaceDirectory.ts';
import type { RunTotals, RunManifest } from '../sim/artifacts/runManifest.ts';
import { writeRunArtifacts } from '../sim/artifacts/writeRunArtifacts.ts';
import type { RunRecorder } from '../sim/run/records.ts';
import { runScenario } from '../sim/run/runScenario.ts';
import { loadScenario } from '../sim/scenario/loadScenario.ts';
import type { Scenario } from '../sim/scenario/scenario.ts';
import type { RunWorkerData, RunWorkerMessage } from './runInWorker.ts';

/** The contract of `runScenario` (src/sim/run/runScenario.ts), which tests may replace by a stub. */
type ScenarioRunner = (
  scenario: Scenario,
  options: { readonly recorder: RunRecorder; readonly onProgress?: (block: number, totalBlocks: number) => void; readonly shouldStop?: () => boolean },
) => RunTotals;

const data = workerData as RunWorkerData;
const stopFlag = new Int32Array(data.stopFlag);
const post = (m: RunWorkerMessage): void => parentPort!.postMessage(m);
const stopRequested = (): boolean => Atomics.load(stopFlag, 0) !== 0;

let first: RunManifest | null = null;
try {
  const runner: ScenarioRunner = data.runnerModuleUrl === null ? runScenario : ((await import(data.runnerModuleUrl)) as { runScenario: ScenarioRunner }).runScenario;
  const scenario = loadScenario(data.file, data.overrides);
  const runOnce = (run: 1 | 2, outDir: string): RunManifest => {
    let nextReport = 0;
    return writeRunArtifacts({
      scenario,
      outDir,
      tag: data.tag,
      command: data.command,
      generatedAt: () => new Date().toISOString(),
      execute: (recorder) =>
        runner(scenario, {
          recorder,
          shouldStop: stopRequested,
          onProgress: (block, totalBlocks) => {
            // About 500 messages per run: smooth enough for a bar, cheap for the loop.
            if (block < nextReport && block < totalBlocks) return;
            nextReport = block + Math.max(1, Math.floor(totalBlocks / 500));
            post({ type: 'progress', run, block, totalBlocks });
          },
        }),
    });
  };
  first = data.replace ? replaceDirectory(data.outDir, data.tag, (temp) => runOnce(1, temp)) : runOnce(1, data.outDir);
  let second: RunManifest | null = null;
  if (data.checkDeterminism) {
    const scratch = mkdtempSync(join(tmpdir(), 'yumalab-check-'));
    try {
      second = runOnce(2, scratch);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }
  post({ type: 'done', first, second });
} catch (e) {
  if (stopRequested()) post({ type: 'interrupted', firstRunComplete: first !== null });
  else post({ type: 'failed', message: e instanceof Error ? e.message : String(e), problems: e instanceof InputError ? [...e.problems] : null });
}

