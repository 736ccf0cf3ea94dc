/**
 * Hand-made run directories for the report tests: small CSVs written here, and a manifest whose
 * sha256s and digest are computed from them exactly as the run writer does, so a test can break
 * one thing at a time (a file, a header, the manifest). One subnet (netuid 1) with honest and
 * cabal validators, honest miners, the owner and a whale trader; three recorded epochs.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runDigest } from '../../../src/sim/artifacts/runDigest.ts';

export const METRICS_HEADER =
  'block,day,netuid,group,uids,incentive_alpha,dividends_alpha,stake_share,emission_share,validator_trust,consensus,alpha_price,pool_tao,pool_alpha,issuance_tao,block_emission_tao';

/** Rows: block, group, incentive, dividends, stake share, emission share, validator trust. */
const METRIC_ROWS: readonly (readonly [number, string, string, string, string, string, string])[] = [
  [100, 'cabal', '0', '10', '0.3', '0.1', '0.5'],
  [100, 'miners', '40', '0', '0', '0.5', '0'],
  [100, 'owner', '0', '0', '0', '0', '0'],
  [100, 'validators', '0', '30', '0.7', '0.4', '0.9'],
  [200, 'cabal', '0', '8', '0.28', '0.08', '0.4'],
  [200, 'miners', '41', '0', '0', '0.5', '0'],
  [200, 'owner', '0', '0', '0', '0', '0'],
  [200, 'validators', '0', '32', '0.72', '0.42', '0.95'],
  [300, 'cabal', '0', '6', '0.25', '0.06', '0.3'],
  [300, 'miners', '42', '0', '0', '0.5', '0'],
  [300, 'owner', '0', '0', '0', '0', '0'],
  [300, 'validators', '0', '34', '0.75', '0.44', '1'],
];

export function metricsCsv(): string {
  const lines = METRIC_ROWS.map(([block, group, inc, div, stake, em, vt]) => {
    const price = (0.02 + block / 100_000).toString();
    const poolTao = 1000 + block;
    return `${block},${block / 7200},1,${group},2,${inc},${div},${stake},${em},${vt},0.5,${price},${poolTao},50000,${10_000_000 + block},1`;
  });
  return `${METRICS_HEADER}\n${lines.join('\n')}\n`;
}

export const NEURONS_HEADER =
  'block,netuid,uid,hotkey,group,stake_alpha,stake_weight,incentive,dividends,consensus,validator_trust,validator_permit,emission_alpha,incentive_credit_alpha,dividend_credit_alpha';

export function neuronsCsv(): string {
  const rows: string[] = [];
  for (const block of [100, 300]) {
    // At block 100 miner 3 leads; at 300 miner 4 does, so a chart of the last epoch must rank 4 first.
    const inc = block === 100 ? ['0.6', '0.3', '0.1'] : ['0.2', '0.7', '0.1'];
    rows.push(`${block},1,0,o,owner,0,0,0,0,0,0,1,0,0,0`);
    rows.push(`${block},1,1,v1,validators,100,0.7,0,0.7,0,1,1,5,0,5`);
    rows.push(`${block},1,2,c1,cabal,30,0.3,0,0.3,0,0.3,1,2,0,2`);
    rows.push(`${block},1,3,"m,0",miners,0,0,${inc[0]},0,0.6,0,0,1,1,0`);
    rows.push(`${block},1,4,m1,miners,0,0,${inc[1]},0,0.3,0,0,1,1,0`);
    rows.push(`${block},1,5,m2,miners,0,0,${inc[2]},0,0.1,0,0,1,1,0`);
  }
  return `${NEURONS_HEADER}\n${rows.join('\n')}\n`;
}

export const GROUPS_CSV = `netuid,group,kind,agents,uids_at_end,incentive_alpha,dividends_alpha,emission_tao,emission_share,stake_share,initial_stake_tao,initial_wealth_tao,final_wealth_tao,profit_tao,return_on_stake
1,cabal,validator.cabal,1,1,0,24,0.5,0.08,0.28,30,30,30.5,0.5,0.0166666667
1,miners,miner.honest,3,3,123,0,2.5,0.5,0,0,0,2.5,2.5,0
1,owner,,0,1,0,0,0,0,0,0,0,1,1,0
1,validators,validator.honest,1,1,0,96,1.9,0.42,0.72,100,100,101.9,1.9,0.019
1,whale,trader.whale,1,0,0,0,0,0,0,0,500,480,-20,0
`;

export const SUBNETS_CSV = `netuid,tao_emission_tao,tao_emission_share,initial_price_tao,max_price_tao,final_price_tao,final_moving_price_tao
1,300,1,0.02,0.023,0.023,0.0201
`;

export const EVENTS_JSONL = '{"block":0,"kind":"run_start","what":"fixture"}\n';

export interface FixtureOptions {
  readonly name?: string;
  readonly seed?: number;
  /** Replaces a file's text before the manifest is computed. */
  readonly override?: Readonly<Record<string, string>>;
  /** Leaves a file out of the manifest and the directory. */
  readonly omit?: readonly string[];
}

const sha = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

/** Writes a complete run directory at `dir` and returns its manifest. */
export function writeRunFixture(dir: string, o: FixtureOptions = {}): { digest: string; files: { name: string; sha256: string; bytes: number }[] } {
  mkdirSync(dir, { recursive: true });
  const texts: Record<string, string> = {
    'events.jsonl': EVENTS_JSONL,
    'groups.csv': GROUPS_CSV,
    'metrics.csv': metricsCsv(),
    'neurons.csv': neuronsCsv(),
    'subnets.csv': SUBNETS_CSV,
    ...o.override,
  };
  const files = Object.keys(texts)
    .filter((n) => !(o.omit ?? []).includes(n))
    .sort()
    .map((name) => {
      writeFileSync(join(dir, name), texts[name]!);
      const bytes = Buffer.from(texts[name]!, 'utf8');
      return { name, sha256: sha(bytes), bytes: bytes.length };
    });
  const digest = `sha256:${runDigest(files)}`;
  const manifest = {
    yumalab_version: '0.1.0',
    scenario: { name: o.name ?? 'fixture', file: 'scenarios/fixture.yaml', file_sha256: 'a'.repeat(64), resolved_sha256: 'b'.repeat(64) },
    seed: o.seed ?? 7,
    numeric_mode: 'chain',
    rules_version: '14bc6f9',
    duration_blocks: 300,
    blocks_run: 300,
    epochs_run: 3,
    final_issuance_tao: '10000300',
    files,
    digest,
    generated_at: '2026-01-01T00:00:00.000Z',
    command: ['yumalab', 'run', 'scenarios/fixture.yaml'],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { digest, files };
}

export const AB_CSV = `netuid,group,kind_attack,kind_control,emission_tao_attack,emission_tao_control,emission_tao_delta,profit_tao_attack,profit_tao_control,profit_tao_delta,attacker_profit_vs_control_tao
1,cabal,validator.cabal,validator.honest,0.5,0.8,-0.3,0.5,0.8,-0.3,-0.3
1,miners,miner.honest,miner.honest,2.5,2.2,0.3,2.5,2.2,0.3,0.3
1,newcomer,miner.copier,,1,,1,-2,,-2,-2
`;

/** An A/B pair directory: attack/ and control/ run fixtures, ab.csv and the pair manifest. */
export function writePairFixture(dir: string, o: { readonly abCsv?: string; readonly controlDigest?: string } = {}): void {
  const attack = writeRunFixture(join(dir, 'attack'), { name: 'fixture' });
  const control = writeRunFixture(join(dir, 'control'), { name: 'fixture', seed: 7, override: { 'subnets.csv': SUBNETS_CSV.replace('0.0201', '0.0202') } });
  const abText = o.abCsv ?? AB_CSV;
  writeFileSync(join(dir, 'ab.csv'), abText);
  const files = [{ name: 'ab.csv', sha256: sha(abText), bytes: Buffer.byteLength(abText) }];
  const controlDigest = o.controlDigest ?? control.digest;
  const hex = (d: string): string => d.slice('sha256:'.length);
  const manifest = {
    yumalab_version: '0.1.0',
    kind: 'ab',
    scenario: { name: 'fixture', file: 'scenarios/fixture.yaml', file_sha256: 'a'.repeat(64), resolved_sha256: 'b'.repeat(64) },
    seed: 7,
    numeric_mode: 'chain',
    control_overrides: [{ path: 'subnets.0.population.1.kind', value: 'validator.honest' }],
    runs: [
      { name: 'attack', resolved_sha256: 'b'.repeat(64), digest: attack.digest },
      { name: 'control', resolved_sha256: 'c'.repeat(64), digest: controlDigest },
    ],
    files,
    digest: `sha256:${runDigest([...files, { name: 'attack', sha256: hex(attack.digest) }, { name: 'control', sha256: hex(controlDigest) }])}`,
    generated_at: '2026-01-01T00:00:00.000Z',
    command: ['yumalab', 'run', 'scenarios/fixture.yaml'],
  };
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
}

/** Rewrites one byte-range of a file in place (keeps its size, breaks its sha256). */
export function corrupt(path: string): void {
  const data = readFileSync(path);
  data[data.length - 2] = data[data.length - 2] === 0x30 ? 0x31 : 0x30;
  writeFileSync(path, data);
}
