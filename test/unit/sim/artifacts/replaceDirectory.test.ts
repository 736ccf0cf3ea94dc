import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceDirectory } from '../../../../src/sim/artifacts/replaceDirectory.ts';

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-replace-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

function oldRun(name: string): string {
  const dir = join(root, name);
  mkdirSync(dir);
  writeFileSync(join(dir, 'metrics.csv'), 'old\n');
  writeFileSync(join(dir, 'stale.txt'), 'old\n');
  return dir;
}

describe('replaceDirectory', () => {
  it('writes into a hidden sibling and swaps it in, dropping the old contents', () => {
    const dir = oldRun('a');
    const result = replaceDirectory(dir, 'T', (temp) => {
      expect(temp).toBe(join(root, '.a.T.tmp'));
      // The old run is untouched while the new one is written.
      expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe('old\n');
      writeFileSync(join(temp, 'metrics.csv'), 'new\n');
      return 42;
    });
    expect(result).toBe(42);
    expect(readdirSync(dir)).toEqual(['metrics.csv']);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe('new\n');
    expect(readdirSync(root).filter((n) => n.startsWith('.a.'))).toEqual([]);
  });

  it('leaves the old directory as it was and no sibling behind when the write fails', () => {
    const dir = oldRun('b');
    expect(() =>
      replaceDirectory(dir, 'T', (temp) => {
        writeFileSync(join(temp, 'metrics.csv'), 'half\n');
        throw new Error('interrupted');
      }),
    ).toThrow('interrupted');
    expect(readdirSync(dir).sort()).toEqual(['metrics.csv', 'stale.txt']);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe('old\n');
    expect(readdirSync(root).filter((n) => n.startsWith('.b.'))).toEqual([]);
  });

  it('creates the directory when there was none', () => {
    const dir = join(root, 'fresh', 'c');
    replaceDirectory(dir, 'T', (temp) => writeFileSync(join(temp, 'x'), 'y'));
    expect(readdirSync(dir)).toEqual(['x']);
  });
});
