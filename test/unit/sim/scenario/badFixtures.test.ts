import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BAD = join(ROOT, 'test', 'fixtures', 'bad');
const fixtures = readdirSync(BAD).filter((f) => f.endsWith('.yaml')).sort();

describe('yumalab validate on the deliberately broken scenarios in test/fixtures/bad', () => {
  it('has a fixture for every required class of mistake', () => {
    for (const name of [
      'yaml-syntax',
      'duplicate-key',
      'unknown-key',
      'unknown-agent-kind',
      'wrong-type',
      'kappa-out-of-range',
      'negative-stake',
      'tempo-zero',
      'too-many-uids',
      'tao-decimals',
      'event-after-end',
    ]) {
      expect(fixtures).toContain(`${name}.yaml`);
    }
  });

  it.each(fixtures)('%s prints exactly its expected lines and exits 2', (name) => {
    // Expected lines name the file relative to the repository root; we pass the absolute path.
    const expected = readFileSync(join(BAD, name.replace(/\.yaml$/, '.expected')), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => `${ROOT}/${l}`);
    const out: string[] = [];
    const err: string[] = [];
    const code = main(['validate', join(BAD, name)], (l) => out.push(l), (l) => err.push(l));
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err).toEqual(expected);
  });
});
