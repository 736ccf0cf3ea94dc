/**
 * Where the runs of a sweep execute: worker threads on this machine (localExecutor.ts) or
 * workers anywhere through a job queue (queueExecutor.ts). The coordinator (runSweep.ts) neither
 * knows nor cares which: it hands over tasks, receives results as they finish, in any order, and
 * writes them itself.
 */
import type { SweepTask, SweepTaskResult } from './sweepTask.ts';

export interface SweepExecutor {
  /** Runs every task; `onResult` is called once per task as it finishes. Resolves when all are done. */
  run(tasks: readonly SweepTask[], onResult: (result: SweepTaskResult) => void): Promise<void>;
  /** Stops taking work and releases threads or connections (pending tasks are abandoned). */
  close(): Promise<void>;
}
