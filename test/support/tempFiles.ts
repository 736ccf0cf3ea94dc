/** Temporary input files for tests, and the problems an InputError carries. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { InputError } from '../../src/sim/input/readStructuredFile.ts';

/** A temp directory for the current test file; `write` puts a new file in it and returns its path. */
export function useTempFiles(prefix: string): { write: (text: string, ext?: string) => string; dir: () => string } {
  let dir = '';
  let counter = 0;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `yumalab-${prefix}-`));
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    dir: () => dir,
    write(text: string, ext = 'json'): string {
      const file = join(dir, `${prefix}-${counter++}.${ext}`);
      writeFileSync(file, text);
      return file;
    },
  };
}

/** The problems of the InputError `fn` throws (fails the test if it throws anything else). */
export function problemsOf(fn: () => unknown): readonly string[] {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    return (e as InputError).problems;
  }
  throw new Error('expected an InputError');
}
