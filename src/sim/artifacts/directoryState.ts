/** What is at a run's output path, so the CLI can refuse to overwrite results (`--force`). */
import { readdirSync, statSync } from 'node:fs';

export type DirectoryState = 'missing' | 'empty' | 'non-empty' | 'not-a-directory';

export function directoryState(dir: string): DirectoryState {
  let isDir: boolean;
  try {
    isDir = statSync(dir).isDirectory();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw e;
  }
  if (!isDir) return 'not-a-directory';
  return readdirSync(dir).length === 0 ? 'empty' : 'non-empty';
}
