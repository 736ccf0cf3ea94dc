import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AB_COLUMNS } from '../../../../src/sim/artifacts/abColumns.ts';
import { csvHeader, csvLine } from '../../../../src/sim/artifacts/csvTable.ts';
import type { RunTotals } from '../../../../src/sim/artifacts/runManifest.ts';
import { writeAbArtifacts, type AbArtifactsRequest, type AbSide } from '../../../../src/sim/artifacts/writeAbArtifacts.ts';
import { compareGroups } from '../../../../src/sim/run/compareGroups.ts';
import type { GroupOutcome } from '../../../../src/sim/run/groupOutcomes.ts';
import type { RunRecorder } from '../../../../src/sim/run/records.ts';
import { loadScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import type { Scenario } from '../../../../src/sim/scenario/scenario.ts';

const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');

const SCENARIO_TEXT = `name: pair
seed: 3
duration: {blocks: 300}
subnets:
  - name: small
    tempo: 99
    pool: {tao: 1000, alpha: 50000}
    hyperparameters: {max_allowed_uids: 16}
    population:
      - {name: validators, kind: validator.honest, count: 2, stake: {distribution: fixed, amount: 1000}}
      - {name: miners, kind: miner.honest, count: 5}
control:
  subnets.0.population.0.kind: validator.lazy
  subnets.0.tempo: 50
`;

function outcome(group: string, kind: string, profitTaoRao: bigint): GroupOutcome {
  return {
    netuid: 1, group, kind, agents: 2, uidsAtEnd: 2, incentiveAlphaRao: 0n, dividendsAlphaRao: 1n, emissionTaoRao: 2_500_000_000n,
    emissionShare: 0.5, stakeShare: 0.25, initialStakeTaoRao: 0n, initialWealthTaoRao: 0n, finalWealthTaoRao: profitTaoRao,
    profitTaoRao, returnOnStake: 0,
  };
}

/** A stand-in for the run loop: one metrics row and fixed outcomes per side (the control differs by kind and profit). */
function fakeExecute(failOn: AbSide | null = null) {
  return (side: AbSide, scenario: Scenario, recorder: RunRecorder): RunTotals => {
    recorder.event({ block: 0, kind: 'run_start', what: scenario.name, detail: { side } });
    if (side === failOn) throw new Error(`${side} failed at block 7`);
    const kind = scenario.subnets[0]!.population[0]!.kind;
    return { blocks: 300, epochs: 3, finalIssuanceRao: 1n, groups: [outcome('validators', kind, side === 'attack' ? 1_000_000_000n : -500_000_000n), ...(side === 'attack' ? [outcome('miners', 'miner.honest', 0n)] : [])], subnets: [] };
  };
}

let root = '';
let scenario: Scenario;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-ab-'));
  const file = join(root, 'pair.yaml');
  writeFileSync(file, SCENARIO_TEXT);
  scenario = loadScenario(file);
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
function request(extra: Partial<AbArtifactsRequest> = {}): AbArtifactsRequest {
  return { scenario, outDir: join(root, `pair-${n++}`, 'seed'), tag: 'test', command: ['yumalab', 'run', 'pair.yaml'], generatedAt: () => '2025-01-01T00:00:00.000Z', execute: fakeExecute(), ...extra };
}

describe('ab.csv columns', () => {
  it('write kinds, each metric for attack, control and delta, and the attacker profit, empty where a group is absent', () => {
    const rows = compareGroups([outcome('validators', 'validator.cabal', 1_000_000_000n), outcome('miners', 'miner.honest', 1n)], [outcome('validators', 'validator.honest', -500_000_000n)]);
    expect(csvHeader(AB_COLUMNS) + rows.map((r) => csvLine(AB_COLUMNS, r)).join('')).toBe(
      'netuid,group,kind_attack,kind_control,' +
        'emission_tao_attack,emission_tao_control,emission_tao_delta,emission_share_attack,emission_share_control,emission_share_delta,' +
        'stake_share_attack,stake_share_control,stake_share_delta,return_on_stake_attack,return_on_stake_control,return_on_stake_delta,' +
        'profit_tao_attack,profit_tao_control,profit_tao_delta,final_wealth_tao_attack,final_wealth_tao_control,final_wealth_tao_delta,' +
        'attacker_profit_vs_control_tao\n' +
        '1,miners,miner.honest,,2.5,,2.5,0.5,,0.5,0.25,,0.25,0,,0,0.000000001,,0.000000001,0.000000001,,0.000000001,0.000000001\n' +
        '1,validators,validator.cabal,validator.honest,2.5,2.5,0,0.5,0.5,0,0.25,0.25,0,0,0,0,1,-0.5,1.5,1,-0.5,1.5,1.5\n',
    );
  });
});

describe('writeAbArtifacts', () => {
  it('writes attack/ and control/ as complete run directories, then ab.csv and the pair manifest', () => {
    const req = request();
    const written = writeAbArtifacts(req);
    expect(readdirSync(req.outDir).sort()).toEqual(['ab.csv', 'attack', 'control', 'manifest.json']);
    for (const side of ['attack', 'control']) expect(readdirSync(join(req.outDir, side)).sort()).toEqual(['events.jsonl', 'groups.csv', 'manifest.json', 'metrics.csv', 'neurons.csv', 'subnets.csv']);
    // Each side ran its own scenario: the control has the overridden kind in its groups.csv.
    expect(readFileSync(join(req.outDir, 'attack', 'groups.csv'), 'utf8')).toContain('1,validators,validator.honest,');
    expect(readFileSync(join(req.outDir, 'control', 'groups.csv'), 'utf8')).toContain('1,validators,validator.lazy,');
    const ab = readFileSync(join(req.outDir, 'ab.csv'), 'utf8').split('\n');
    expect(ab.slice(1)).toEqual([expect.stringMatching(/^1,miners,miner.honest,,/), expect.stringMatching(/^1,validators,validator.honest,validator.lazy,.*,1.5$/), '']);

    const manifest = JSON.parse(readFileSync(join(req.outDir, 'manifest.json'), 'utf8'));
    expect(manifest).toEqual(written.manifest);
    const attack = JSON.parse(readFileSync(join(req.outDir, 'attack', 'manifest.json'), 'utf8'));
    const control = JSON.parse(readFileSync(join(req.outDir, 'control', 'manifest.json'), 'utf8'));
    expect(attack.scenario.resolved_sha256).not.toBe(control.scenario.resolved_sha256);
    expect(manifest).toMatchObject({
      kind: 'ab', seed: 3, numeric_mode: 'chain',
      control_overrides: [{ path: 'subnets.0.population.0.kind', value: 'validator.lazy' }, { path: 'subnets.0.tempo', value: 50 }],
      runs: [
        { name: 'attack', resolved_sha256: attack.scenario.resolved_sha256, digest: attack.digest },
        { name: 'control', resolved_sha256: control.scenario.resolved_sha256, digest: control.digest },
      ],
      files: [{ name: 'ab.csv', sha256: sha(readFileSync(join(req.outDir, 'ab.csv'))), bytes: readFileSync(join(req.outDir, 'ab.csv')).length }],
      generated_at: '2025-01-01T00:00:00.000Z',
      command: ['yumalab', 'run', 'pair.yaml'],
    });
    const lines = [`ab.csv ${manifest.files[0].sha256}\n`, `attack ${attack.digest.slice(7)}\n`, `control ${control.digest.slice(7)}\n`];
    expect(manifest.digest).toBe(`sha256:${sha(lines.join(''))}`);
  });

  it('gives the same pair digest for the same runs at another time, and another one when a side changes', () => {
    const a = writeAbArtifacts(request());
    const b = writeAbArtifacts(request({ generatedAt: () => '2030-01-01T00:00:00.000Z' }));
    expect(b.manifest.digest).toBe(a.manifest.digest);
    const changed = writeAbArtifacts(
      request({ execute: (side, s, r) => ({ ...fakeExecute()(side, s, r), ...(side === 'control' ? { groups: [outcome('validators', 'validator.lazy', 0n)] } : {}) }) }),
    );
    expect(changed.attack.digest).toBe(a.attack.digest);
    expect(changed.control.digest).not.toBe(a.control.digest);
    expect(changed.manifest.digest).not.toBe(a.manifest.digest);
  });

  it('leaves nothing when the control run fails after the attack run completed', () => {
    const req = request({ execute: fakeExecute('control') });
    expect(() => writeAbArtifacts(req)).toThrow('control failed at block 7');
    expect(existsSync(join(req.outDir, '..'))).toBe(false);
  });

  it('keeps an existing directory as it was when the pair fails, and replaces it when the pair completes', () => {
    const dir = join(root, 'existing');
    mkdirSync(dir);
    writeFileSync(join(dir, 'old.txt'), 'old');
    expect(() => writeAbArtifacts(request({ outDir: dir, execute: fakeExecute('attack') }))).toThrow('attack failed');
    expect(readdirSync(dir)).toEqual(['old.txt']);
    writeAbArtifacts(request({ outDir: dir }));
    expect(readdirSync(dir).sort()).toEqual(['ab.csv', 'attack', 'control', 'manifest.json']);
    expect(readdirSync(root).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('refuses a scenario without a control: section', () => {
    expect(() => writeAbArtifacts(request({ scenario: { ...scenario, control: null } }))).toThrow(/no control/);
  });
});
