/**
 * Checks that a value given from outside (a user's mechanism module export) has the shape of an
 * `EpochVariant` before it is run: a name, a description and a non-empty list of steps, each with
 * a unique name, a description and a `run` function. TypeScript checks this at the author's
 * desk; this is for modules loaded at run time, so a wrong export is a one-line input error
 * instead of a crash in the middle of an epoch.
 */
import type { EpochVariant } from './chainVariants.ts';

function isRecord(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null;
}

const nonEmptyString = (x: unknown): boolean => typeof x === 'string' && x.length > 0;

/** What is wrong with `value` as an epoch variant, or null when it is one. */
export function epochVariantProblem(value: unknown): string | null {
  if (!isRecord(value)) return `expected an epoch variant object {name, description, steps}, got ${value === null ? 'null' : typeof value}`;
  if (!nonEmptyString(value.name)) return 'name must be a non-empty string';
  if (typeof value.description !== 'string') return 'description must be a string';
  const steps = value.steps;
  if (!Array.isArray(steps) || steps.length === 0) return 'steps must be a non-empty array of epoch steps';
  const seen = new Set<string>();
  for (let i = 0; i < steps.length; i++) {
    const s: unknown = steps[i];
    if (!isRecord(s)) return `steps[${i}] is not an epoch step {name, description, run}`;
    if (!nonEmptyString(s.name)) return `steps[${i}].name must be a non-empty string`;
    if (typeof s.description !== 'string') return `steps[${i}] ('${String(s.name)}'): description must be a string`;
    if (typeof s.run !== 'function') return `steps[${i}] ('${String(s.name)}'): run must be a function (work) => void`;
    if (seen.has(s.name as string)) return `steps repeat the name '${String(s.name)}'`;
    seen.add(s.name as string);
  }
  return null;
}

export function isEpochVariant(value: unknown): value is EpochVariant {
  return epochVariantProblem(value) === null;
}
