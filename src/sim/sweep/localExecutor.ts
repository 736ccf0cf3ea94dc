/**
 * Local parallelism: a piscina pool of `workers` threads (default: every core), each running
 * whole sweep runs (sweepThread.ts). Runs share nothing, and every result is written by the
 * coordinator in the sweep's order, so the output does not depend on the thread count.
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { SweepExecutor } from './sweepExecutor.ts';
import type { SweepTaskResult } from './sweepTask.ts';

const BOOTSTRAP_URL = new URL('./sweepThreadBootstrap.mjs', import.meta.url).href;

export function defaultWorkerCount(): number {
  return availableParallelism();
}

export function localExecutor(workers: number = defaultWorkerCount()): SweepExecutor {
  // piscina's default is 1.5 threads per core; a simulation is CPU-bound, so one per worker asked for.
  const pool = new Piscina({ filename: BOOTSTRAP_URL, minThreads: workers, maxThreads: workers, idleTimeout: 60_000 });
  return {
    async run(tasks, onResult) {
      await Promise.all(
        tasks.map(async (task) => {
          let result: SweepTaskResult;
          try {
            result = (await pool.run(task)) as SweepTaskResult;
          } catch (e) {
            // The thread itself died (out of memory, a crash in a native module): the run failed.
            result = { ok: false, runKey: task.runKey, error: `worker thread failed: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}` };
          }
          onResult(result);
        }),
      );
    },
    async close() {
      await pool.close({ force: true });
    },
  };
}
