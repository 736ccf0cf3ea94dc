/**
 * Registry of epoch variants (mechanisms) by name: the chain's two branches `yuma2` and `yuma3`
 * (chainVariants.ts, selected on chain by `Yuma3On`) and the research variants of research/,
 * each an ordered list of named sub-steps. Research and user variants are added by registering a
 * new step list — the chain port itself is never edited. A scenario picks one with
 * `chain.mechanism` (a name here, or a user module the scenario loader registers).
 */
import { assert } from '../../primitives/assert.ts';
import { YUMA2, YUMA3, type EpochVariant } from './chainVariants.ts';
import { YUMA2_NO_BONDS_PENALTY } from './research/yuma2NoBondsPenalty.ts';
import { YUMA3_NO_STAKE_DIVIDENDS } from './research/yuma3NoStakeDividends.ts';

export { COMMON_STEPS, YUMA2, YUMA3, chainVariantFor, type EpochVariant } from './chainVariants.ts';

/** The variants that ship with yumalab: the chain's, then the research ones. */
export const BUILTIN_EPOCH_VARIANTS: readonly EpochVariant[] = [YUMA2, YUMA3, YUMA2_NO_BONDS_PENALTY, YUMA3_NO_STAKE_DIVIDENDS];

const registry = new Map<string, EpochVariant>(BUILTIN_EPOCH_VARIANTS.map((v) => [v.name, v]));

/**
 * Adds a variant under `key` (default: its name); keys are unique. Registering the same object
 * again under its key is a no-op, so a module loaded by several scenarios of one process is
 * registered once.
 */
export function registerEpochVariant(variant: EpochVariant, key: string = variant.name): void {
  const existing = registry.get(key);
  if (existing === variant) return;
  assert(existing === undefined, `epoch variant '${key}' is already registered`);
  const names = new Set<string>();
  for (const s of variant.steps) {
    assert(!names.has(s.name), `epoch variant '${variant.name}' repeats step '${s.name}'`);
    names.add(s.name);
  }
  registry.set(key, variant);
}

/** Every registered key, sorted (user modules appear under their `path#Export` key once loaded). */
export function epochVariantNames(): string[] {
  return [...registry.keys()].sort();
}

export function findEpochVariant(name: string): EpochVariant | undefined {
  return registry.get(name);
}
