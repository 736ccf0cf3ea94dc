/**
 * The task object of a task spec, and of an ML agent's spec. Tasks are pure functions of their
 * spec, so agents with equal specs (all ML agents of one subnet) share one instance.
 */
import { assert } from '../../primitives/assert.ts';
import type { AgentSpec } from '../agent.ts';
import { ClassificationTask } from './classificationTask.ts';
import { GaussianMixtureSource } from './gaussianMixtureSource.ts';
import type { MlTask } from './mlTask.ts';
import type { MlTaskSpec } from './mlTaskSpec.ts';
import { RegressionTask } from './regressionTask.ts';
import { TeacherClassSource } from './teacherClassSource.ts';

const cache = new Map<string, MlTask>();

export function mlTaskOf(spec: MlTaskSpec): MlTask {
  const key = JSON.stringify(spec, Object.keys(spec).sort());
  let task = cache.get(key);
  if (task === undefined) {
    task = spec.kind === 'regression' ? new RegressionTask(spec) : new ClassificationTask(spec, spec.source === 'teacher' ? new TeacherClassSource(spec) : new GaussianMixtureSource(spec));
    cache.set(key, task);
  }
  return task;
}

/** The task of an ML agent: its subnet's `task:` (the scenario loader refuses ML agents on a subnet without one). */
export function agentTaskOf(spec: AgentSpec): MlTask {
  assert(spec.task !== undefined, () => `agent ${spec.id} (${spec.kind}) needs its subnet's task: add \`task:\` to the subnet`);
  return mlTaskOf(spec.task);
}
