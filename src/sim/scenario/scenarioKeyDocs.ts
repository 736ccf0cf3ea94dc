/**
 * Every key path of the scenario schema with its documentation, read from the schema itself
 * (`documented` metadata). scenarios/README.md's tables are rendered from this, a test checks
 * that README and schema list the same paths, and `control:` overrides are checked against it.
 *
 * Path syntax: `subnets[].hyperparameters.kappa` (`[]` = any list index), `chain.balances.<key>`
 * (any mapping key), and `miner.honest:params.quality` for agent-kind parameters.
 */
import { z } from 'zod';
import { AGENT_KINDS, agentKindNames } from './agentKinds.ts';
import { scenarioSchema } from './scenarioSchema.ts';
import { keyDocOf, type KeyDoc } from './schemaParts.ts';

export interface KeyRow {
  readonly path: string;
  /** Undefined when the key has no documentation (the README test reports it). */
  readonly doc: KeyDoc | undefined;
  readonly required: boolean;
  /** The value is a free-form mapping or any value: deeper paths are not listed. */
  readonly open: boolean;
}

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType; options?: z.ZodType[]; valueType?: z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);

function unwrap(s: z.ZodType): z.ZodType {
  for (;;) {
    const d = defOf(s);
    if (WRAPPERS.has(d.type) && d.innerType !== undefined) s = d.innerType;
    else if (d.type === 'pipe' && d.in !== undefined) s = d.in;
    else return s;
  }
}

function isOpen(s: z.ZodType): boolean {
  const d = defOf(unwrap(s));
  return d.type === 'unknown' || d.type === 'any' || (d.type === 'record' && keyDocOf(d.valueType!) === undefined);
}

function walk(s: z.ZodType, prefix: string, rows: Map<string, KeyRow>): void {
  const d = defOf(unwrap(s));
  if (d.type === 'object') {
    for (const [key, field] of Object.entries(d.shape!)) {
      const path = prefix === '' ? key : `${prefix}.${key}`;
      const prev = rows.get(path);
      const doc = keyDocOf(field);
      const row: KeyRow = { path, doc: doc !== undefined && doc.doc !== '' ? doc : prev?.doc ?? doc, required: defOf(field).type !== 'optional', open: isOpen(field) };
      // Union options repeat shared keys (events' `at`, `netuid`): the first documented one wins.
      if (prev === undefined || (prev.doc?.doc ?? '') === '') rows.set(path, row);
      walk(field, path, rows);
    }
  } else if (d.type === 'array') walk(d.element!, `${prefix}[]`, rows);
  else if (d.type === 'union') for (const o of d.options!) walk(o, prefix, rows);
  else if (d.type === 'record' && keyDocOf(d.valueType!) !== undefined) {
    const path = `${prefix}.<key>`;
    rows.set(path, { path, doc: keyDocOf(d.valueType!), required: false, open: false });
    walk(d.valueType!, path, rows);
  }
}

/** Every key path of the scenario schema, in schema order. */
export function scenarioKeyRows(): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  walk(scenarioSchema, '', rows);
  return [...rows.values()];
}

/** Every parameter of every agent kind, as `kind:params.key`. */
export function agentKindKeyRows(): KeyRow[] {
  const rows = new Map<string, KeyRow>();
  for (const kind of agentKindNames()) walk(AGENT_KINDS[kind]!.params, `${kind}:params`, rows);
  return [...rows.values()];
}

/** Whether a dotted path as written (`subnets.0.hyperparameters.kappa`) names a schema key. */
export function keyPathExists(segments: readonly string[], rows: readonly KeyRow[] = scenarioKeyRows()): boolean {
  for (const row of rows) {
    const pattern = row.path.replace(/\[\]/g, '.[]').split('.');
    if (pattern.length > segments.length || (pattern.length < segments.length && !row.open)) continue;
    if (pattern.every((p, i) => p === segments[i] || (p === '[]' && /^\d+$/.test(segments[i]!)) || p === '<key>')) return true;
  }
  return false;
}

const cell = (s: string): string => s.replace(/\|/g, '\\|');

/** Markdown tables (one per top-level key, then one per agent kind) for scenarios/README.md. */
export function renderKeyTables(): string {
  const out: string[] = [];
  const header = ['| Key | Type | Unit | Default | Meaning |', '|---|---|---|---|---|'];
  const line = (r: KeyRow): string =>
    `| \`${r.path}\` | ${cell(r.doc?.type ?? '')} | ${cell(r.doc?.unit ?? '')} | ${cell(r.doc?.default ?? (r.required ? 'required' : '—'))} | ${cell(r.doc?.doc ?? '')} |`;
  const rows = scenarioKeyRows();
  const tops = rows.filter((r) => !r.path.includes('.') && !r.path.includes('['));
  for (const top of tops) {
    out.push(`### \`${top.path}\``, '', ...header);
    for (const r of rows) if (r.path === top.path || r.path.startsWith(`${top.path}.`) || r.path.startsWith(`${top.path}[]`)) out.push(line(r));
    out.push('');
  }
  for (const kind of agentKindNames()) {
    out.push(`### Agent kind \`${kind}\``, '', AGENT_KINDS[kind]!.doc, '', ...header);
    for (const r of agentKindKeyRows()) if (r.path.startsWith(`${kind}:`)) out.push(line(r));
    out.push('');
  }
  return out.join('\n');
}
