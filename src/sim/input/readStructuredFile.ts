/**
 * Reads a user's YAML or JSON input file and validates it with a zod schema, reporting every
 * problem as `file:line:col: key.path: message` (DESIGN.md habit 12). JSON is parsed with the
 * YAML parser (YAML is a superset of JSON) so both formats get line and column positions.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument, isMap, isSeq, type Document, type Node } from 'yaml';
import type { z } from 'zod';

/** A problem the user can fix; the CLI prints each line and exits with code 2. */
export class InputError extends Error {
  override readonly name = 'InputError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

export interface ParsedFile {
  readonly file: string;
  readonly doc: Document;
  readonly lines: LineCounter;
}

/**
 * Position of the node at `path` (or of its nearest existing ancestor), as `line:col`; with
 * `at: 'key'` the position of the last key itself rather than of its value.
 */
export function positionOf(parsed: ParsedFile, path: readonly PropertyKey[], at: 'value' | 'key' = 'value'): string {
  let node: unknown = parsed.doc.contents;
  let best: Node | null = (node as Node | null) ?? null;
  let keyNode: Node | null = null;
  let resolved = 0;
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => {
        const k = p.key as { value?: unknown } | null;
        return k !== null && String(k?.value) === String(key);
      });
      if (pair === undefined) break;
      keyNode = pair.key as Node;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(key)];
      if (item === undefined) break;
      keyNode = null;
      node = item;
    } else break;
    resolved++;
    if (node !== null && typeof node === 'object' && 'range' in (node as object)) best = node as Node;
    else if (keyNode !== null) best = keyNode;
  }
  if (at === 'key' && resolved === path.length && keyNode !== null) best = keyNode;
  const offset = best?.range?.[0] ?? 0;
  const p = parsed.lines.linePos(offset);
  return `${p.line}:${p.col}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(root)' : path.map(String).join('.');
}

/** Reads a user's text file; a missing or unreadable file becomes a one-line InputError. */
export function readInputText(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError([`${file}: cannot read file${code === 'ENOENT' ? ': no such file' : `: ${(e as Error).message}`}`]);
  }
}

/** Reads and parses a YAML/JSON file; syntax errors and duplicate keys become an InputError. */
export function parseStructuredFile(file: string): ParsedFile {
  return parseStructuredText(readInputText(file), file);
}

/** Parses YAML/JSON text that came from `file` (named in every problem line); same errors as above. */
export function parseStructuredText(text: string, file: string): ParsedFile {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    throw new InputError(
      doc.errors.map((err) => {
        const p = lines.linePos(err.pos[0]);
        const message = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return `${file}:${p.line}:${p.col}: ${message}`;
      }),
    );
  }
  return { file, doc, lines };
}

/** Validates parsed content against a schema; every issue is reported with its position. */
export function validateWith<T>(parsed: ParsedFile, schema: z.ZodType<T>): T {
  const data: unknown = parsed.doc.toJS({ maxAliasCount: 100 });
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => {
    let path: PropertyKey[] = [...issue.path];
    let message = issue.message;
    let at: 'value' | 'key' = 'value';
    if (issue.code === 'invalid_type' && /received undefined$/.test(message)) {
      message = 'required key is missing';
    } else if (issue.code === 'unrecognized_keys') {
      at = 'key';
      // Point at the unknown key itself.
      const keys = (issue as { keys: string[] }).keys;
      path = [...path, keys[0]!];
      message = `unknown key${keys.length > 1 ? 's' : ''} ${keys.map((k) => `'${k}'`).join(', ')}`;
    }
    return `${parsed.file}:${positionOf(parsed, path, at)}: ${formatPath(path)}: ${message}`;
  });
  throw new InputError(problems);
}
