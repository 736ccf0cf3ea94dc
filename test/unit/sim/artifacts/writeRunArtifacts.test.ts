import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeRunArtifacts, type RunArtifactsRequest } from '../../../../src/sim/artifacts/writeRunArtifacts.ts';
import type { RunManifest, RunTotals } from '../../../../src/sim/artifacts/runManifest.ts';
import type { SubnetOutcome } from '../../../../src/sim/run/subnetOutcomes.ts';
import type { GroupOutcome } from '../../../../src/sim/run/groupOutcomes.ts';
import type { MetricsRow, NeuronRow, RunRecorder } from '../../../../src/sim/run/records.ts';
import { loadScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { YUMALAB_VERSION } from '../../../../src/sim/version.ts';

const TINY = resolve(import.meta.dirname, '../../../fixtures/run/tiny.yaml');
const scenario = loadScenario(TINY);
const sha = (b: string | Buffer): string => createHash('sha256').update(b).digest('hex');

const METRICS_ROW: MetricsRow = {
  block: 360, day: 0.05, netuid: 1, group: 'miners', uids: 239,
  incentiveRao: 1_234_567_890_123n, dividendsRao: 1n, stakeShare: 0.25, emissionShare: 1 / 3,
  validatorTrust: 0, consensus: 0.5, alphaPrice: 0.02, poolTaoRao: 20_000_000_000_000n,
  poolAlphaRao: 1_000_000_500_000_000n, issuanceRao: 10_000_000_000_000_000n, blockEmissionRao: 1_000_000_000n,
};
const NEURON_ROW: NeuronRow = {
  block: 360, netuid: 1, uid: 17, hotkey: 'sn1,hot', group: 'validators', stakeRao: 20_000_000_000_000n,
  stakeWeight: 0.5, incentive: 0, dividends: 0.125, consensus: 0, validatorTrust: 1, validatorPermit: true,
  emissionRao: 999_999_999n, incentiveCreditRao: 0n, dividendCreditRao: 123_000_000_000n,
};
const GROUP_ROW: GroupOutcome = {
  netuid: 1, group: 'cabal,1', kind: 'validator.cabal', agents: 3, uidsAtEnd: 2,
  incentiveAlphaRao: 0n, dividendsAlphaRao: 1_500_000_000_001n, emissionTaoRao: 30_000_000_000n,
  emissionShare: 2 / 3, stakeShare: 0.125, initialStakeTaoRao: 100_000_000_000n, initialWealthTaoRao: 150_000_000_000n,
  finalWealthTaoRao: 149_999_999_999n, profitTaoRao: -1n, returnOnStake: 0.3,
};
const SUBNET_ROW: SubnetOutcome = { netuid: 1, taoEmissionRao: 1_000_000_000_001n, taoEmissionShare: 0.25, initialPriceTao: 0.02, maxPriceTao: 0.03, finalPriceTao: 0.025, finalMovingPriceTao: 0.021 };
const TOTALS: RunTotals = { blocks: 360, epochs: 1, finalIssuanceRao: 10_000_000_500_000_000n, groups: [GROUP_ROW, { ...GROUP_ROW, netuid: 2, group: 'owner', kind: '', profitTaoRao: 2_000_000_000n }], subnets: [SUBNET_ROW] };

let root = '';
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-artifacts-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

let n = 0;
function request(execute: (r: RunRecorder) => typeof TOTALS, extra: Partial<RunArtifactsRequest> = {}): RunArtifactsRequest {
  return { scenario, outDir: join(root, `run-${n++}`, 'seed'), tag: 'test', command: ['yumalab', 'run', 'tiny.yaml'], generatedAt: () => '2025-01-01T00:00:00.000Z', execute, ...extra };
}

function writeOneOfEach(r: RunRecorder): typeof TOTALS {
  r.metrics(METRICS_ROW);
  r.neuron(NEURON_ROW);
  r.event({ block: 360, kind: 'action', agent: 'sn1.validators.0', what: 'set_weights', detail: { count: 5 } });
  return TOTALS;
}

describe('writeRunArtifacts', () => {
  it('writes metrics.csv with the field-order header and exact decimal amounts', () => {
    const req = request(writeOneOfEach);
    writeRunArtifacts(req);
    expect(readFileSync(join(req.outDir, 'metrics.csv'), 'utf8')).toBe(
      'block,day,netuid,group,uids,incentive_alpha,dividends_alpha,stake_share,emission_share,validator_trust,consensus,alpha_price,pool_tao,pool_alpha,issuance_tao,block_emission_tao\n' +
        '360,0.05,1,miners,239,1234.567890123,0.000000001,0.25,0.333333333,0,0.5,0.02,20000,1000000.5,10000000,1\n',
    );
    expect(readFileSync(join(req.outDir, 'neurons.csv'), 'utf8')).toBe(
      'block,netuid,uid,hotkey,group,stake_alpha,stake_weight,incentive,dividends,consensus,validator_trust,validator_permit,emission_alpha,incentive_credit_alpha,dividend_credit_alpha\n' +
        '360,1,17,"sn1,hot",validators,20000,0.5,0,0.125,0,1,1,0.999999999,0,123\n',
    );
    expect(readFileSync(join(req.outDir, 'events.jsonl'), 'utf8')).toBe('{"block":360,"kind":"action","agent":"sn1.validators.0","what":"set_weights","detail":{"count":5}}\n');
  });

  it('writes groups.csv from the run totals: one row per group in the order given, exact signed TAO amounts', () => {
    const req = request(writeOneOfEach);
    writeRunArtifacts(req);
    expect(readFileSync(join(req.outDir, 'groups.csv'), 'utf8')).toBe(
      'netuid,group,kind,agents,uids_at_end,incentive_alpha,dividends_alpha,emission_tao,emission_share,stake_share,initial_stake_tao,initial_wealth_tao,final_wealth_tao,profit_tao,return_on_stake\n' +
        '1,"cabal,1",validator.cabal,3,2,0,1500.000000001,30,0.666666667,0.125,100,150,149.999999999,-0.000000001,0.3\n' +
        '2,owner,,3,2,0,1500.000000001,30,0.666666667,0.125,100,150,149.999999999,2,0.3\n',
    );
  });

  it('writes subnets.csv from the run totals: exact TAO emission, shares and prices', () => {
    const req = request(writeOneOfEach);
    writeRunArtifacts(req);
    expect(readFileSync(join(req.outDir, 'subnets.csv'), 'utf8')).toBe(
      'netuid,tao_emission_tao,tao_emission_share,initial_price_tao,max_price_tao,final_price_tao,final_moving_price_tao\n' + '1,1000.000000001,0.25,0.02,0.03,0.025,0.021\n',
    );
  });

  it('writes a manifest whose file hashes and sizes match the bytes on disk and whose digest covers them', () => {
    const req = request(writeOneOfEach);
    const returned = writeRunArtifacts(req);
    const manifest = JSON.parse(readFileSync(join(req.outDir, 'manifest.json'), 'utf8')) as RunManifest;
    expect(manifest).toEqual(returned);
    expect(readdirSync(req.outDir).sort()).toEqual(['events.jsonl', 'groups.csv', 'manifest.json', 'metrics.csv', 'neurons.csv', 'subnets.csv']);
    const lines: string[] = [];
    for (const f of manifest.files) {
      const bytes = readFileSync(join(req.outDir, f.name));
      expect(f.sha256).toBe(sha(bytes));
      expect(f.bytes).toBe(bytes.length);
      lines.push(`${f.name} ${f.sha256}\n`);
    }
    expect(manifest.files.map((f) => f.name)).toEqual(['events.jsonl', 'groups.csv', 'metrics.csv', 'neurons.csv', 'subnets.csv']);
    expect(manifest.digest).toBe(`sha256:${sha(lines.join(''))}`);
    expect(manifest.scenario).toEqual({ name: 'tiny', file: TINY, file_sha256: sha(readFileSync(TINY)), resolved_sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(manifest).toMatchObject({
      yumalab_version: YUMALAB_VERSION, seed: 3, numeric_mode: 'chain', rules_version: '14bc6f9',
      mechanism: { source: 'chain', name: 'yuma3_on per subnet' }, emission_rule: 'price', duration_blocks: 300,
      blocks_run: 360, epochs_run: 1, final_issuance_tao: '10000000.5', generated_at: '2025-01-01T00:00:00.000Z',
      command: ['yumalab', 'run', 'tiny.yaml'],
    });
  });

  it('covers groups.csv in the digest: different group outcomes give a different digest', () => {
    const a = writeRunArtifacts(request(writeOneOfEach));
    const b = writeRunArtifacts(request((r) => (writeOneOfEach(r), { ...TOTALS, groups: [{ ...GROUP_ROW, profitTaoRao: 0n }] })));
    expect(b.files.find((f) => f.name === 'metrics.csv')).toEqual(a.files.find((f) => f.name === 'metrics.csv'));
    expect(b.files.find((f) => f.name === 'groups.csv')!.sha256).not.toBe(a.files.find((f) => f.name === 'groups.csv')!.sha256);
    expect(b.digest).not.toBe(a.digest);
  });

  it('keeps generated_at out of the digest: runs at different times have the same digest', () => {
    const a = writeRunArtifacts(request(writeOneOfEach, { generatedAt: () => '2025-01-01T00:00:00.000Z' }));
    const b = writeRunArtifacts(request(writeOneOfEach, { generatedAt: () => '2031-06-30T12:34:56.789Z', command: ['yumalab', 'run', 'other'] }));
    expect(a.generated_at).not.toBe(b.generated_at);
    expect(b.digest).toBe(a.digest);
    const c = writeRunArtifacts(request((r) => writeOneOfEach(r) && (r.metrics({ ...METRICS_ROW, block: 720 }), TOTALS)));
    expect(c.digest).not.toBe(a.digest);
  });

  it('hashes the resolved scenario: an override changes it, the path it was loaded by does not', () => {
    const base = writeRunArtifacts(request(writeOneOfEach));
    const reseeded = writeRunArtifacts(request(writeOneOfEach, { scenario: loadScenario(TINY, [{ path: 'seed', value: 4, label: '--seed' }]) }));
    expect(reseeded.scenario.resolved_sha256).not.toBe(base.scenario.resolved_sha256);
    expect(reseeded.scenario.file_sha256).toBe(base.scenario.file_sha256);
    const relative = writeRunArtifacts(request(writeOneOfEach, { scenario: { ...scenario, file: join(import.meta.dirname, '../../../fixtures/run/../run/tiny.yaml') } }));
    expect(relative.scenario.resolved_sha256).toBe(base.scenario.resolved_sha256);
  });

  it('streams into temporary names during the run: no final name exists before the run ends', () => {
    const req = request((r) => {
      for (let i = 0; i < 5000; i++) r.metrics({ ...METRICS_ROW, block: i });
      const names = readdirSync(req.outDir).sort();
      expect(names).toEqual(['.events.jsonl.test.tmp', '.metrics.csv.test.tmp', '.neurons.csv.test.tmp']);
      // More than the write buffer has gone to disk already.
      expect(readFileSync(join(req.outDir, '.metrics.csv.test.tmp')).length).toBeGreaterThan(65536);
      return TOTALS;
    });
    writeRunArtifacts(req);
    expect(readFileSync(join(req.outDir, 'metrics.csv'), 'utf8').split('\n')).toHaveLength(5002);
  });

  it('leaves nothing behind when the run fails midway, and removes the directories it created', () => {
    const req = request((r) => {
      for (let i = 0; i < 5000; i++) r.metrics({ ...METRICS_ROW, block: i });
      r.event({ block: 5000, kind: 'action', what: 'x' });
      throw new Error('invariant violated at block 5000');
    });
    expect(() => writeRunArtifacts(req)).toThrow('invariant violated at block 5000');
    expect(existsSync(req.outDir)).toBe(false);
    expect(existsSync(join(req.outDir, '..'))).toBe(false);
  });

  it('keeps a directory that existed before a failed run, with its other files, and removes only its own', () => {
    const dir = join(root, 'existing');
    mkdirSync(dir);
    const req = request(() => {
      throw new Error('interrupted');
    }, { outDir: dir });
    expect(() => writeRunArtifacts(req)).toThrow('interrupted');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('writes header-only CSVs and an empty events file for a run that records nothing', () => {
    const req = request(() => ({ ...TOTALS, groups: [] }));
    const m = writeRunArtifacts(req);
    expect(readFileSync(join(req.outDir, 'metrics.csv'), 'utf8').split('\n')).toEqual([expect.stringMatching(/^block,day,/), '']);
    expect(readFileSync(join(req.outDir, 'groups.csv'), 'utf8').split('\n')).toEqual([expect.stringMatching(/^netuid,group,kind,/), '']);
    expect(m.files.find((f) => f.name === 'events.jsonl')).toEqual({ name: 'events.jsonl', sha256: sha(''), bytes: 0 });
  });
});
