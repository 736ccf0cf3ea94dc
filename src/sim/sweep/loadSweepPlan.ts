/**
 * A sweep file → the plan: which subject (scenario or experiment), its base name and seed, the
 * checked sweep definition and every run in order with its seed. Mistakes are found before
 * anything runs and reported like every other input problem, `file:line:col: key.path: message`:
 * the file itself (with the command-line overrides), the sweep section, and every axis value on
 * its own — each is applied to the base configuration and checked, so `kappa: [0.4, 7]` is
 * reported at the `7`. A combination of individually valid values that is still invalid
 * surfaces when that run is resolved, as a failed run with its message.
 */
import { canonicalJson } from '../artifacts/canonicalJson.ts';
import { formatPath, InputError, parseStructuredText, positionOf, readInputText, type ParsedFile } from '../input/readStructuredFile.ts';
import type { Problem } from '../scenario/resolveScenario.ts';
import type { ScenarioOverride } from '../scenario/scenarioOverride.ts';
import { expandSweep, type SweepPoint } from './expandSweep.ts';
import { readSweepDefinition, type SweepDefinition } from './sweepDefinition.ts';
import type { SweepSubject } from './sweepSubject.ts';

export interface SweepPlan {
  readonly subject: SweepSubject;
  readonly file: string;
  readonly text: string;
  readonly name: string;
  /** The base seed every run's seed derives from. */
  readonly seed: number;
  /** `--set` overrides applied to every run (not part of any run's coordinates). */
  readonly overrides: readonly { readonly path: string; readonly value: unknown }[];
  readonly definition: SweepDefinition;
  /** The subject's resolved base parameters (experiments), or null. */
  readonly baseParameters: Readonly<Record<string, unknown>> | null;
  readonly points: readonly SweepPoint[];
}

/** Command-line narrowing of a sweep: `--only path=value` (repeatable) and `--replicates N`. */
export interface SweepSelection {
  /** Keep the runs whose coordinate at `path` is one of the values given for it (values of one path are alternatives). */
  readonly only?: readonly { readonly path: string; readonly value: unknown }[];
  readonly replicates?: number;
}

/** `subjectFor` picks the subject from the parsed file (e.g. by a top-level `experiment:` key). */
export function loadSweepPlan(file: string, overrides: readonly ScenarioOverride[], subjectFor: (data: unknown) => SweepSubject, selection: SweepSelection = {}): SweepPlan {
  const text = readInputText(file);
  const parsed = parseStructuredText(text, file);
  const subject = subjectFor(parsed.doc.toJS({ maxAliasCount: 100 }));
  const base = subject.loadBase(file, text, overrides);
  if (base.sweep === undefined) throw new InputError([`${file}: no 'sweep:' section to run (add one, or use 'yumalab run' for a single run)`]);
  const read = readSweepDefinition(base.sweep, (p) => subject.pathOk(p), subject.examplePath);
  if (read.definition === null) throw new InputError(located(parsed, read.problems));
  const definition = selection.replicates === undefined ? read.definition : { ...read.definition, replicates: selection.replicates };
  const only = selection.only ?? [];
  for (const o of only) {
    const axis = definition.axes.find((a) => a.path === o.path);
    if (axis === undefined) throw new InputError([`--only ${o.path}: not an axis of this sweep (axes: ${definition.axes.map((a) => a.path).join(', ') || 'none'})`]);
    if (!axis.values.some((v) => canonicalJson(v) === canonicalJson(o.value))) throw new InputError([`--only ${o.path}=${canonicalJson(o.value)}: not a value of that axis (values: ${axis.values.map((v) => canonicalJson(v)).join(', ')})`]);
  }
  const valueProblems: string[] = [];
  for (const axis of definition.axes) {
    axis.values.forEach((value, i) => {
      const where = ['sweep', axis.kind, axis.path, i];
      try {
        subject.resolveRun(file, text, [...overrides, { path: axis.path, value, label: `${file}:${positionOf(parsed, where)}: ${formatPath(where)}` }], false);
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
        valueProblems.push(...e.problems);
      }
    });
  }
  if (valueProblems.length > 0) throw new InputError([...new Set(valueProblems)]);
  return {
    subject,
    file,
    text,
    name: base.name,
    seed: base.seed,
    overrides: overrides.filter((o) => o.path !== 'seed').map((o) => ({ path: o.path, value: o.value })),
    definition,
    baseParameters: base.baseParameters,
    points: expandSweep(definition, base.seed).filter((p) => selected(p, only)),
  };
}

/** Every `--only` path is satisfied by one of its values (runs keep their index in the full sweep). */
function selected(point: SweepPoint, only: NonNullable<SweepSelection['only']>): boolean {
  const paths = new Set(only.map((o) => o.path));
  return [...paths].every((path) => {
    const value = canonicalJson(point.coordinates.find((c) => c.path === path)?.value ?? null);
    return only.some((o) => o.path === path && canonicalJson(o.value) === value);
  });
}

function located(parsed: ParsedFile, problems: readonly Problem[]): string[] {
  return problems.map((p) => `${parsed.file}:${positionOf(parsed, p.path, p.at ?? 'value')}: ${formatPath(p.path)}: ${p.message}`);
}
