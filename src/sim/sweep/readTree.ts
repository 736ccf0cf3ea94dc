/**
 * Every file under a directory, as (relative `/`-separated name, bytes), sorted by name: how a
 * finished run directory travels from a worker to the coordinator.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepTaskFile } from './sweepTask.ts';

export function readTree(dir: string): SweepTaskFile[] {
  const files: SweepTaskFile[] = [];
  const walk = (rel: string): void => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const name = rel === '' ? entry.name : `${rel}/${entry.name}`;
      if (entry.isDirectory()) walk(name);
      else if (entry.isFile()) files.push({ name, data: new Uint8Array(readFileSync(join(dir, name))) });
    }
  };
  walk('');
  return files.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
