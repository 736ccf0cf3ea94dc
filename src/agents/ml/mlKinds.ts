/** The agent kinds that run tfjs models and so need `initMlBackend()` before a run. */
export const ML_AGENT_KINDS: ReadonlySet<string> = new Set(['miner.ml', 'miner.ml_overfit', 'validator.ml']);

export function needsMlBackend(kinds: Iterable<string>): boolean {
  for (const k of kinds) if (ML_AGENT_KINDS.has(k)) return true;
  return false;
}
