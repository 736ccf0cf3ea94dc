/**
 * Every attack scenario runs from `yumalab run` as an A/B pair (shortened to one simulated day):
 * the command succeeds and writes attack/, control/, the pair manifest and an ab.csv with a row for
 * every group of the scenario. The directions themselves are checked in attacks.direction.test.ts.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../../src/cli/commands/run.ts';
import { loadScenario } from '../../src/sim/scenario/loadScenario.ts';

const DIR = join(resolve(import.meta.dirname, '../..'), 'scenarios', 'attacks');
const FILES = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-attacks-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('yumalab run on the attack library', () => {
  it.each(FILES)('%s writes the A/B pair and ab.csv', async (file) => {
    const out: string[] = [];
    const err: string[] = [];
    const dir = join(root, file);
    const code = await runCommand([join(DIR, file), '--out', dir, '--quiet', '--set', 'duration.days=1'], (l) => out.push(l), (l) => err.push(l));
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatch(/^digest sha256:[0-9a-f]{64}$/);
    expect(readdirSync(dir).sort()).toEqual(['ab.csv', 'attack', 'control', 'manifest.json']);
    const scenario = loadScenario(join(DIR, file));
    const groups = new Set(scenario.subnets.flatMap((s) => s.population.map((g) => `${s.netuid},${g.name}`)));
    const rows = readFileSync(join(dir, 'ab.csv'), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',').slice(0, 2).join(','));
    for (const g of groups) expect(rows).toContain(g);
  }, 120_000);
});
