/** The sweep subjects by kind, and which one a parsed file is (a top-level `experiment:` key). */
import { consensusGuaranteesSubject } from '../experiments/consensusGuaranteesSubject.ts';
import { scenarioSubject } from './scenarioSubject.ts';
import type { SweepSubject } from './sweepSubject.ts';
import type { SweepSubjectKind } from './sweepTask.ts';

const SUBJECTS: Readonly<Record<SweepSubjectKind, SweepSubject | null>> = {
  scenario: scenarioSubject,
  experiment: consensusGuaranteesSubject,
};

export function subjectOfKind(kind: SweepSubjectKind): SweepSubject {
  const s = SUBJECTS[kind];
  if (s === null) throw new Error(`sweep subject '${kind}' is not available`);
  return s;
}

export function subjectForFile(data: unknown): SweepSubject {
  const isExperiment = data !== null && typeof data === 'object' && 'experiment' in data;
  return subjectOfKind(isExperiment ? 'experiment' : 'scenario');
}
