/**
 * Typed reads of an agent's `params` (AgentSpec.params: validated, defaults filled, snake_case keys
 * — the schemas are in src/sim/scenario/agentKinds.ts, which agents may not import). A failed read
 * means the loader and the behaviour disagree, a bug, so it asserts.
 */
import { assert } from '../primitives/assert.ts';
import type { AgentSpec } from './agent.ts';

function present(spec: AgentSpec, key: string): unknown {
  assert(Object.prototype.hasOwnProperty.call(spec.params, key), () => `agent ${spec.id} (${spec.kind}): params.${key} is missing`);
  return spec.params[key];
}

/** A finite number in [min, max]. */
export function numberParam(spec: AgentSpec, key: string, min = -Infinity, max = Infinity): number {
  const value = present(spec, key);
  assert(
    typeof value === 'number' && Number.isFinite(value) && value >= min && value <= max,
    () => `agent ${spec.id} (${spec.kind}): params.${key} must be a finite number in [${min}, ${max}], got ${String(value)}`,
  );
  return value;
}

/** A safe integer ≥ min. */
export function integerParam(spec: AgentSpec, key: string, min = 0): number {
  const value = present(spec, key);
  assert(
    typeof value === 'number' && Number.isSafeInteger(value) && value >= min,
    () => `agent ${spec.id} (${spec.kind}): params.${key} must be an integer >= ${min}, got ${String(value)}`,
  );
  return value;
}

/** A safe integer ≥ min, or null. */
export function nullableIntegerParam(spec: AgentSpec, key: string, min = 0): number | null {
  return present(spec, key) === null ? null : integerParam(spec, key, min);
}

/** The raw value, for parameters with their own checker (e.g. a number distribution). */
export function rawParam(spec: AgentSpec, key: string): unknown {
  return present(spec, key);
}
