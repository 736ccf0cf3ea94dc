/**
 * Runs sweep tasks one after another on the calling thread: no worker threads to start (each
 * loads the TypeScript loader and the simulator, about 2 s), so for a handful of short runs —
 * a golden suite (`yumalab regress --workers 1`) — it finishes sooner than a pool would. The
 * event loop is blocked while a run computes; results arrive in task order.
 */
import { executeSweepTask } from './executeSweepTask.ts';
import type { SweepExecutor } from './sweepExecutor.ts';

export function inProcessExecutor(): SweepExecutor {
  let closed = false;
  return {
    async run(tasks, onResult) {
      for (const task of tasks) {
        if (closed) return;
        onResult(await executeSweepTask(task));
        // Let timers and I/O (progress lines, signals) through between runs.
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
    async close() {
      closed = true;
    },
  };
}
