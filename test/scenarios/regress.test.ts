/**
 * The project's own golden suite, scenarios/regress (issue 8): every scenario reproduces its
 * committed baseline — so a change to src/ that moves any result fails here, with a readable
 * drift report — and a variant given with --set is compared against it, with the attack
 * scenarios ranked by how far the attacker's share moved.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { loadSuite } from '../../src/sim/regress/regressSuite.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SUITE = join(ROOT, 'scenarios', 'regress');
const ids = loadSuite(SUITE).entries.map((e) => e.id);

let out = '';
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'yumalab-regress-suite-'));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

async function regress(args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
  const lines: string[] = [];
  const err: string[] = [];
  const code = await main(['regress', SUITE, '--quiet', ...args], (l) => lines.push(l), (l) => err.push(l));
  return { code, out: lines, err };
}

describe('yumalab regress scenarios/regress', () => {
  it('lists the baseline, every attack, the replay demo and the imported metagraph', () => {
    expect(ids).toEqual(['baseline', 'cabal', 'emission-farming', 'lazy-validators', 'pump-for-share', 'sybil-miners', 'uid-sniping', 'weight-copying', 'whale', 'replay-demo', 'metagraph-state', 'metagraph-replay']);
  });

  it('passes against its committed baseline', async () => {
    const r = await regress(['--no-report']);
    expect(r.err).toEqual([]);
    expect(r.out.slice(0, ids.length)).toEqual(ids.map((id) => expect.stringMatching(new RegExp(`^${id}: (same|digest changed, metrics within tolerance)$`))));
    expect(r.out.at(-1)).toBe(`${ids.length} passed, 0 failed`);
    expect(r.code).toBe(0);
  });

  it('fails with DRIFT lines and a drift report when a hyperparameter default changes', async () => {
    // kappa is left at the chain default by every attack scenario: overriding it everywhere is
    // what changing the default in src/ would do to them.
    const report = join(out, 'kappa');
    const r = await regress(['--set', 'subnets.0.hyperparameters.kappa=0.6', '--report', report]);
    expect(r.code).toBe(1);
    const cabal = r.out.find((l) => l.startsWith('cabal: '));
    expect(cabal).toMatch(/^cabal: DRIFT \S+: \S+ → \S+ \([+-][0-9.e-]+%\); \d+ more metrics drifted$/);
    expect(r.out.at(-1)).toMatch(/^\d+ passed, [1-9]\d* failed$/);
    expect(r.out).toContain(`report ${join(report, 'report.html')}`);
    const html = readFileSync(join(report, 'report.html'), 'utf8');
    expect(html).toContain('subnets.0.hyperparameters.kappa=0.6');
    expect(html).toContain('Drifted metrics');
    for (const chart of ['cabal-totals-1', 'cabal-series-1']) {
      expect(html).toContain(`id="chart-${chart}"`);
      expect(existsSync(join(report, 'charts', `${chart}.png`))).toBe(true);
    }
  });

  it('compares a consensus variant and ranks the attacks by how far the attacker share moved', async () => {
    // Yuma 2 instead of the default Yuma 3; `--set chain.mechanism=<name>` asks the same question.
    const r = await regress(['--set', 'subnets.0.hyperparameters.yuma3_on=false', '--no-report']);
    expect(r.code).toBe(1);
    const start = r.out.indexOf('attacker share moved (largest first):');
    expect(start).toBe(ids.length);
    const ranking = r.out.slice(start + 1, -1);
    expect(ranking).toHaveLength(8);
    const moves = ranking.map((l) => {
      const m = /^ {2}\d+\. (\S+) +(\S+): (\S+) → (\S+) \(/.exec(l);
      expect(m, l).not.toBeNull();
      return Math.abs(Number(m![4]) - Number(m![3]));
    });
    expect(moves).toEqual([...moves].sort((a, b) => b - a));
    expect(ranking[0]).toMatch(/^ {2}1\. whale +sn1\.delegate\.emission_share: /);
  });

  it('runs a registered research mechanism and a user-supplied mechanism module through the suite', async () => {
    const research = await regress(['--set', 'chain.mechanism=yuma2_no_bonds_penalty', '--no-report']);
    expect(research.err).toEqual([]);
    expect(research.code).toBe(1);
    expect(research.out.filter((l) => / DRIFT /.test(l)).length).toBeGreaterThan(0);
    // An absolute path: the suite's scenarios live in different directories.
    const module = `${join(ROOT, 'examples', 'my-yuma.ts')}#MyYuma`;
    const user = await regress(['--set', `chain.mechanism=${module}`, '--no-report']);
    expect(user.err).toEqual([]);
    expect(user.out.slice(0, ids.length)).toEqual(ids.map((id) => expect.stringMatching(new RegExp(`^${id}: `))));
    expect(user.out).toContain('attacker share moved (largest first):');
    expect(user.out.filter((l) => / DRIFT /.test(l)).length).toBeGreaterThan(0);
    expect(user.out.at(-1)).toMatch(/^\d+ passed, \d+ failed$/);
  });
});
