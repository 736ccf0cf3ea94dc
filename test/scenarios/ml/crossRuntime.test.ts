/**
 * Determinism across machines, as far as one machine can show it: the same ML scenario and seed
 * give the same artifact digest
 * - in a fresh process as in another (nothing carried over from an earlier run in the process),
 * - on the wasm binary built without SIMD as on the SIMD one (a machine without SIMD support runs
 *   the former), and
 * - under Deno (the notebooks' runtime, another build of V8 and another module loader) as under
 *   Node.
 * Each run is its own process, because a process loads one wasm binary for good. Both scenarios are
 * covered: regression (teacher network, MSE) and classification (Gaussian mixture, cross-entropy).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'test', 'scenarios', 'ml', 'mlDigestMain.ts');
const DENO = join(ROOT, 'node_modules', '.bin', 'deno');
const root = mkdtempSync(join(tmpdir(), 'yumalab-ml-runtimes-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let runs = 0;
function digest(runtime: 'node' | 'deno', scenario: string, simd: 'on' | 'off'): string {
  const out = join(root, `run-${runs++}`);
  const args = [join(ROOT, 'scenarios', 'ml', scenario), '3', out, simd];
  const line =
    runtime === 'node'
      ? execFileSync(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: ROOT, encoding: 'utf8' })
      : execFileSync(DENO, ['run', '--allow-all', '--node-modules-dir=manual', '--quiet', MAIN, ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          env: { ...process.env, DENO_DIR: join(ROOT, 'node_modules', '.cache', 'deno'), DENO_NO_UPDATE_CHECK: '1' },
        });
  const m = /^simd=(true|false) digest=(sha256:[0-9a-f]{64})$/m.exec(line);
  expect(m, line).not.toBeNull();
  expect(m![1]).toBe(simd === 'on' ? 'true' : 'false');
  return m![2]!;
}

describe.each(['proof-of-intelligence.yaml', 'classification.yaml'])('%s, 3 epochs', (scenario) => {
  it('has one digest in two Node processes, with and without SIMD, and under Deno', () => {
    const reference = digest('node', scenario, 'on');
    expect(digest('node', scenario, 'on')).toBe(reference);
    expect(digest('node', scenario, 'off')).toBe(reference);
    expect(digest('deno', scenario, 'on')).toBe(reference);
  });
});
