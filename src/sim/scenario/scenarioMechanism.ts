/**
 * `chain.mechanism` → the mechanism a scenario runs (scenarios/README.md, *Mechanisms*), and at
 * genesis the key of the epoch-variant registry the chain state names:
 *   - absent: null — each subnet runs the chain's own variant for its `yuma3_on`;
 *   - a registered name (`yuma2`, `yuma3`, the research variants of consensus/epoch/research/);
 *   - a module reference `path#Export` (path relative to the scenario file, or absolute): a
 *     TypeScript module exporting an `EpochVariant`, loaded synchronously (loadEpochVariantModule.ts)
 *     and registered under `<absolute path>#<Export>@<fingerprint>` — one key per version of the
 *     module's code, so a process that sees the file change runs each scenario with the code it
 *     hashed.
 * A value is a module reference when it has a `#`, a path separator or a script extension.
 */
import { isAbsolute, resolve } from 'node:path';
import { epochVariantNames, findEpochVariant, registerEpochVariant } from '../../consensus/epoch/variants.ts';
import { loadEpochVariantModule, MechanismModuleError, moduleFingerprint } from './loadEpochVariantModule.ts';
import type { MechanismModule, ScenarioMechanism } from './scenario.ts';
import { didYouMean } from './suggestName.ts';

const SCRIPT = /\.[cm]?[jt]s$/;

export function isModuleReference(reference: string): boolean {
  return reference.includes('#') || reference.includes('/') || reference.includes('\\') || SCRIPT.test(reference);
}

/** The mechanism `reference` names, or a one-line problem; `baseDir` anchors relative module paths. */
export function resolveMechanism(reference: string | undefined, baseDir: string): { mechanism: ScenarioMechanism | null; problem: string | null } {
  if (reference === undefined) return { mechanism: null, problem: null };
  if (!isModuleReference(reference)) {
    const variant = findEpochVariant(reference);
    if (variant !== undefined) return { mechanism: { reference, name: variant.name, module: null }, problem: null };
    const known = epochVariantNames().filter((k) => !k.includes('#'));
    const hint = didYouMean(reference, known);
    return { mechanism: null, problem: `unknown mechanism '${reference}'${hint === '' ? ` (known: ${known.join(', ')}; or a module ./file.ts#Export)` : hint}` };
  }
  const hash = reference.lastIndexOf('#');
  const file = hash < 0 ? reference : reference.slice(0, hash);
  const exportName = hash < 0 ? '' : reference.slice(hash + 1);
  if (file === '' || exportName === '') {
    return { mechanism: null, problem: `a module reference names a file and its export: path/to/module.ts#ExportName, got '${reference}'` };
  }
  const path = isAbsolute(file) ? file : resolve(baseDir, file);
  try {
    const loaded = loadEpochVariantModule(path, exportName);
    const module = { path, exportName, sha256: loaded.sha256, imports: loaded.imports };
    registerEpochVariant(loaded.variant, registryKey(module));
    return { mechanism: { reference, name: loaded.variant.name, module }, problem: null };
  } catch (e) {
    if (e instanceof MechanismModuleError) return { mechanism: null, problem: e.message };
    throw e;
  }
}

function registryKey(m: MechanismModule): string {
  return `${m.path}#${m.exportName}@${moduleFingerprint(m.sha256, m.imports).slice(0, 16)}`;
}

/**
 * The registry key the chain state names for this mechanism (null = the chain's choice per
 * subnet). Resolving the scenario registered a module's variant already; a module whose code
 * changed since then is refused rather than run under the old hash.
 */
export function epochVariantKeyOf(mechanism: ScenarioMechanism | null): string | null {
  if (mechanism === null) return null;
  const m = mechanism.module;
  if (m === null) return mechanism.reference;
  const key = registryKey(m);
  if (findEpochVariant(key) === undefined) {
    const loaded = loadEpochVariantModule(m.path, m.exportName);
    if (moduleFingerprint(loaded.sha256, loaded.imports) !== moduleFingerprint(m.sha256, m.imports)) {
      throw new MechanismModuleError(`mechanism module ${m.path} changed since the scenario was loaded; load the scenario again`);
    }
    registerEpochVariant(loaded.variant, key);
  }
  return key;
}
