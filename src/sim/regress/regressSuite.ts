/**
 * A golden suite (issue 8, part 2): a directory whose `suite.yaml` lists scenarios of the library
 * — by path relative to the suite directory, so the suite holds no copies — each with overrides
 * that make it short (`duration`, `chain.numeric: float`), plus `baseline/<id>.json` with each
 * scenario's stored key metrics (regressBaseline.ts). A directory without `suite.yaml` is a suite
 * of its own `*.yaml` files, unmodified.
 *
 *     name: regress
 *     overrides: {chain.numeric: float}          # every scenario, before its own
 *     tolerance: 1e-9                             # optional; `--tolerance` wins
 *     scenarios:
 *       - scenario: ../attacks/cabal.yaml
 *         id: cabal                               # default: the file's stem
 *         overrides: {duration: {days: 1}}
 *         attacker: cabal_validators              # a group, or a totals metric (sn1.tao_emission_share)
 *
 * Everything is checked before anything runs: the suite's keys (`file:line:col: key.path:
 * message`), then every scenario with its overrides, resolved exactly as `yumalab run --set …`
 * would resolve it; an override's problem points at its line in suite.yaml. A scenario with a
 * `control:` section runs alone (its control is a scenario of its own if the suite wants it).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import { z } from 'zod';
import { formatPath, InputError, parseStructuredText, positionOf, readInputText, validateWith, type ParsedFile } from '../input/readStructuredFile.ts';
import { parseScenario } from '../scenario/loadScenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import type { ScenarioOverride } from '../scenario/scenarioOverride.ts';
import { strict } from '../scenario/schemaParts.ts';

export const SUITE_FILE = 'suite.yaml';
export const BASELINE_DIR = 'baseline';

/** A scenario id names its baseline file, so it is a plain file name. */
const ID = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export interface SuiteEntry {
  /** Names `baseline/<id>.json` and the scenario's output line. */
  readonly id: string;
  /** The scenario file as suite.yaml names it (relative to the suite directory). */
  readonly ref: string;
  /** The path it is read from (the suite directory joined with `ref`). */
  readonly file: string;
  readonly text: string;
  /** Suite overrides, the entry's, then the command line's, in the order they apply. */
  readonly overrides: readonly ScenarioOverride[];
  /** The metric whose move the comparison ranks (attackerShift.ts), or null. */
  readonly attacker: string | null;
  readonly scenario: Scenario;
}

export interface RegressSuite {
  readonly dir: string;
  /** `<dir>/suite.yaml`, or null for a plain directory of scenarios. */
  readonly file: string | null;
  readonly name: string;
  readonly description: string;
  /** suite.yaml's `tolerance`, or null (the default applies). */
  readonly tolerance: number | null;
  readonly entries: readonly SuiteEntry[];
}

const overridesSchema = z.record(z.string(), z.unknown(), { error: 'expected a mapping of key path → value' });

const suiteSchema = strict({
  name: z.string().regex(ID, 'a name of letters, digits, ".", "_" and "-"').optional(),
  description: z.string().optional(),
  tolerance: z.number({ error: 'expected a number' }).refine((v) => Number.isFinite(v) && v >= 0 && v < 1, 'must be in [0, 1)').optional(),
  overrides: overridesSchema.optional(),
  scenarios: z
    .array(
      strict({
        scenario: z.string({ error: 'expected a path to a scenario file' }).min(1),
        id: z.string().regex(ID, 'a file name of letters, digits, ".", "_" and "-"').optional(),
        overrides: overridesSchema.optional(),
        attacker: z.string().min(1).optional(),
      }),
      { error: 'expected a list of scenarios' },
    )
    .min(1, 'a suite needs at least one scenario'),
});

/** True for a file that is a suite manifest (a top-level `scenarios:` list), not a scenario. */
export function isSuiteFile(file: string): boolean {
  return basename(file) === SUITE_FILE || /^scenarios\s*:/m.test(readInputText(file));
}

/**
 * Reads a suite — a directory (with or without suite.yaml) or a suite.yaml file — and resolves
 * every scenario with `extra` (command-line `--set`) applied last. Throws InputError listing
 * every problem.
 */
export function loadSuite(path: string, extra: readonly ScenarioOverride[] = []): RegressSuite {
  let dir: string;
  let file: string | null;
  if (existsSync(path) && statSync(path).isDirectory()) {
    dir = path;
    file = existsSync(join(path, SUITE_FILE)) ? join(path, SUITE_FILE) : null;
  } else if (existsSync(path)) {
    dir = dirname(path);
    file = path;
  } else {
    throw new InputError([`${path}: no such suite (give a directory with ${SUITE_FILE} or scenario files)`]);
  }
  return file === null ? plainSuite(dir, extra) : manifestSuite(dir, file, extra);
}

function plainSuite(dir: string, extra: readonly ScenarioOverride[]): RegressSuite {
  const files = readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  if (files.length === 0) throw new InputError([`${dir}: no ${SUITE_FILE} and no scenario files (*.yaml) in it`]);
  const problems: string[] = [];
  const entries: SuiteEntry[] = [];
  for (const f of files) {
    const entry = resolveEntry(f.replace(/\.ya?ml$/, ''), f, join(dir, f), [...extra], null, problems);
    if (entry !== null) entries.push(entry);
  }
  if (problems.length > 0) throw new InputError(problems);
  return { dir, file: null, name: basename(dir), description: '', tolerance: null, entries };
}

function manifestSuite(dir: string, file: string, extra: readonly ScenarioOverride[]): RegressSuite {
  const parsed = parseStructuredText(readInputText(file), file);
  const raw = validateWith(parsed, suiteSchema);
  const problems: string[] = [];
  const at = (path: readonly PropertyKey[], where: 'key' | 'value' = 'value'): string => `${file}:${positionOf(parsed, path, where)}: ${formatPath(path)}`;
  const suiteOverrides = overridesOf(parsed, ['overrides'], raw.overrides);
  const seen = new Map<string, number>();
  const entries: SuiteEntry[] = [];
  raw.scenarios.forEach((s, i) => {
    const id = s.id ?? basename(s.scenario).replace(/\.ya?ml$/, '');
    if (!ID.test(id)) {
      problems.push(`${at(['scenarios', i, 'scenario'])}: '${id}' cannot name a baseline file; give the entry an id`);
      return;
    }
    const first = seen.get(id);
    if (first !== undefined) {
      problems.push(`${at(['scenarios', i, s.id === undefined ? 'scenario' : 'id'])}: id '${id}' is already scenarios.${first}'s; give one of them another id`);
      return;
    }
    seen.set(id, i);
    const target = isAbsolute(s.scenario) ? s.scenario : join(dir, s.scenario);
    if (!existsSync(target) || !statSync(target).isFile()) {
      problems.push(`${at(['scenarios', i, 'scenario'])}: ${target}: no such scenario file`);
      return;
    }
    const overrides = [...suiteOverrides, ...overridesOf(parsed, ['scenarios', i, 'overrides'], s.overrides), ...extra];
    const entry = resolveEntry(id, s.scenario, target, overrides, s.attacker ?? null, problems);
    if (entry === null) return;
    const attackerProblem = checkAttacker(entry);
    if (attackerProblem !== null) problems.push(`${at(['scenarios', i, 'attacker'])}: ${attackerProblem}`);
    else entries.push(entry);
  });
  if (problems.length > 0) throw new InputError(problems);
  return { dir, file, name: raw.name ?? basename(dir), description: raw.description ?? '', tolerance: raw.tolerance ?? null, entries };
}

/** Each `key.path: value` of an overrides mapping, labelled with its position in the suite file. */
function overridesOf(parsed: ParsedFile, path: readonly PropertyKey[], map: Readonly<Record<string, unknown>> | undefined): ScenarioOverride[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({
    path: key,
    value,
    label: `${parsed.file}:${positionOf(parsed, [...path, key], 'key')}: ${formatPath([...path, key])}`,
  }));
}

function resolveEntry(id: string, ref: string, file: string, overrides: ScenarioOverride[], attacker: string | null, problems: string[]): SuiteEntry | null {
  let text: string;
  try {
    text = readInputText(file);
    if (/^experiment\s*:/m.test(text)) throw new InputError([`${file}: a research experiment is not a world scenario; a suite lists scenarios`]);
    const scenario = parseScenario(text, file, overrides);
    return { id, ref, file, text, overrides, attacker, scenario };
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    // A problem caused by an override or --set names no scenario file: say which entry it hit.
    for (const p of e.problems) problems.push(p.startsWith(file) ? p : `${p} (suite scenario ${id})`);
    return null;
  }
}

/**
 * `attacker: <group>` names a population group of one subnet (→ its emission share); anything
 * with a dot is taken as a totals metric key (regressMetrics.ts) and checked after the run.
 */
function checkAttacker(entry: SuiteEntry): string | null {
  const a = entry.attacker;
  if (a === null || a.includes('.')) return null;
  const homes = entry.scenario.subnets.filter((s) => s.population.some((g) => g.name === a));
  if (homes.length === 1) return null;
  const groups = [...new Set(entry.scenario.subnets.flatMap((s) => s.population.map((g) => g.name)))].sort();
  return homes.length === 0
    ? `'${a}' is not a population group of ${entry.ref} (groups: ${groups.join(', ')}); or give a metric such as sn1.${groups[0] ?? 'group'}.emission_share`
    : `group '${a}' exists on several subnets of ${entry.ref}; give the metric, e.g. sn${homes[0]!.netuid}.${a}.emission_share`;
}

/** The totals metric an entry's `attacker` stands for, or null. */
export function attackerMetric(entry: Pick<SuiteEntry, 'attacker' | 'scenario'>): string | null {
  const a = entry.attacker;
  if (a === null) return null;
  if (a.includes('.')) return a;
  const home = entry.scenario.subnets.find((s) => s.population.some((g) => g.name === a));
  return home === undefined ? null : `sn${home.netuid}.${a}.emission_share`;
}
