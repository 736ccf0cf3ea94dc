/**
 * A new epoch variant from an existing one with some steps replaced — how the research variants
 * (research/) and user mechanism modules change one part of the chain's epoch while every other
 * step stays the chain's own code.
 */
import { assert } from '../../primitives/assert.ts';
import type { EpochVariant } from './chainVariants.ts';
import type { EpochStep } from './types.ts';

export interface VariantChanges {
  readonly name: string;
  readonly description: string;
  /** Step name in `base` → the step that runs in its place (it may keep the name or take a new one). */
  readonly replace: Readonly<Record<string, EpochStep>>;
}

export function deriveEpochVariant(base: EpochVariant, changes: VariantChanges): EpochVariant {
  const baseNames = new Set(base.steps.map((s) => s.name));
  for (const old of Object.keys(changes.replace)) {
    assert(baseNames.has(old), `variant '${base.name}' has no step '${old}' to replace (steps: ${base.steps.map((s) => s.name).join(', ')})`);
  }
  const steps = base.steps.map((s) => changes.replace[s.name] ?? s);
  const seen = new Set<string>();
  for (const s of steps) {
    assert(!seen.has(s.name), `variant '${changes.name}' would repeat step '${s.name}'`);
    seen.add(s.name);
  }
  return { name: changes.name, description: changes.description, steps };
}
