/**
 * Finds and reads conformance case files: a file, or every `*.json` below a directory
 * (recursively), in sorted path order so runs are reproducible.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface LoadedCase {
  readonly file: string;
  /** The parsed JSON, or undefined when the file could not be read or parsed. */
  readonly json?: unknown;
  readonly error?: string;
}

export class CasePathError extends Error {
  override readonly name = 'CasePathError';
}

function collect(path: string, out: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new CasePathError(`${path}: no such file or directory`);
  }
  if (st.isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      const child = join(path, name);
      if (statSync(child).isDirectory()) collect(child, out);
      else if (name.endsWith('.json')) out.push(child);
    }
  } else {
    out.push(path);
  }
}

export function listCaseFiles(paths: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of paths) collect(p, out);
  return out;
}

/** Line and column of a character offset (1-based), for JSON syntax errors. */
function lineCol(text: string, offset: number): string {
  let line = 1;
  let col = 1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      col = 1;
    } else col++;
  }
  return `${line}:${col}`;
}

export function readCaseFile(file: string): LoadedCase {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return { file, error: `cannot read: ${(e as Error).message}` };
  }
  try {
    return { file, json: JSON.parse(text) };
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    // "Unexpected end of JSON input" carries no position: the problem is at the end of the file.
    const offset = pos ? Number(pos[1]) : /end of JSON input/.test(msg) ? text.length : null;
    const where = offset === null ? file : `${file}:${lineCol(text, offset)}`;
    return { file, error: `${where}: invalid JSON: ${msg.replace(/ in JSON at position \d+.*$/, '')}` };
  }
}
