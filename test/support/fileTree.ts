/** Every file under a directory with its bytes, relative `/` paths in sorted order (byte-for-byte comparisons of outputs). */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** `skip`: names directly under `dir` to leave out (e.g. `sweep.json`, `report`). */
export function fileTree(dir: string, skip: readonly string[] = []): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (d: string, prefix: string): void => {
    for (const name of readdirSync(d).sort()) {
      if (prefix === '' && skip.includes(name)) continue;
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p, `${prefix}${name}/`);
      else out.set(`${prefix}${name}`, readFileSync(p));
    }
  };
  walk(dir, '');
  return out;
}
