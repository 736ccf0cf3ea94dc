import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunCommandHooks } from '../../../../src/cli/commands/run.ts';
import { runCli, type CliResult } from '../../../support/runCli.ts';
import { main } from '../../../../src/cli/main.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/run');
const TINY = join(FIXTURES, 'tiny.yaml');
// The tests that exercise the command's own machinery use a stub loop with runScenario's contract.
const STUB: RunCommandHooks = { runnerModuleUrl: pathToFileURL(join(FIXTURES, 'stubRunScenario.ts')).href };

type Result = CliResult;

const run = (argv: string[], hooks: RunCommandHooks = STUB, onErr?: (line: string) => void): Promise<Result> => runCli(argv, hooks, onErr);

/** Through main, for the one-line errors it prints (exit 2). */
function mainSync(argv: string[]): Result {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['run', ...argv], (l) => out.push(l), (l) => err.push(l));
  expect(typeof code).toBe('number');
  return { code: code as number, out, err };
}

let root = '';
let n = 0;
const fresh = (): string => join(root, `out-${n++}`);

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-run-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const digestOf = (r: Result): string => {
  const last = r.out.at(-1) ?? '';
  expect(last).toMatch(/^digest sha256:[0-9a-f]{64}$/);
  return last.slice('digest '.length);
};

describe('yumalab run: arguments and scenario checks (before anything runs)', () => {
  it('refuses a non-empty output directory in one line with exit 2 and leaves it alone', () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const r = mainSync([TINY, '--out', dir]);
    expect(r).toEqual({ code: 2, out: [], err: [`yumalab run: ${dir} is not empty (use --force to replace it, or --out DIR)`] });
    expect(readdirSync(dir)).toEqual(['notes.txt']);
  });

  it('refuses an output path that is a file', () => {
    const file = join(root, 'a-file');
    writeFileSync(file, 'x');
    expect(mainSync([TINY, '--out', file]).err).toEqual([`yumalab run: ${file} exists and is not a directory`]);
  });

  it('reports a --set value the schema rejects against the --set, not the file', () => {
    const r = mainSync([TINY, '--out', fresh(), '--set', 'subnets.0.hyperparameters.kappa=1.5']);
    expect(r).toEqual({ code: 2, out: [], err: ['--set subnets.0.hyperparameters.kappa: must be a fraction in [0, 1], got 1.5'] });
  });

  it('reports unknown key paths, missing list items and malformed --set arguments', () => {
    expect(mainSync([TINY, '--set', 'subnets.0.hyperparameters.kapa=0.5']).err).toEqual([
      "--set subnets.0.hyperparameters.kapa: 'subnets.0.hyperparameters.kapa' is not a scenario key path (e.g. subnets.0.hyperparameters.kappa)",
    ]);
    expect(mainSync([TINY, '--set', 'subnets.3.tempo=5']).err).toEqual(['--set subnets.3.tempo: subnets.3 does not exist in this scenario']);
    expect(mainSync([TINY, '--set', 'seed']).err).toEqual(['--set seed: expected key.path=value (e.g. --set subnets.0.hyperparameters.kappa=0.6)']);
    expect(mainSync([TINY, '--set', 'seed=[1, 2]']).err).toEqual(["--set seed: expected a single value (a number, true/false, a name or a quoted string), got '[1, 2]'"]);
    expect(mainSync([TINY, '--set', 'chain.numeric=flot']).err).toEqual(["--set chain.numeric: unknown value 'flot' (did you mean 'float'?)"]);
  });

  it('still reports the file\'s own problems with file:line:col', () => {
    const bad = join(root, 'bad.yaml');
    writeFileSync(bad, readFileSync(TINY, 'utf8').replace('tempo: 99', 'tempo: 0'));
    const r = mainSync([bad, '--set', 'seed=4']);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^${bad}:\\d+:\\d+: subnets\\.0\\.tempo: `));
  });

  it('checks --seed and --numeric and needs exactly one scenario', () => {
    expect(mainSync([TINY, '--seed', '1.5']).err).toEqual(["yumalab run: --seed must be a non-negative integer, got '1.5'"]);
    expect(mainSync([TINY, '--numeric', 'double']).err).toEqual(["yumalab run: --numeric must be 'chain' or 'float', got 'double'"]);
    expect(mainSync([]).err).toEqual(['yumalab run: give exactly one scenario file (got 0)']);
    expect(mainSync([TINY, '--bogus']).code).toBe(2);
  });
});

describe('yumalab run: the run (with a stub loop)', () => {
  it('writes the four artifacts and prints the digest last', async () => {
    const dir = fresh();
    const r = await run([TINY, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.err[0]).toBe(`run tiny seed 3 (chain, 300 blocks) → ${dir}`);
    expect(r.err.filter((l) => /block \d+\/300/.test(l)).length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['events.jsonl', 'groups.csv', 'manifest.json', 'metrics.csv', 'neurons.csv', 'subnets.csv']);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(digestOf(r)).toBe(manifest.digest);
    expect(manifest.command).toEqual(['yumalab', 'run', TINY, '--out', dir]);
  });

  it('applies --seed and --numeric to the run and records them in the manifest', async () => {
    const dir = fresh();
    const r = await run([TINY, '--out', dir, '--seed', '11', '--numeric', 'float', '--quiet']);
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toHaveLength(1);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ seed: 11, numeric_mode: 'float' });
  });

  it('gives the same digest for the same seed and a different one for another seed', async () => {
    const a = digestOf(await run([TINY, '--out', fresh(), '--quiet']));
    const b = digestOf(await run([TINY, '--out', fresh(), '--quiet']));
    const c = digestOf(await run([TINY, '--out', fresh(), '--quiet', '--seed', '4']));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('writes to runs/<name>/<seed> by default', async () => {
    const cwd = process.cwd();
    const here = fresh();
    mkdirSync(here);
    process.chdir(here);
    try {
      const r = await run([TINY, '--seed', '5', '--quiet']);
      expect(r.code).toBe(0);
      expect(readdirSync(join(here, 'runs', 'tiny', '5')).sort()).toEqual(['events.jsonl', 'groups.csv', 'manifest.json', 'metrics.csv', 'neurons.csv', 'subnets.csv']);
    } finally {
      process.chdir(cwd);
    }
  });

  it('with --force replaces a non-empty directory by the complete new run', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'stale.txt'), 'old');
    const r = await run([TINY, '--out', dir, '--force', '--quiet']);
    expect(r.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['events.jsonl', 'groups.csv', 'manifest.json', 'metrics.csv', 'neurons.csv', 'subnets.csv']);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('with --check-determinism runs twice and reports that the digests agree', async () => {
    const dir = fresh();
    const r = await run([TINY, '--out', dir, '--check-determinism']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('determinism check: OK, both runs gave the same digest');
    expect(r.err.some((l) => l.startsWith('run 2/2: block'))).toBe(true);
    digestOf(r);
  });

  it('fails with exit 1 and leaves no directory when the loop fails midway', async () => {
    const dir = join(fresh(), 'nested');
    const r = await run([TINY, '--out', dir, '--set', 'description=fail-at-block:150', '--quiet']);
    expect(r).toEqual({ code: 1, out: [], err: ['yumalab run: invariant violated at block 150: stub failure'] });
    expect(existsSync(join(dir, '..'))).toBe(false);
  });

  it('on an interrupt stops the run, removes its temporary files and exits 130', async () => {
    const dir = fresh();
    const interrupt = new AbortController();
    const r = await run([TINY, '--out', dir, '--set', 'description=slow', '--set', 'duration.blocks=20000'], { ...STUB, interrupt: interrupt.signal }, (line) => {
      if (/^run: block \d+\/20000/.test(line)) interrupt.abort();
    });
    expect(r.code).toBe(130);
    expect(r.out).toEqual([]);
    // Stopped mid-run: after the first 10 % line, long before the end.
    expect(r.err.filter((l) => /^run: block \d+\/20000 \(\d+%\)$/.test(l))).toEqual([expect.stringMatching(/\(10%\)$/)]);
    expect(r.err.at(-1)).toBe(`yumalab run: interrupted; nothing was written to ${dir}`);
    expect(existsSync(dir)).toBe(false);
  });

  it('on an interrupt with --force keeps the old directory as it was', async () => {
    const dir = fresh();
    mkdirSync(dir);
    writeFileSync(join(dir, 'metrics.csv'), 'old');
    const interrupt = new AbortController();
    const r = await run([TINY, '--out', dir, '--force', '--set', 'description=slow', '--set', 'duration.blocks=20000'], { ...STUB, interrupt: interrupt.signal }, (line) => {
      if (/^run: block \d+\/20000/.test(line)) interrupt.abort();
    });
    expect(r.code).toBe(130);
    expect(readdirSync(dir)).toEqual(['metrics.csv']);
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toBe('old');
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('yumalab run: the real loop on a tiny scenario', () => {
  it('runs twice to the same digest, another seed gives another digest, and the files are the ones the manifest lists', async () => {
    const dir = fresh();
    const r = await run([TINY, '--out', dir, '--check-determinism', '--quiet'], {});
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    const digest = digestOf(r);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ digest, seed: 3, numeric_mode: 'chain', duration_blocks: 300, blocks_run: 300 });
    expect(readFileSync(join(dir, 'metrics.csv'), 'utf8')).toMatch(/^block,day,netuid,group,uids,incentive_alpha,/);
    expect(readFileSync(join(dir, 'neurons.csv'), 'utf8').split('\n').length).toBeGreaterThan(2);
    expect(readFileSync(join(dir, 'groups.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(0, 3).join(','))).toEqual([
      'netuid,group,kind', '1,miners,miner.honest', '1,owner,', '1,validators,validator.honest', '',
    ]);
    const other = await run([TINY, '--out', fresh(), '--seed', '4', '--quiet'], {});
    expect(other.code).toBe(0);
    expect(digestOf(other)).not.toBe(digest);
  });
});
