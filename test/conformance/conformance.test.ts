/**
 * The conformance suite is the consensus contract (DESIGN.md habit 7): every case of every kind
 * taken from the chain's own unit tests must pass in `chain` mode. The suite is vendored in
 * conformance/ (a copy of shared/conformance) so a clean clone can run it.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listCaseFiles, readCaseFile } from '../../src/sim/conformance/loadCases.ts';
import { formatCaseResult, implementedKinds, runConformanceCase } from '../../src/sim/conformance/runCase.ts';
import { runConformance } from '../../src/sim/conformance/runConformance.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SUITE = join(ROOT, 'conformance');
const SHARED = resolve(ROOT, '../shared/conformance');
/** One directory per kind; every directory is run, so a new kind cannot be left out silently. */
const KINDS = readdirSync(SUITE, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

it('has a runner for every kind in the suite', () => {
  expect(KINDS.length).toBeGreaterThanOrEqual(10);
  expect(implementedKinds()).toEqual(KINDS);
});

for (const kind of KINDS) {
  describe(`conformance kind ${kind} in chain mode`, () => {
    const files = listCaseFiles([join(SUITE, kind)]);
    it('has cases', () => {
      expect(files.length).toBeGreaterThan(0);
    });
    for (const file of files) {
      const name = relative(SUITE, file);
      it(`passes ${name}`, () => {
        const loaded = readCaseFile(file);
        expect(loaded.error).toBeUndefined();
        const result = runConformanceCase(loaded.json, file, 'chain');
        expect(result.passed, formatCaseResult(result)).toBe(true);
      });
    }
  });
}

describe('the conformance suite', () => {
  it('tells float64 arithmetic apart from the chain (some cases fail in float mode)', () => {
    const summary = runConformance([join(SUITE, 'epoch'), join(SUITE, 'math')], 'float');
    expect(summary.failed).toBeGreaterThan(0);
    expect(summary.passed).toBeGreaterThan(0);
  });

  it.skipIf(!existsSync(SHARED))('is an unmodified copy of shared/conformance', () => {
    const ours = listCaseFiles([SUITE]).map((f) => relative(SUITE, f));
    const theirs = listCaseFiles([SHARED]).map((f) => relative(SHARED, f));
    expect(ours).toEqual(theirs);
    for (const f of ours) expect(readFileSync(join(SUITE, f), 'utf8'), f).toBe(readFileSync(join(SHARED, f), 'utf8'));
  });
});
