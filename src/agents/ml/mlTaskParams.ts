/**
 * The task an ML agent works on, read from its `task_*` parameters (shared by `miner.ml`,
 * `validator.ml` and the adversarial ML miners). Miners and validators that declare the same
 * `task_*` values face the same teacher; a scenario shares them with one YAML anchor.
 */
import { assert } from '../../primitives/assert.ts';
import type { AgentSpec } from '../agent.ts';
import { integerParam, numberParam, rawParam } from '../agentParams.ts';
import { TASK_KIND_REGRESSION, TeacherTask, type TeacherTaskParams } from './teacherTask.ts';

export function readTaskParams(spec: AgentSpec): TeacherTaskParams {
  const kind = rawParam(spec, 'task_kind');
  assert(kind === TASK_KIND_REGRESSION, () => `agent ${spec.id}: params.task_kind must be ${TASK_KIND_REGRESSION}, got ${String(kind)}`);
  const seed = rawParam(spec, 'task_seed');
  assert(typeof seed === 'string' && seed.length > 0, () => `agent ${spec.id}: params.task_seed must be a non-empty string`);
  return {
    seed,
    inputDim: integerParam(spec, 'task_input_dim', 1),
    hiddenUnits: integerParam(spec, 'task_hidden_units', 1),
    labelNoiseSd: numberParam(spec, 'task_label_noise_sd', 0),
    driftPerDay: numberParam(spec, 'task_drift_per_day', 0),
  };
}

/** Teachers are pure functions of their parameters, so agents with equal task parameters share one. */
const cache = new Map<string, TeacherTask>();

export function teacherTaskOf(params: TeacherTaskParams): TeacherTask {
  const key = JSON.stringify([params.seed, params.inputDim, params.hiddenUnits, params.labelNoiseSd, params.driftPerDay]);
  let task = cache.get(key);
  if (task === undefined) {
    task = new TeacherTask(params);
    cache.set(key, task);
  }
  return task;
}

/** Simulated time in days (fractional), the clock of concept drift. */
export function taskDay(block: number, blocksPerDay: number): number {
  return block / blocksPerDay;
}
