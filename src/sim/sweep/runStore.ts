/**
 * The run directories of a sweep, `DIR/runs/<key16>/`, content-addressed by runKey.ts. A run is
 * filed by writing its files into a hidden temporary directory and renaming that into place, so
 * a directory under its key is always complete — whatever killed the coordinator, even
 * `kill -9`. Leftover temporary directories are removed when the store is opened again.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { runDirName } from './runKey.ts';
import type { SweepTaskFile } from './sweepTask.ts';

export const RUNS_DIR = 'runs';
const TEMP_PREFIX = '.tmp-';

export class RunStore {
  readonly dir: string;

  constructor(sweepDir: string) {
    this.dir = join(sweepDir, RUNS_DIR);
    mkdirSync(this.dir, { recursive: true });
    for (const name of readdirSync(this.dir)) if (name.startsWith(TEMP_PREFIX)) rmSync(join(this.dir, name), { recursive: true, force: true });
  }

  /** The run's directory relative to the sweep directory (`runs/<key16>`). */
  relativeDir(key: string): string {
    return `${RUNS_DIR}/${runDirName(key)}`;
  }

  /** Complete = present under its key with its manifest (the last file a run writes). */
  has(key: string): boolean {
    return existsSync(join(this.dir, runDirName(key), 'manifest.json'));
  }

  put(key: string, files: readonly SweepTaskFile[]): void {
    if (this.has(key)) return;
    const temp = join(this.dir, `${TEMP_PREFIX}${runDirName(key)}-${process.pid}`);
    rmSync(temp, { recursive: true, force: true });
    try {
      RunStore.writeFiles(temp, files);
      // A directory under the key without a manifest was not written by us: replace it.
      rmSync(join(this.dir, runDirName(key)), { recursive: true, force: true });
      renameSync(temp, join(this.dir, runDirName(key)));
    } catch (e) {
      rmSync(temp, { recursive: true, force: true });
      throw e;
    }
  }

  /** Writes a run's files under `dir` (created), refusing names that would leave it. */
  static writeFiles(dir: string, files: readonly SweepTaskFile[]): void {
    mkdirSync(dir, { recursive: true });
    for (const f of files) {
      if (f.name.split('/').some((s) => s === '' || s === '.' || s === '..')) throw new Error(`refusing run file name '${f.name}'`);
      const path = join(dir, ...f.name.split('/'));
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, f.data);
    }
  }

  /** The text of some files of a complete run. */
  read(key: string, names: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    for (const name of names) {
      const path = join(this.dir, runDirName(key), ...name.split('/'));
      if (existsSync(path)) out.set(name, readFileSync(path, 'utf8'));
    }
    return out;
  }
}
