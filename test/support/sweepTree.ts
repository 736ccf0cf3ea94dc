/** Every file under a sweep directory (report and sweep.json aside) with its sha256, for byte-for-byte comparisons. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function sweepTree(dir: string, skip: readonly string[] = ['sweep.json', 'report']): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string): void => {
    for (const e of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const name = rel === '' ? e.name : `${rel}/${e.name}`;
      if (rel === '' && skip.includes(e.name)) continue;
      if (e.isDirectory()) walk(name);
      else out.set(name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex'));
    }
  };
  walk('');
  return new Map([...out].sort(([a], [b]) => (a < b ? -1 : 1)));
}
