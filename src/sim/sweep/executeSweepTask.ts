/**
 * Runs one sweep task wherever it lands (a worker thread, a queue worker on another machine) and
 * never throws: a run that fails — a combination of values the scenario refuses, an invariant
 * violation, a bug — comes back as `{ ok: false, error }` with a one-line message, so the sweep
 * records it and goes on.
 */
import { InputError } from '../input/readStructuredFile.ts';
import { subjectOfKind } from './sweepSubjects.ts';
import type { SweepTask, SweepTaskResult } from './sweepTask.ts';

export function executeSweepTask(task: SweepTask): SweepTaskResult {
  try {
    return { ok: true, runKey: task.runKey, files: subjectOfKind(task.kind).execute(task) };
  } catch (e) {
    return { ok: false, runKey: task.runKey, error: errorLine(e) };
  }
}

/** One line: an input error's problems joined, else the error's first message line. */
export function errorLine(e: unknown): string {
  if (e instanceof InputError) return e.problems.join('; ');
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.split('\n')[0]!;
}
