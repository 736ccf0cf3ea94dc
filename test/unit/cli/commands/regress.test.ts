/**
 * `yumalab regress` on a small suite of its own (a short cabal run and the replay demo): the
 * baseline written by --update, the lines of a comparison, drift, the report, --baseline, and
 * that a failed run leaves the baseline as it was.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { regressCommand, type RegressCommandHooks } from '../../../../src/cli/commands/regress.ts';
import { main } from '../../../../src/cli/main.ts';
import type { SweepExecutor } from '../../../../src/sim/sweep/sweepExecutor.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
let root = '';
let suite = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-regress-'));
  suite = join(root, 'suite');
  mkdirSync(suite);
  writeFileSync(
    join(suite, 'suite.yaml'),
    `name: small
overrides: {chain.numeric: float}
scenarios:
  - scenario: ${join(ROOT, 'scenarios', 'attacks', 'cabal.yaml')}
    overrides: {duration: {blocks: 400}}
    attacker: cabal_validators
  - scenario: ${join(ROOT, 'scenarios', 'replay-demo.yaml')}
    id: replay
`,
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function regress(args: string[], hooks: RegressCommandHooks = {}): Promise<{ code: number; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await regressCommand([suite, '--quiet', ...args], (l) => out.push(l), (l) => err.push(l), hooks);
  return { code, out, err };
}

const baselineFile = (id: string, dir = join(suite, 'baseline')): string => join(dir, `${id}.json`);

describe('yumalab regress', () => {
  it('writes a new baseline with --update, then finds every scenario the same', async () => {
    const update = await regress(['--update', '--no-report']);
    expect(update).toEqual({ code: 0, out: ['new cabal', 'new replay', `wrote ${join(suite, 'baseline')}: 2 baselines`], err: [] });
    expect(readdirSync(join(suite, 'baseline')).sort()).toEqual(['cabal.json', 'replay.json']);
    const compare = await regress(['--no-report']);
    expect(compare).toEqual({ code: 0, out: ['cabal: same', 'replay: same', '2 passed, 0 failed'], err: [] });
  });

  it('reports a moved metric as DRIFT, exits 1 and draws it in the report', async () => {
    const file = baselineFile('cabal');
    const original = readFileSync(file, 'utf8');
    const share = Number(/"sn1\.cabal_validators\.emission_share": ([0-9.e-]+)/.exec(original)![1]);
    writeFileSync(file, original.replace(`"sn1.cabal_validators.emission_share": ${share}`, `"sn1.cabal_validators.emission_share": ${share * 2}`));
    try {
      const report = join(root, 'report-drift');
      const r = await regress(['--report', report]);
      expect(r.code).toBe(1);
      const pct = `${String(+((-50).toPrecision(3)))}%`;
      expect(r.out).toEqual(['cabal: DRIFT sn1.cabal_validators.emission_share: ' + `${share * 2} → ${share} (${pct})`, 'replay: same', `report ${join(report, 'report.html')}`, '1 passed, 1 failed']);
      const html = readFileSync(join(report, 'report.html'), 'utf8');
      expect(html).toContain('Drifted metrics');
      expect(html).toContain('sn1.cabal_validators.emission_share');
      expect(existsSync(join(report, 'charts', 'cabal-totals-1.svg'))).toBe(true);
      expect(existsSync(join(report, 'report.md'))).toBe(true);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('passes a scenario whose digest changed while its metrics stayed within tolerance', async () => {
    const file = baselineFile('replay');
    const original = readFileSync(file, 'utf8');
    writeFileSync(file, original.replace(/"digest": "sha256:[0-9a-f]+"/, `"digest": "sha256:${'0'.repeat(64)}"`));
    try {
      const r = await regress(['--no-report']);
      expect(r.out).toEqual(['cabal: same', 'replay: digest changed, metrics within tolerance', '2 passed, 0 failed']);
      expect(r.code).toBe(0);
    } finally {
      writeFileSync(file, original);
    }
  });

  it('fails a scenario without a baseline and notes baselines of no scenario', async () => {
    const other = join(root, 'other-baseline');
    mkdirSync(other);
    writeFileSync(baselineFile('stale', other), readFileSync(baselineFile('replay'), 'utf8').replace('"id": "replay"', '"id": "stale"'));
    writeFileSync(baselineFile('replay', other), readFileSync(baselineFile('replay'), 'utf8'));
    const r = await regress(['--baseline', other, '--no-report']);
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['cabal: no baseline (write one with --update)', 'replay: same', '1 passed, 1 failed']);
    expect(r.err).toEqual([`note: ${baselineFile('stale', other)} belongs to no scenario of the suite (--update removes it)`]);
  });

  it('with --set, updates a baseline elsewhere and says what changed, then ranks the attacker', async () => {
    const variant = join(root, 'variant-baseline');
    const first = await regress(['--baseline', variant, '--update', '--no-report']);
    expect(first.out).toEqual(['new cabal', 'new replay', `wrote ${variant}: 2 baselines`]);
    const r = await regress(['--baseline', variant, '--update', '--no-report', '--set', 'subnets.0.hyperparameters.kappa=0.6']);
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^updated cabal: \d+ metrics changed$/);
    expect(r.out[1]).toBe('updated replay: 0 metrics changed (scenario or overrides changed)');
    expect(r.out[2]).toBe('attacker share moved (largest first):');
    expect(r.out[3]).toMatch(/^ {2}1\. cabal {2}sn1\.cabal_validators\.emission_share: [0-9.e-]+ → [0-9.e-]+ \([+-][0-9.e-]+ pp\)$/);
    const again = await regress(['--baseline', variant, '--update', '--no-report', '--set', 'subnets.0.hyperparameters.kappa=0.6']);
    expect(again.out.slice(0, 2)).toEqual(['unchanged cabal', 'unchanged replay']);
  });

  it('removes the baselines of scenarios the suite no longer lists', async () => {
    const dir = join(root, 'removal-baseline');
    mkdirSync(dir);
    writeFileSync(baselineFile('gone', dir), readFileSync(baselineFile('replay'), 'utf8').replace('"id": "replay"', '"id": "gone"'));
    writeFileSync(join(dir, 'README'), 'kept\n');
    const r = await regress(['--baseline', dir, '--update', '--no-report']);
    expect(r.out).toEqual(['new cabal', 'new replay', 'removed gone', `wrote ${dir}: 2 baselines`]);
    expect(readdirSync(dir).sort()).toEqual(['README', 'cabal.json', 'replay.json']);
  });

  it('leaves the baseline as it was when a run fails during --update', async () => {
    const before = readdirSync(join(suite, 'baseline')).map((f) => readFileSync(join(suite, 'baseline', f), 'utf8'));
    const failing: SweepExecutor = {
      async run(tasks, onResult) {
        for (const t of tasks) onResult({ ok: false, runKey: t.runKey, error: 'invariant violated at block 7' });
      },
      async close() {},
    };
    const r = await regress(['--update', '--no-report'], { executor: () => failing });
    expect(r.code).toBe(1);
    expect(r.out).toEqual(['cabal: FAILED invariant violated at block 7', 'replay: FAILED invariant violated at block 7']);
    expect(r.err).toEqual(['yumalab regress: the baseline was not updated: 2 scenarios failed']);
    expect(readdirSync(join(suite, 'baseline')).map((f) => readFileSync(join(suite, 'baseline', f), 'utf8'))).toEqual(before);
  });

  it('refuses bad arguments, suites and report directories with one line and exit 2', async () => {
    const run = async (argv: string[]): Promise<{ code: number; err: string[] }> => {
      const err: string[] = [];
      const code = await main(argv, () => undefined, (l) => err.push(l));
      return { code, err };
    };
    expect(await run(['regress', suite, '--tolerance', '2'])).toEqual({ code: 2, err: ["yumalab regress: --tolerance must be a relative tolerance in [0, 1), e.g. 1e-6, got '2'"] });
    expect(await run(['regress', suite, '--update', '--set', 'seed=3'])).toEqual({
      code: 2,
      err: ["yumalab regress: --update with --set would write the variant into the suite's baseline; give --baseline DIR for a variant baseline, or put the override in suite.yaml"],
    });
    expect(await run(['regress', join(root, 'missing')])).toEqual({ code: 2, err: [`${join(root, 'missing')}: no such suite (give a directory with suite.yaml or scenario files)`] });
    const foreign = join(root, 'foreign');
    mkdirSync(foreign);
    writeFileSync(join(foreign, 'notes.txt'), 'mine');
    const r = await run(['regress', suite, '--quiet', '--report', foreign]);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`yumalab regress: ${foreign}: not empty and not an earlier report (holds notes.txt); choose another --report`]);
  });
});
