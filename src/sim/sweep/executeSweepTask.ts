/**
 * Runs one sweep task wherever it lands (a worker thread, a queue worker on another machine) and
 * never throws: a run that fails — a combination of values the scenario refuses, an invariant
 * violation, a bug — comes back as `{ ok: false, error }` with a one-line message, so the sweep
 * records it and goes on. The subject is loaded on demand (sweepSubjectLoader.ts), so a thread
 * running experiment tasks never loads the world simulator, and the other way round.
 */
import { errorLine } from './errorLine.ts';
import { loadSubject } from './sweepSubjectLoader.ts';
import type { SweepTask, SweepTaskResult } from './sweepTask.ts';

export async function executeSweepTask(task: SweepTask): Promise<SweepTaskResult> {
  try {
    const subject = await loadSubject(task.kind);
    await subject.prepare?.(task);
    return { ok: true, runKey: task.runKey, files: subject.execute(task) };
  } catch (e) {
    return { ok: false, runKey: task.runKey, error: errorLine(e) };
  }
}
