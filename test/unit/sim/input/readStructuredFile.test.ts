import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  InputError,
  formatPath,
  parseStructuredFile,
  positionOf,
  validateWith,
} from '../../../../src/sim/input/readStructuredFile.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';

const temp = useTempFiles('structured');
const write = temp.write;

const schema = z.strictObject({
  name: z.string(),
  size: z.number().int().min(1, 'must be positive'),
  tags: z.array(z.string()).optional(),
  inner: z.strictObject({ flag: z.boolean() }).optional(),
});

describe('InputError', () => {
  it('keeps one problem per line and joins them as its message', () => {
    const e = new InputError(['a: one', 'b: two']);
    expect(e.problems).toEqual(['a: one', 'b: two']);
    expect(e.message).toBe('a: one\nb: two');
    expect(e.name).toBe('InputError');
    expect(e).toBeInstanceOf(Error);
  });
});

describe('formatPath', () => {
  it('joins keys with dots and names the root', () => {
    expect(formatPath([])).toBe('(root)');
    expect(formatPath(['state', 'mechanisms', 0, 'weights'])).toBe('state.mechanisms.0.weights');
  });
});

describe('parseStructuredFile and validateWith', () => {
  it('reads valid JSON and YAML into the schema’s type', () => {
    const fromJson = validateWith(parseStructuredFile(write('{"name": "a", "size": 2}')), schema);
    expect(fromJson).toEqual({ name: 'a', size: 2 });
    const fromYaml = validateWith(parseStructuredFile(write('name: b\nsize: 3\ntags: [x, y]\n', 'yaml')), schema);
    expect(fromYaml).toEqual({ name: 'b', size: 3, tags: ['x', 'y'] });
  });

  it('reports an unknown key as file:line:col: key.path: unknown key', () => {
    const file = write('{\n  "name": "a",\n  "size": 2,\n  "inner": {\n    "flag": true,\n    "x": 1\n  }\n}\n');
    const problems = problemsOf(() => validateWith(parseStructuredFile(file), schema));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${escape(file)}:6:\\d+: inner\\.x: unknown key 'x'$`));
  });

  it('lists several unknown keys of one object in one problem', () => {
    const file = write('{"name": "a", "size": 2, "p": 1, "q": 2}');
    const problems = problemsOf(() => validateWith(parseStructuredFile(file), schema));
    expect(problems).toEqual([expect.stringMatching(/:1:\d+: p: unknown keys 'p', 'q'$/)]);
  });

  it('reports each wrong value at its own position', () => {
    const file = write('name: 5\nsize: 0\ntags:\n  - ok\n  - 7\n', 'yaml');
    const problems = problemsOf(() => validateWith(parseStructuredFile(file), schema));
    expect(problems).toEqual([
      `${file}:1:7: name: Invalid input: expected string, received number`,
      `${file}:2:7: size: must be positive`,
      `${file}:5:5: tags.1: Invalid input: expected string, received number`,
    ]);
  });

  it('points a missing key at its parent object', () => {
    const file = write('{\n  "size": 1\n}');
    const problems = problemsOf(() => validateWith(parseStructuredFile(file), schema));
    expect(problems).toEqual([`${file}:1:1: name: required key is missing`]);
  });

  it('reports a duplicate key as a parse error with its position', () => {
    const file = write('{\n  "name": "a",\n  "name": "b"\n}');
    const problems = problemsOf(() => parseStructuredFile(file));
    expect(problems).toEqual([expect.stringMatching(new RegExp(`^${escape(file)}:3:3: .*unique`))]);
  });

  it('reports a YAML syntax error with line and column and without the parser’s code frame', () => {
    const file = write('name: [a, b\nsize: 2\n', 'yaml');
    const problems = problemsOf(() => parseStructuredFile(file));
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p).toMatch(new RegExp(`^${escape(file)}:\\d+:\\d+: \\S`));
      expect(p).not.toMatch(/\n/);
      expect(p).not.toMatch(/at line \d+, column \d+/);
    }
  });

  it('reports a missing file in one line', () => {
    const file = join(temp.dir(), 'nothing-here.json');
    expect(problemsOf(() => parseStructuredFile(file))).toEqual([`${file}: cannot read file: no such file`]);
  });

  it('reports an unreadable path with the system message', () => {
    expect(problemsOf(() => parseStructuredFile(temp.dir()))).toEqual([expect.stringMatching(new RegExp(`^${escape(temp.dir())}: cannot read file: `))]);
  });
});

describe('positionOf', () => {
  it('finds nested keys and list items, falling back to the nearest existing ancestor', () => {
    const parsed = parseStructuredFile(write('{\n  "a": {\n    "b": [10, 20]\n  }\n}'));
    expect(positionOf(parsed, [])).toBe('1:1');
    expect(positionOf(parsed, ['a'])).toBe('2:8');
    expect(positionOf(parsed, ['a', 'b', 1])).toBe('3:15');
    expect(positionOf(parsed, ['a', 'b', 9])).toBe('3:10');
    expect(positionOf(parsed, ['a', 'zzz'])).toBe('2:8');
  });
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
