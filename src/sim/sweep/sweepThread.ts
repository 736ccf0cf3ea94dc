/** The piscina task module of local sweeps (localExecutor.ts): one task in, its result out. */
import { executeSweepTask } from './executeSweepTask.ts';
import type { SweepTask, SweepTaskResult } from './sweepTask.ts';

export default function sweepThread(task: SweepTask): Promise<SweepTaskResult> {
  return executeSweepTask(task);
}
