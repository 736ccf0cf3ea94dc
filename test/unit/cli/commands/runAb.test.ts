import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunCommandHooks } from '../../../../src/cli/commands/run.ts';
import { runCli, type CliResult } from '../../../support/runCli.ts';

const FIXTURES = resolve(import.meta.dirname, '../../../fixtures/run');
// The stub loop has runScenario's contract; its group outcomes follow the population's kinds.
const STUB: RunCommandHooks = { runnerModuleUrl: pathToFileURL(join(FIXTURES, 'stubRunScenario.ts')).href };
const RUN_FILES = ['events.jsonl', 'groups.csv', 'manifest.json', 'metrics.csv', 'neurons.csv', 'subnets.csv'];
const PAIR_FILES = ['ab.csv', 'attack', 'control', 'manifest.json'];

type Result = CliResult;

const run = (argv: string[], hooks: RunCommandHooks = STUB, onErr?: (line: string) => void): Promise<Result> => runCli(argv, hooks, onErr);

const digestOf = (r: Result): string => {
  const last = r.out.at(-1) ?? '';
  expect(last).toMatch(/^digest sha256:[0-9a-f]{64}$/);
  return last.slice('digest '.length);
};

let root = '';
let n = 0;
const fresh = (): string => join(root, `out-${n++}`);
/** tiny.yaml with a control run in which the validators are lazy. */
let PAIR = '';

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-run-ab-'));
  PAIR = join(root, 'tiny-ab.yaml');
  writeFileSync(PAIR, `${readFileSync(join(FIXTURES, 'tiny.yaml'), 'utf8')}control:\n  subnets.0.population.0.kind: validator.lazy\n`);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('yumalab run on a scenario with control: (stub loop)', () => {
  it('writes attack/, control/, ab.csv and the pair manifest, and prints the pair digest last', async () => {
    const dir = fresh();
    const r = await run([PAIR, '--out', dir]);
    expect(r.code).toBe(0);
    expect(r.err[1]).toBe('A/B pair: attack, then control (subnets.0.population.0.kind="validator.lazy"), same seed');
    expect(r.err.some((l) => /^attack: block \d+\/300/.test(l))).toBe(true);
    expect(r.err.some((l) => /^control: block \d+\/300/.test(l))).toBe(true);
    expect(readdirSync(dir).sort()).toEqual(PAIR_FILES);
    expect(readdirSync(join(dir, 'attack')).sort()).toEqual(RUN_FILES);
    expect(readdirSync(join(dir, 'control')).sort()).toEqual(RUN_FILES);
    expect(r.out).toContain(`wrote ${dir}: attack/, control/, ab.csv, manifest.json`);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(digestOf(r)).toBe(manifest.digest);
    expect(manifest.runs.map((x: { digest: string }) => x.digest)).toEqual([
      JSON.parse(readFileSync(join(dir, 'attack', 'manifest.json'), 'utf8')).digest,
      JSON.parse(readFileSync(join(dir, 'control', 'manifest.json'), 'utf8')).digest,
    ]);
    const ab = readFileSync(join(dir, 'ab.csv'), 'utf8').split('\n');
    expect(ab[0]).toMatch(/^netuid,group,kind_attack,kind_control,emission_tao_attack,/);
    expect(ab.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual(['1,miners,miner.honest,miner.honest', '1,validators,validator.honest,validator.lazy', '']);
  });

  it('gives the same pair digest for the same seed and another one for another seed', async () => {
    const a = digestOf(await run([PAIR, '--out', fresh(), '--quiet']));
    const b = digestOf(await run([PAIR, '--out', fresh(), '--quiet']));
    const c = digestOf(await run([PAIR, '--out', fresh(), '--quiet', '--seed', '4']));
    expect(b).toBe(a);
    expect(c).not.toBe(a);
  });

  it('with --no-control runs only the attack, into a normal run directory', async () => {
    const dir = fresh();
    const r = await run([PAIR, '--out', dir, '--no-control']);
    expect(r.code).toBe(0);
    expect(r.err.some((l) => l.startsWith('A/B'))).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(RUN_FILES);
    expect(digestOf(r)).toBe(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).digest);
  });

  it('with --check-determinism runs the pair twice and compares the pair digests', async () => {
    const r = await run([PAIR, '--out', fresh(), '--check-determinism']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('determinism check: OK, both pairs gave the same digest');
    expect(r.err.some((l) => l.startsWith('control 2/2: block'))).toBe(true);
    digestOf(r);
  });

  it('writes nothing when the control run fails after the attack run finished', async () => {
    const dir = join(fresh(), 'nested');
    const failing = join(root, 'tiny-ab-fail.yaml');
    writeFileSync(failing, `${readFileSync(PAIR, 'utf8')}  description: fail-at-block:150\n`);
    const r = await run([failing, '--out', dir]);
    expect(r.code).toBe(1);
    expect(r.err.at(-1)).toBe('yumalab run: invariant violated at block 150: stub failure');
    expect(r.err.some((l) => /^attack: block 300\/300/.test(l))).toBe(true);
    expect(existsSync(join(dir, '..'))).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('on an interrupt during the control run leaves nothing and exits 130', async () => {
    const dir = fresh();
    const interrupt = new AbortController();
    const r = await run([PAIR, '--out', dir, '--set', 'description=slow', '--set', 'duration.blocks=4000'], { ...STUB, interrupt: interrupt.signal }, (line) => {
      if (/^control: block \d+\/4000/.test(line)) interrupt.abort();
    });
    expect(r.code).toBe(130);
    expect(r.out).toEqual([]);
    // The attack run had finished; the control run stopped early.
    expect(r.err.some((l) => l.startsWith('attack: block 4000/4000'))).toBe(true);
    expect(r.err.some((l) => l.startsWith('control: block 4000/4000'))).toBe(false);
    expect(r.err.at(-1)).toBe(`yumalab run: interrupted; nothing was written to ${dir}`);
    expect(existsSync(dir)).toBe(false);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });
});

describe('yumalab run on a scenario with control: (the real loop)', () => {
  it('runs the pair twice to the same digest and compares the groups of both runs', async () => {
    const dir = fresh();
    const r = await run([PAIR, '--out', dir, '--check-determinism', '--quiet'], {});
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(digestOf(r)).toBe(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).digest);
    const ab = readFileSync(join(dir, 'ab.csv'), 'utf8').split('\n');
    expect(ab.slice(1).map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      '1,miners,miner.honest,miner.honest',
      '1,owner,,',
      '1,validators,validator.honest,validator.lazy',
      '',
    ]);
    // The attack side is the same run as the scenario alone.
    const alone = await run([PAIR, '--out', fresh(), '--no-control', '--quiet'], {});
    expect(JSON.parse(readFileSync(join(dir, 'attack', 'manifest.json'), 'utf8')).digest).toBe(digestOf(alone));
  });
});
