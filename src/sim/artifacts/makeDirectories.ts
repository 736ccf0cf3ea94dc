/**
 * `mkdir -p` that can be undone: a failed run removes the directories it created (if they are
 * still empty), so an interrupted first run of a scenario leaves no empty `runs/<name>/<seed>`.
 */
import { mkdirSync, rmdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Creates `dir` and missing parents; returns an undo that removes the created ones while empty. */
export function makeDirectories(dir: string): () => void {
  const first = mkdirSync(dir, { recursive: true });
  if (first === undefined) return () => {};
  const top = resolve(first);
  return () => {
    for (let d = resolve(dir); ; d = dirname(d)) {
      try {
        rmdirSync(d);
      } catch {
        return; // not empty (someone else wrote there) or already gone: stop climbing
      }
      if (d === top || dirname(d) === d) return;
    }
  };
}
