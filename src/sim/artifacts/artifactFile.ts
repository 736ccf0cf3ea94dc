/**
 * One artifact being written: text goes to a temporary file next to its final name, buffered,
 * while its sha256 and byte size are computed on the way (so the manifest never re-reads a
 * file). `commit()` closes and renames it into place; `discard()` closes and deletes it. Writes
 * are synchronous on purpose: the run loop is synchronous and the row order is the file order.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Flush threshold: large enough that writes are few, small enough to bound memory. */
const BUFFER_CHARS = 1 << 16;

export interface ArtifactFileInfo {
  /** File name inside the run directory. */
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

/** `.<name>.<tag>.tmp` — hidden, and named so a leftover is recognisable as ours. */
export function tempNameOf(name: string, tag: string): string {
  return `.${name}.${tag}.tmp`;
}

export class ArtifactFile {
  readonly tempPath: string;
  readonly finalPath: string;
  private fd: number | null;
  private readonly hash: Hash = createHash('sha256');
  private bytes = 0;
  private pending: string[] = [];
  private pendingChars = 0;

  /** Creates the temporary file; fails if it exists (two writers never share a name). */
  constructor(
    readonly dir: string,
    readonly name: string,
    tag: string,
  ) {
    this.tempPath = join(dir, tempNameOf(name, tag));
    this.finalPath = join(dir, name);
    this.fd = openSync(this.tempPath, 'wx');
  }

  write(text: string): void {
    if (this.fd === null) throw new Error(`${this.name}: write after close`);
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BUFFER_CHARS) this.flush();
  }

  /** Closes the temporary file and returns its digest; the file keeps its temporary name. */
  close(): ArtifactFileInfo {
    this.flush();
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
    return { name: this.name, sha256: this.hash.digest('hex'), bytes: this.bytes };
  }

  /** Moves the closed file to its final name (an atomic rename within one directory). */
  commit(): void {
    if (this.fd !== null) throw new Error(`${this.name}: commit before close`);
    renameSync(this.tempPath, this.finalPath);
  }

  /** Closes (if open) and removes the temporary file; safe to call more than once. */
  discard(): void {
    if (this.fd !== null) {
      try {
        closeSync(this.fd);
      } finally {
        this.fd = null;
      }
    }
    rmSync(this.tempPath, { force: true });
  }

  /** Removes the file under its final name (undoing a commit when a later one failed). */
  discardFinal(): void {
    rmSync(this.finalPath, { force: true });
  }

  private flush(): void {
    if (this.pending.length === 0 || this.fd === null) return;
    const chunk = Buffer.from(this.pending.join(''), 'utf8');
    this.pending = [];
    this.pendingChars = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    let written = 0;
    while (written < chunk.length) written += writeSync(this.fd, chunk, written, chunk.length - written);
  }
}
