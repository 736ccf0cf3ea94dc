/**
 * The key metrics of a finished scenario run directory, for one row of `summary.csv`: length and
 * final issuance from the manifest; per group `sn<netuid>.<group>.<metric>` (emission and stake
 * shares, incentive, dividends, emission in TAO, profit, return on stake) from groups.csv; per
 * subnet `sn<netuid>.<metric>` (TAO emission share, prices) from subnets.csv. For an A/B pair the
 * attack run's metrics, plus `….<metric>_delta` (attack − control) and the attacker's profit
 * against the control from ab.csv. Values are the files' own text.
 */
import { AB_FILE, ATTACK_DIR } from '../artifacts/writeAbArtifacts.ts';
import { GROUPS_FILE, MANIFEST_FILE, SUBNETS_FILE } from '../artifacts/writeRunArtifacts.ts';
import { csvRecords } from './csvRecords.ts';

const GROUP_METRICS = ['emission_share', 'stake_share', 'incentive_alpha', 'dividends_alpha', 'emission_tao', 'profit_tao', 'return_on_stake'] as const;
const SUBNET_METRICS = ['tao_emission_share', 'final_price_tao', 'max_price_tao'] as const;
const AB_METRICS = ['emission_share_delta', 'stake_share_delta', 'return_on_stake_delta', 'profit_tao_delta', 'attacker_profit_vs_control_tao'] as const;

export function scenarioMetricFiles(shape: 'single' | 'pair'): string[] {
  const run = [MANIFEST_FILE, GROUPS_FILE, SUBNETS_FILE];
  return shape === 'single' ? run : [MANIFEST_FILE, AB_FILE, ...run.map((f) => `${ATTACK_DIR}/${f}`)];
}

export function scenarioRunMetrics(files: ReadonlyMap<string, string>): Map<string, string> {
  const pair = files.has(AB_FILE);
  const prefix = pair ? `${ATTACK_DIR}/` : '';
  const read = (name: string): string => {
    const text = files.get(name);
    if (text === undefined) throw new Error(`run directory lacks ${name}`);
    return text;
  };
  const out = new Map<string, string>();
  const manifest = JSON.parse(read(`${prefix}${MANIFEST_FILE}`)) as { blocks_run: number; epochs_run: number; final_issuance_tao: string };
  out.set('blocks', String(manifest.blocks_run));
  out.set('epochs', String(manifest.epochs_run));
  out.set('final_issuance_tao', manifest.final_issuance_tao);
  for (const g of csvRecords(read(`${prefix}${GROUPS_FILE}`))) for (const m of GROUP_METRICS) out.set(`sn${g.netuid}.${g.group}.${m}`, g[m] ?? '');
  for (const s of csvRecords(read(`${prefix}${SUBNETS_FILE}`))) for (const m of SUBNET_METRICS) out.set(`sn${s.netuid}.${m}`, s[m] ?? '');
  if (pair) for (const r of csvRecords(read(AB_FILE))) for (const m of AB_METRICS) out.set(`sn${r.netuid}.${r.group}.${m}`, r[m] ?? '');
  return out;
}
