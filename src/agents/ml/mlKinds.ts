/** The agent kinds that run tfjs models and so need `initMlBackend()` before a run. */
export const ML_AGENT_KINDS: ReadonlySet<string> = new Set(['miner.ml', 'miner.ml_overfit', 'validator.ml']);

/** Every ML kind: they answer or measure the subnet's task, so their subnet must declare `task:`. */
export const ML_TASK_KINDS: ReadonlySet<string> = new Set([...ML_AGENT_KINDS, 'miner.ml_copier', 'miner.ml_random']);

export function needsMlBackend(kinds: Iterable<string>): boolean {
  for (const k of kinds) if (ML_AGENT_KINDS.has(k)) return true;
  return false;
}
