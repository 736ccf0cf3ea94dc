import { mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readRunDirectory, type RunData } from '../../../src/report/readRunDirectory.ts';
import { ReportError } from '../../../src/report/reportError.ts';
import { corrupt, METRICS_HEADER, metricsCsv, writePairFixture, writeRunFixture } from './runDirFixture.ts';

let root = '';
let n = 0;
const fresh = (): string => join(root, `d${n++}`);
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-report-read-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

async function errorOf(dir: string): Promise<string> {
  try {
    await readRunDirectory(dir);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    const message = (e as Error).message;
    expect(message).not.toContain('\n');
    return message;
  }
  throw new Error('expected a ReportError');
}

async function single(dir: string): Promise<RunData> {
  const r = await readRunDirectory(dir);
  if (r.kind !== 'single') throw new Error('expected a single run');
  return r.run;
}

describe('readRunDirectory: a good single run', () => {
  it('parses the manifest and every table into typed rows', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const run = await single(dir);
    expect(run.manifest.scenario.name).toBe('fixture');
    expect(run.manifest.seed).toBe(7);
    expect(run.metrics).toHaveLength(12);
    expect(run.metrics[0]).toMatchObject({ block: 100, netuid: 1, group: 'cabal', dividendsAlpha: 10, stakeShare: 0.3, validatorTrust: 0.5, issuanceTao: 10_000_100, blockEmissionTao: 1 });
    expect(run.groups.map((g) => [g.group, g.kind])).toEqual([
      ['cabal', 'validator.cabal'],
      ['miners', 'miner.honest'],
      ['owner', ''],
      ['validators', 'validator.honest'],
      ['whale', 'trader.whale'],
    ]);
    expect(run.groups[4]!.profitTao).toBe(-20);
    // Exact text kept for the tables.
    expect(run.groups[0]!.text['return_on_stake']).toBe('0.0166666667');
    expect(run.subnets.map((s) => s.netuid)).toEqual([1]);
  });

  it('keeps only the last recorded epoch of neurons.csv, with quoted fields read correctly', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const run = await single(dir);
    expect(new Set(run.lastNeurons.map((x) => x.block))).toEqual(new Set([300]));
    expect(run.lastNeurons.map((x) => [x.uid, x.group, x.incentive])).toEqual([
      [0, 'owner', 0],
      [1, 'validators', 0],
      [2, 'cabal', 0],
      [3, 'miners', 0.2],
      [4, 'miners', 0.7],
      [5, 'miners', 0.1],
    ]);
  });

  it('reads a run without neurons.csv (the scenario did not ask for it) with no neuron rows', async () => {
    const dir = fresh();
    writeRunFixture(dir, { omit: ['neurons.csv'] });
    expect((await single(dir)).lastNeurons).toEqual([]);
  });
});

describe('readRunDirectory: broken directories are one line naming the directory and the file', () => {
  it('a missing directory or manifest', async () => {
    const dir = fresh();
    expect(await errorOf(dir)).toBe(`${dir}: no such directory`);
    writeRunFixture(dir);
    unlinkSync(join(dir, 'manifest.json'));
    expect(await errorOf(dir)).toBe(`${dir}: manifest.json is missing (not a complete yumalab run directory)`);
  });

  it('a manifest that is not JSON, or not a manifest', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    writeFileSync(join(dir, 'manifest.json'), '{"files": [');
    expect(await errorOf(dir)).toBe(`${dir}: manifest.json is not valid JSON (corrupt or partial run)`);
    writeFileSync(join(dir, 'manifest.json'), '{"files": []}');
    expect(await errorOf(dir)).toMatch(new RegExp(`^${dir}: manifest.json is not a yumalab run manifest \\(`));
  });

  it('a listed file that is missing', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    unlinkSync(join(dir, 'groups.csv'));
    expect(await errorOf(dir)).toBe(`${dir}: groups.csv is missing (the manifest lists it; partial or moved run)`);
  });

  it('a file whose bytes differ from the manifest sha256 (same size, or truncated)', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    corrupt(join(dir, 'metrics.csv'));
    expect(await errorOf(dir)).toBe(`${dir}: metrics.csv does not match its manifest sha256 (corrupt or partial run)`);
    const other = fresh();
    writeRunFixture(other);
    const text = readFileSync(join(other, 'neurons.csv'), 'utf8');
    writeFileSync(join(other, 'neurons.csv'), text.slice(0, text.length / 2));
    expect(await errorOf(other)).toBe(`${other}: neurons.csv does not match its manifest sha256 (corrupt or partial run)`);
  });

  it('a manifest whose digest no longer matches its file list', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const m = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    m.files = m.files.filter((f: { name: string }) => f.name !== 'events.jsonl');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify(m));
    expect(await errorOf(dir)).toBe(`${dir}: manifest.json: digest does not match its file list (edited manifest)`);
  });

  it('a CSV without a column the report needs (the manifest matching it)', async () => {
    const dir = fresh();
    writeRunFixture(dir, { override: { 'metrics.csv': metricsCsv().replace(METRICS_HEADER, METRICS_HEADER.replace('emission_share', 'emission_sharez')) } });
    expect(await errorOf(dir)).toBe(`${dir}: metrics.csv has no column 'emission_share' (not a yumalab artifact of this version?)`);
  });

  it('a row with a wrong field count or a cell that is not a number', async () => {
    const dir = fresh();
    writeRunFixture(dir, { override: { 'metrics.csv': `${metricsCsv()}400,1,1,miners\n` } });
    expect(await errorOf(dir)).toBe(`${dir}: metrics.csv line 14: expected 16 fields, got 4`);
    const other = fresh();
    writeRunFixture(other, { override: { 'metrics.csv': metricsCsv().replace('\n100,', '\nabc,') } });
    expect(await errorOf(other)).toBe(`${other}: metrics.csv line 2: column 'block' is not a number: 'abc'`);
  });

  it('a manifest without one of the tables', async () => {
    const dir = fresh();
    writeRunFixture(dir, { omit: ['subnets.csv'] });
    expect(await errorOf(dir)).toBe(`${dir}: manifest.json does not list subnets.csv (not a yumalab run directory of this version)`);
  });
});

describe('readRunDirectory: A/B pairs', () => {
  it('reads both runs and ab.csv, with absent sides as null', async () => {
    const dir = fresh();
    writePairFixture(dir);
    const r = await readRunDirectory(dir);
    if (r.kind !== 'ab') throw new Error('expected a pair');
    expect(r.pair.attack.dir).toBe(join(dir, 'attack'));
    expect(r.pair.control.subnets[0]!.text['final_moving_price_tao']).toBe('0.0202');
    expect(r.pair.ab.map((x) => [x.group, x.emissionTao.attack, x.emissionTao.control, x.emissionTao.delta])).toEqual([
      ['cabal', 0.5, 0.8, -0.3],
      ['miners', 2.5, 2.2, 0.3],
      ['newcomer', 1, null, 1],
    ]);
  });

  it('refuses a pair whose control run is not the one its manifest names', async () => {
    const dir = fresh();
    writePairFixture(dir, { controlDigest: `sha256:${'0'.repeat(64)}` });
    expect(await errorOf(dir)).toBe(`${dir}: control/manifest.json digest does not match the pair manifest (corrupt or mixed-up pair)`);
  });

  it('refuses a pair with a corrupt file inside one of its runs', async () => {
    const dir = fresh();
    writePairFixture(dir);
    corrupt(join(dir, 'attack', 'groups.csv'));
    expect(await errorOf(dir)).toBe(`${join(dir, 'attack')}: groups.csv does not match its manifest sha256 (corrupt or partial run)`);
  });

  it('refuses a corrupt ab.csv', async () => {
    const dir = fresh();
    writePairFixture(dir);
    corrupt(join(dir, 'ab.csv'));
    expect(await errorOf(dir)).toBe(`${dir}: ab.csv does not match its manifest sha256 (corrupt or partial run)`);
  });
});
