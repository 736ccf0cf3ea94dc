/**
 * Style rules enforced by a test (DESIGN.md habit 9): determinism bans, a pure consensus layer,
 * and the one-way import direction primitives → consensus → agents → sim → report → cli.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
const LAYERS = ['primitives', 'consensus', 'agents', 'sim', 'report', 'cli'] as const;

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

const files = sourceFiles(SRC).map((abs) => ({ abs, rel: relative(ROOT, abs), text: readFileSync(abs, 'utf8') }));

/** Code without comments and string contents, so a ban is not tripped by prose. */
function codeOnly(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\/\/.*$/gm, '')
    .replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g, "''");
}

function layerOf(rel: string): string {
  return rel.split('/')[1] ?? '';
}

function importsOf(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)) out.push(m[1]!);
  for (const m of text.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) out.push(m[1]!);
  for (const m of text.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) out.push(m[1]!);
  return out;
}

describe('tidy rules', () => {
  it('finds the source tree', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it('bans wall-clock and global randomness in src outside the CLI', () => {
    const banned = /Math\.random|Date\.now\(|performance\.now\(|new Date\(/;
    const offenders = files.filter((f) => layerOf(f.rel) !== 'cli' && banned.test(codeOnly(f.text))).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('keeps console output in the CLI only', () => {
    const offenders = files.filter((f) => layerOf(f.rel) !== 'cli' && /\bconsole\.\w+\(/.test(codeOnly(f.text))).map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('forbids src/consensus from importing the RNG', () => {
    const offenders = files
      .filter((f) => layerOf(f.rel) === 'consensus')
      .filter((f) => importsOf(f.text).some((spec) => /(^|\/)rng(\.ts)?$/.test(spec) || spec === 'seedrandom'))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('keeps consensus free of I/O and the clock', () => {
    const io = /^(node:)?(fs|fs\/promises|child_process|net|http|https|worker_threads|perf_hooks)$/;
    const offenders = files
      .filter((f) => layerOf(f.rel) === 'consensus' || layerOf(f.rel) === 'primitives')
      .filter((f) => importsOf(f.text).some((spec) => io.test(spec)))
      .map((f) => f.rel);
    expect(offenders).toEqual([]);
  });

  it('imports only point left along primitives → consensus → agents → sim → report → cli', () => {
    const offenders: string[] = [];
    for (const f of files) {
      const from = LAYERS.indexOf(layerOf(f.rel) as (typeof LAYERS)[number]);
      expect(from, `${f.rel} is outside the known layers`).toBeGreaterThanOrEqual(0);
      for (const spec of importsOf(f.text)) {
        if (!spec.startsWith('.')) continue;
        const target = relative(ROOT, resolve(dirname(f.abs), spec));
        if (!target.startsWith('src/')) continue;
        const to = LAYERS.indexOf(layerOf(target) as (typeof LAYERS)[number]);
        if (to > from) offenders.push(`${f.rel} imports ${target}`);
      }
    }
    expect(offenders).toEqual([]);
  });

  it('uses real .ts extensions in relative imports', () => {
    const offenders: string[] = [];
    for (const f of files) {
      for (const spec of importsOf(f.text)) {
        if (spec.startsWith('.') && !spec.endsWith('.ts') && !spec.endsWith('.json')) offenders.push(`${f.rel}: ${spec}`);
      }
    }
    expect(offenders).toEqual([]);
  });
});
