import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CasePathError, listCaseFiles, readCaseFile } from '../../../../src/sim/conformance/loadCases.ts';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yumalab-loadcases-'));
  mkdirSync(join(dir, 'b', 'deeper'), { recursive: true });
  mkdirSync(join(dir, 'a'));
  writeFileSync(join(dir, 'z.json'), '{"id": "z"}');
  writeFileSync(join(dir, 'b', 'y.json'), '{"id": "y"}');
  writeFileSync(join(dir, 'b', 'deeper', 'x.json'), '{"id": "x"}');
  writeFileSync(join(dir, 'b', 'notes.txt'), 'not a case');
  writeFileSync(join(dir, 'a', 'w.json'), '{"id": "w"}');
  writeFileSync(join(dir, 'a', 'readme.md'), '# no');
  writeFileSync(join(dir, 'bad.json'), '{\n  "a": 1,\n  oops\n}\n');
  writeFileSync(join(dir, 'truncated.json'), '{"a": ');
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('listCaseFiles', () => {
  it('lists every .json file below a directory recursively, in sorted path order', () => {
    expect(listCaseFiles([dir])).toEqual([
      join(dir, 'a', 'w.json'),
      join(dir, 'b', 'deeper', 'x.json'),
      join(dir, 'b', 'y.json'),
      join(dir, 'bad.json'),
      join(dir, 'truncated.json'),
      join(dir, 'z.json'),
    ]);
  });

  it('takes a file path as is, whatever its extension, and keeps the order of the given paths', () => {
    expect(listCaseFiles([join(dir, 'z.json'), join(dir, 'b', 'notes.txt'), join(dir, 'a')])).toEqual([
      join(dir, 'z.json'),
      join(dir, 'b', 'notes.txt'),
      join(dir, 'a', 'w.json'),
    ]);
  });

  it('throws a CasePathError for a path that does not exist', () => {
    const missing = join(dir, 'nope');
    expect(() => listCaseFiles([missing])).toThrow(CasePathError);
    expect(() => listCaseFiles([missing])).toThrow(`${missing}: no such file or directory`);
  });
});

describe('readCaseFile', () => {
  it('parses a JSON case', () => {
    const file = join(dir, 'z.json');
    expect(readCaseFile(file)).toEqual({ file, json: { id: 'z' } });
  });

  it('reports invalid JSON as file:line:col with the parser’s message', () => {
    const file = join(dir, 'bad.json');
    const r = readCaseFile(file);
    expect(r.json).toBeUndefined();
    expect(r.error).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:3:3: invalid JSON: `));
    expect(r.error).not.toMatch(/position/);
  });

  it('reports JSON that ends early with the file name', () => {
    const file = join(dir, 'truncated.json');
    const r = readCaseFile(file);
    expect(r.error?.startsWith(`${file}`)).toBe(true);
    expect(r.error).toMatch(/invalid JSON/);
  });

  it('reports a file that cannot be read', () => {
    const r = readCaseFile(join(dir, 'a'));
    expect(r.error).toMatch(/^cannot read: /);
    expect(readCaseFile(join(dir, 'missing.json')).error).toMatch(/^cannot read: .*ENOENT/);
  });
});
