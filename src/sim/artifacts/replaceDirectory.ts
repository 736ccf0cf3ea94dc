/**
 * `--force`: a new run replaces an existing run directory only once it is complete. It is
 * written into a hidden sibling directory; at the end the old directory is moved aside, the new
 * one renamed into its place, and the old one deleted. If the run fails, the sibling is deleted
 * and the old directory is untouched.
 */
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { makeDirectories } from './makeDirectories.ts';

/** Calls `write(tempDir)`, then swaps `tempDir` into `dir`; returns what `write` returned. */
export function replaceDirectory<T>(dir: string, tag: string, write: (tempDir: string) => T): T {
  const parent = dirname(dir);
  const undoParents = makeDirectories(parent);
  const temp = join(parent, `.${basename(dir)}.${tag}.tmp`);
  const old = join(parent, `.${basename(dir)}.${tag}.old`);
  let result: T;
  try {
    mkdirSync(temp);
    result = write(temp);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    undoParents();
    throw e;
  }
  let movedAside = false;
  try {
    try {
      renameSync(dir, old);
      movedAside = true;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
    renameSync(temp, dir);
  } catch (e) {
    if (movedAside) renameSync(old, dir);
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  if (movedAside) rmSync(old, { recursive: true, force: true });
  return result;
}
