/**
 * A suite's baseline directory (`<suite>/baseline/`, or `--baseline DIR`): one `<id>.json` per
 * scenario (regressBaseline.ts). Reading takes every `*.json` in it; writing (`--update`)
 * replaces the directory as a whole — written as a hidden sibling and renamed into place
 * (replaceDirectory.ts) — so a baseline is never half old, half new. Files that are not
 * `*.json` (a README, say) are carried over; baselines of scenarios the suite no longer lists
 * are dropped.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { replaceDirectory } from '../artifacts/replaceDirectory.ts';
import { InputError } from '../input/readStructuredFile.ts';
import { baselineFileName, baselineJson, parseBaseline, type BaselineRecord } from './regressBaseline.ts';

export interface StoredBaseline {
  readonly record: BaselineRecord;
  /** The file's text as read (to tell an unchanged file from a rewritten one). */
  readonly text: string;
}

/** Every baseline in `dir` by id; a missing directory is an empty baseline. */
export function readBaselines(dir: string): Map<string, StoredBaseline> {
  const out = new Map<string, StoredBaseline>();
  if (!existsSync(dir)) return out;
  if (!statSync(dir).isDirectory()) throw new InputError([`${dir}: the baseline must be a directory`]);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const file = join(dir, name);
    const text = readFileSync(file, 'utf8');
    const record = parseBaseline(text, file);
    const id = name.slice(0, -'.json'.length);
    if (record.id !== id) throw new InputError([`${file}: holds the baseline of '${record.id}', not of '${id}'; rename it or rewrite the baseline with --update`]);
    out.set(id, { record, text });
  }
  return out;
}

/** Replaces `dir` with exactly these baselines (plus its non-JSON files), all or nothing. */
export function writeBaselines(dir: string, records: readonly BaselineRecord[], tag: string): void {
  const keep = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.json')).map((e) => e.name) : [];
  replaceDirectory(dir, tag, (temp) => {
    for (const name of keep) copyFileSync(join(dir, name), join(temp, name));
    for (const r of records) writeFileSync(join(temp, baselineFileName(r.id)), baselineJson(r));
  });
}
