/**
 * Scenario file → resolved `Scenario`, or an `InputError` listing every problem as
 * `file:line:col: key.path: message` (DESIGN.md habit 12): YAML syntax errors and duplicate keys
 * (from readStructuredFile), schema problems with "did you mean" suggestions, then the cross-key
 * checks of resolveScenario, then the `control:` overrides, each checked by resolving the
 * control variant too. Problems come sorted by position in the file. Command-line overrides
 * (`yumalab run --set key.path=value`, `--seed`, `--numeric`) are applied to the file's data
 * before validation, with the same key-path checks as `control:`; problems they cause are
 * reported as `--set key.path: message`.
 */
import { dirname } from 'node:path';
import { isScalar, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { InputError, formatPath, parseStructuredText, positionOf, readInputText, type ParsedFile } from '../input/readStructuredFile.ts';
import { compareRatio, parseExactDecimal } from './exactDecimal.ts';
import { resolveScenario, type Problem } from './resolveScenario.ts';
import type { ControlOverride, Scenario } from './scenario.ts';
import type { ScenarioOverride } from './scenarioOverride.ts';
import { keyPathExists } from './scenarioKeyDocs.ts';
import { scenarioSchema } from './scenarioSchema.ts';
import { renamedKeyHint } from './schemaParts.ts';
import { didYouMean } from './suggestName.ts';

/** Reads and resolves a scenario file, with command-line overrides; user mistakes throw `InputError`. */
export function loadScenario(file: string, overrides: readonly ScenarioOverride[] = []): Scenario {
  const text = readInputText(file);
  return parseScenario(text, file, overrides);
}

/** Parses and resolves scenario text; `file` names it in messages and anchors relative paths. */
export function parseScenario(text: string, file: string, overrides: readonly ScenarioOverride[] = []): Scenario {
  const parsed = parseStructuredText(text, file);
  const data = exactData(parsed.doc);
  const setProblems = applyOverrides(data, overrides);
  if (setProblems.length > 0) throw new InputError(setProblems);
  const first = check(data, file);
  if (first.problems.length > 0) throw new InputError(formatProblems(parsed, first.problems, overrides));
  const scenario = first.scenario!;
  const control = (data as { control?: unknown }).control;
  if (control === undefined || control === null || typeof control !== 'object') return scenario;
  const { overrides: controlOverrides, problems } = checkControl(data as Record<string, unknown>, control as Record<string, unknown>, file);
  if (problems.length > 0) throw new InputError(formatProblems(parsed, problems, overrides));
  return { ...scenario, control: controlOverrides };
}

/** Schema then resolution of already-parsed data. */
function check(data: unknown, file: string): { scenario: Scenario | null; problems: Problem[] } {
  const result = scenarioSchema.safeParse(data);
  if (!result.success) return { scenario: null, problems: result.error.issues.flatMap((i) => issueProblems(i, data)) };
  return resolveScenario(result.data, { file, baseDir: dirname(file) });
}

/**
 * The document as plain data, except that a number whose YAML text has more digits than a
 * float64 keeps (`21000000.123456789`) is passed on as its text, so amounts stay exact.
 */
function exactData(doc: Document): unknown {
  const copy = doc.clone();
  visit(copy, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'number' || typeof node.source !== 'string') return;
      const written = parseExactDecimal(node.source);
      const held = parseExactDecimal(node.value);
      if (written !== null && held !== null && compareRatio(written, held) !== 0) node.value = node.source;
    },
  });
  return copy.toJS({ maxAliasCount: 100 });
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let v = data;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

/** One zod issue → problem lines (one per unknown key), with suggestions for misspelt values. */
function issueProblems(issue: z.core.$ZodIssue, data: unknown): Problem[] {
  const path = [...issue.path];
  if (issue.code === 'unrecognized_keys') {
    const lines = issue.message.split('\n');
    return issue.keys.map((k, i) => ({ path: [...path, k], message: lines[i] ?? `unknown key '${k}'`, at: 'key' as const }));
  }
  const value = valueAt(data, path);
  if (issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator') {
    if (value === undefined) return [{ path, message: 'required key is missing' }];
    const options = ((issue as { options?: unknown[] }).options ?? []).map(String);
    const what = path.at(-1) === 'type' ? 'event type' : String(path.at(-1));
    const hint = didYouMean(String(value), options);
    return [{ path, message: `unknown ${what} '${String(value)}'${hint === '' ? ` (expected one of: ${options.join(', ')})` : hint}` }];
  }
  if (issue.code === 'invalid_value' && typeof value === 'string') {
    const options = issue.values.map(String);
    const hint = didYouMean(value, options);
    return [{ path, message: `unknown value '${value}'${hint === '' ? ` (expected one of: ${options.join(', ')})` : hint}` }];
  }
  if (issue.code === 'invalid_type' && value === undefined) return [{ path, message: 'required key is missing' }];
  return [{ path, message: issue.message }];
}

/** The message for an override path the schema does not have, with the new name of a renamed key. */
function notAKeyPath(path: string): string {
  const hint = renamedKeyHint(path.split('.').at(-1)!);
  return `'${path}' is not a scenario key path${hint === '' ? ' (e.g. subnets.0.hyperparameters.kappa)' : hint}`;
}

/** Validates every override's path against the schema, then resolves the control variant. */
function checkControl(data: Record<string, unknown>, control: Record<string, unknown>, file: string): { overrides: Scenario['control']; problems: Problem[] } {
  const problems: Problem[] = [];
  const overrides: ControlOverride[] = [];
  const variant = structuredClone(data);
  delete variant.control;
  for (const [path, value] of Object.entries(control)) {
    const segments = path.split('.');
    if (segments[0] === 'control' || !keyPathExists(segments)) {
      problems.push({ path: ['control', path], message: notAKeyPath(path), at: 'key' });
      continue;
    }
    const missing = setAt(variant, segments, value);
    if (missing !== null) {
      problems.push({ path: ['control', path], message: `${missing} does not exist in this scenario`, at: 'key' });
      continue;
    }
    overrides.push({ path, value });
  }
  if (problems.length > 0) return { overrides: null, problems };
  const result = check(variant, file);
  if (result.problems.length > 0) {
    // Point at the override responsible when there is one, else at `control`.
    for (const p of result.problems) {
      const text = formatPath(p.path);
      const owner = overrides.find((o) => text === o.path || text.startsWith(`${o.path}.`) || o.path.startsWith(`${text}.`));
      problems.push({ path: owner === undefined ? ['control'] : ['control', owner.path], message: `in the control run: ${text}: ${p.message}` });
    }
    return { overrides: null, problems };
  }
  return { overrides: { overrides, scenario: result.scenario! }, problems };
}

/**
 * Applies command-line overrides to the parsed data in order (a later one wins), checking each
 * path like a `control:` key; returns one `--set key.path: message` line per bad path.
 */
function applyOverrides(data: unknown, overrides: readonly ScenarioOverride[]): string[] {
  if (overrides.length === 0 || data === null || typeof data !== 'object' || Array.isArray(data)) return [];
  const problems: string[] = [];
  for (const o of overrides) {
    const segments = o.path.split('.');
    if (segments[0] === 'control' || !keyPathExists(segments)) {
      problems.push(`${o.label}: ${notAKeyPath(o.path)}`);
      continue;
    }
    const missing = setAt(data as Record<string, unknown>, segments, o.value);
    if (missing !== null) problems.push(`${o.label}: ${missing} does not exist in this scenario`);
  }
  return problems;
}

/** Sets `value` at a dotted path, creating mappings on the way; returns the first missing list item, or null. */
function setAt(root: Record<string, unknown>, segments: readonly string[], value: unknown): string | null {
  let node: Record<string, unknown> = root;
  for (let i = 0; i < segments.length - 1; i++) {
    const key = segments[i]!;
    let next = node[key];
    if (next === undefined || next === null) {
      if (/^\d+$/.test(key) || /^\d+$/.test(segments[i + 1]!)) return segments.slice(0, i + 2).join('.');
      next = {};
      node[key] = next;
    }
    if (typeof next !== 'object') return segments.slice(0, i + 1).join('.');
    if (Array.isArray(next) && Number(segments[i + 1]) >= next.length) return segments.slice(0, i + 2).join('.');
    node = next as Record<string, unknown>;
  }
  node[segments.at(-1)!] = value;
  return null;
}

/**
 * `file:line:col: key.path: message`, ordered by position in the file (ties keep check order);
 * a problem at (or inside, or around) a key a command-line override set is reported against the
 * override instead, since the file's text is not what was checked there.
 */
function formatProblems(parsed: ParsedFile, problems: readonly Problem[], overrides: readonly ScenarioOverride[] = []): string[] {
  const located = problems.map((p, i) => {
    const text = formatPath(p.path);
    const owner = overrides.findLast((o) => text === o.path || text.startsWith(`${o.path}.`) || o.path.startsWith(`${text}.`));
    if (owner !== undefined) return { i, line: 0, col: 0, text: `${owner.label}: ${text === owner.path ? '' : `${text}: `}${p.message}` };
    const pos = positionOf(parsed, p.path, p.at ?? 'value');
    const [line, col] = pos.split(':').map(Number) as [number, number];
    return { i, line, col, text: `${parsed.file}:${pos}: ${formatPath(p.path)}: ${p.message}` };
  });
  located.sort((a, b) => a.line - b.line || a.col - b.col || a.i - b.i);
  return [...new Set(located.map((l) => l.text))];
}
