/**
 * Typed reads of the trader parameters that `agentParams.ts` has no reader for: TAO amounts (the
 * scenario loader turns them into rao, a bigint), enumerations, and nullable numbers. Like
 * agentParams, a failed read means the loader and the behaviour disagree, a bug, so it asserts.
 */
import { assert } from '../../primitives/assert.ts';
import type { AgentSpec } from '../agent.ts';
import { numberParam, rawParam } from '../agentParams.ts';

/** A non-negative rao amount, or null. */
export function nullableRaoParam(spec: AgentSpec, key: string): bigint | null {
  const value = rawParam(spec, key);
  if (value === null) return null;
  assert(typeof value === 'bigint' && value >= 0n, () => `agent ${spec.id} (${spec.kind}): params.${key} must be a rao amount >= 0 or null, got ${String(value)}`);
  return value;
}

/** One of `allowed`. */
export function enumParam<T extends string>(spec: AgentSpec, key: string, allowed: readonly T[]): T {
  const value = rawParam(spec, key);
  assert(typeof value === 'string' && (allowed as readonly string[]).includes(value), () => `agent ${spec.id} (${spec.kind}): params.${key} must be one of ${allowed.join(', ')}, got ${String(value)}`);
  return value as T;
}

/** A finite number in [min, max], or null. */
export function nullableNumberParam(spec: AgentSpec, key: string, min = -Infinity, max = Infinity): number | null {
  return rawParam(spec, key) === null ? null : numberParam(spec, key, min, max);
}
