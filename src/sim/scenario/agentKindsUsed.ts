/**
 * Every agent kind a qualified scenario can build: genesis populations, state agents, groups that
 * join later, subnets registered by events, and the control scenario. Found by walking the frozen
 * config for `{kind, params}` records, so a new place agents come from is covered without a change
 * here. Used to prepare what only some kinds need before a run (the tfjs backend for ML kinds).
 */
import type { Scenario } from './scenario.ts';

export function agentKindsUsed(scenario: Scenario): Set<string> {
  const kinds = new Set<string>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (typeof value !== 'object' || value === null || seen.has(value)) return;
    seen.add(value);
    if (ArrayBuffer.isView(value)) return;
    const record = value as Record<string, unknown>;
    if (typeof record['kind'] === 'string' && typeof record['params'] === 'object') kinds.add(record['kind']);
    for (const v of Array.isArray(value) ? value : Object.values(record)) walk(v);
  };
  walk(scenario);
  return kinds;
}
