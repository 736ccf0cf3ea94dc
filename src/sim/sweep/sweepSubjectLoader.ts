/**
 * Loads one sweep subject's module on demand, for the places that run tasks (worker threads,
 * queue workers): importing only the kind a task needs keeps a thread's start-up short — the
 * world simulator and the retention-map kernel are separate module graphs.
 */
import type { SweepSubject } from './sweepSubject.ts';
import type { SweepSubjectKind } from './sweepTask.ts';

export async function loadSubject(kind: SweepSubjectKind): Promise<SweepSubject> {
  switch (kind) {
    case 'scenario':
      return (await import('./scenarioSubject.ts')).scenarioSubject;
    case 'experiment':
      return (await import('../experiments/consensusGuaranteesSubject.ts')).consensusGuaranteesSubject;
  }
}
