/**
 * Loads a user's epoch mechanism from a TypeScript (or JavaScript) module — `chain.mechanism:
 * ./my-yuma.ts#MyYuma` — synchronously, because the scenario loader is synchronous and runs in
 * the CLI, in vitest and in the sweep's worker threads alike. tsx's CommonJS API (`tsx/cjs/api`)
 * compiles and requires the file on the spot, in a namespace of its own, so it works whatever
 * loader the host already has.
 *
 * A module is compiled once per thread and version: a second load returns the same exports as
 * long as the module file and the local files it imports are unchanged, and loads it afresh (in a
 * new namespace) when one of them changed — a long-lived queue worker then runs the code it hashes.
 *
 * Loading runs the module's code in this process with the user's rights — unlike a scenario's
 * formulas, which mathjs evaluates without access to the host — so a scenario that names a module
 * is as trusted as the module. The export is checked against the epoch interface
 * (epochVariantShape.ts) before any epoch runs it.
 *
 * Alongside the variant this returns the file's sha256 and those of the local files it imports
 * (not packages, not yumalab's own src/), so the resolved scenario hash changes with the code.
 */
import { createHash } from 'node:crypto';
import { readFileSync, realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/cjs/api';
import type { EpochVariant } from '../../consensus/epoch/chainVariants.ts';
import { epochVariantProblem } from '../../consensus/epoch/epochVariantShape.ts';

export interface ModuleImport {
  /** Path relative to the module's directory, with `/` separators. */
  readonly file: string;
  readonly sha256: string;
}

export interface LoadedEpochVariant {
  readonly variant: EpochVariant;
  /** sha256 of the module file. */
  readonly sha256: string;
  /** Its local imports, direct or not, sorted by path. */
  readonly imports: readonly ModuleImport[];
}

/** A module that cannot serve as a mechanism; the message is one line, for `file:line:col: key: message`. */
export class MechanismModuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MechanismModuleError';
  }
}

/** One digest of a module version: its file and its local imports. */
export function moduleFingerprint(sha256: string, imports: readonly ModuleImport[]): string {
  return createHash('sha256')
    .update([sha256, ...imports.map((i) => `${i.file} ${i.sha256}`)].join('\n'))
    .digest('hex');
}

/** yumalab's own sources: a module's imports from here are covered by the yumalab version. */
const YUMALAB_SRC = join(fileURLToPath(new URL('../../../', import.meta.url)), 'src') + sep;

/** Node's CommonJS module cache, where tsx's namespaced requires land too. */
const requireCache = createRequire(import.meta.url).cache as Record<string, CachedModule | undefined>;

type CachedModule = { readonly filename: string; readonly children: readonly CachedModule[] };

interface Loaded {
  readonly exports: unknown;
  readonly sha256: string;
  /** Absolute paths of the local imports and their sha256 when loaded. */
  readonly imports: readonly { readonly path: string; readonly sha256: string }[];
}

/** Per module file (real path): the version loaded last. */
const loaded = new Map<string, Loaded>();
let namespaces = 0;

const sha256Of = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

function sha256OrNull(file: string): string | null {
  try {
    return sha256Of(file);
  } catch {
    return null;
  }
}

/** The first informative line of a load error (esbuild puts the position on the second). */
function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  return lines.find((l) => /ERROR:/.test(l)) ?? lines[0] ?? 'unknown error';
}

const withoutQuery = (id: string): string => id.split('?')[0]!;

/** The module's local imports, walked through the require cache from its entry in `namespace`. */
function localImports(realPath: string, namespace: string): string[] {
  const entry = Object.keys(requireCache).find((k) => withoutQuery(k) === realPath && k.includes(`namespace=${namespace}`));
  if (entry === undefined) return [];
  const seen = new Set<string>([realPath]);
  const out: string[] = [];
  const stack = [...requireCache[entry]!.children];
  while (stack.length > 0) {
    const m = stack.pop()!;
    const file = withoutQuery(m.filename);
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.split(sep).includes('node_modules') || file.startsWith(YUMALAB_SRC)) continue;
    out.push(file);
    stack.push(...m.children);
  }
  return out.sort();
}

/** The module at `realPath`: the version in memory if no file of it changed, else a fresh load. */
function requireCurrent(path: string, realPath: string): Loaded {
  const sha256 = sha256Of(realPath);
  const previous = loaded.get(realPath);
  if (previous !== undefined && previous.sha256 === sha256 && previous.imports.every((i) => sha256OrNull(i.path) === i.sha256)) return previous;
  const namespace = `yumalab-mechanism-${++namespaces}`;
  let exports: unknown;
  try {
    exports = register({ namespace }).require(realPath, import.meta.url);
  } catch (e) {
    throw new MechanismModuleError(`cannot load ${path}: ${firstLine(e)}`);
  }
  const imports = localImports(realPath, namespace).map((p) => ({ path: p, sha256: sha256Of(p) }));
  const fresh: Loaded = { exports, sha256, imports };
  loaded.set(realPath, fresh);
  return fresh;
}

/**
 * Loads `exportName` of the module at `path` (absolute) and checks it is an epoch variant.
 * Throws `MechanismModuleError` for a module that does not load or an export that is missing or
 * of the wrong shape.
 */
export function loadEpochVariantModule(path: string, exportName: string): LoadedEpochVariant {
  let realPath: string;
  try {
    realPath = realpathSync(path);
  } catch {
    throw new MechanismModuleError(`no such file: ${path}`);
  }
  const m = requireCurrent(path, realPath);
  const exports = m.exports as Record<string, unknown> | null;
  if (exports === null || typeof exports !== 'object' || !(exportName in exports)) {
    const names = exports !== null && typeof exports === 'object' ? Object.keys(exports).filter((k) => k !== '__esModule').sort() : [];
    throw new MechanismModuleError(`${path} has no export '${exportName}' (exports: ${names.length === 0 ? 'none' : names.join(', ')})`);
  }
  const variant = exports[exportName];
  const problem = epochVariantProblem(variant);
  if (problem !== null) throw new MechanismModuleError(`export '${exportName}' of ${path} is not an epoch variant: ${problem}`);
  const moduleDir = dirname(realPath);
  const imports = m.imports.map((i) => ({ file: relative(moduleDir, i.path).split(sep).join('/'), sha256: i.sha256 }));
  imports.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { variant: variant as EpochVariant, sha256: m.sha256, imports };
}
