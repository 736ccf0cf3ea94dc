/**
 * The columns of `ab.csv`, one row per `AbRow` (compareGroups.ts): netuid, group, kind_attack,
 * kind_control, then `<metric>_attack`, `<metric>_control`, `<metric>_delta` for each compared
 * metric in AbRow's order, and attacker_profit_vs_control_tao. A side where the group is absent
 * is an empty field (its delta counts it as zero). Amounts are exact TAO decimals, ratios
 * formatFloat.
 */
import { formatTao } from '../../primitives/units.ts';
import type { AbPair, AbRow } from '../run/compareGroups.ts';
import { csvInt, type CsvColumn } from './csvTable.ts';
import { formatFloat } from './formatFloat.ts';

function taoColumns(name: string, get: (r: AbRow) => AbPair<bigint>): CsvColumn<AbRow>[] {
  const tao = (x: bigint | null): string => (x === null ? '' : formatTao(x));
  return [
    { name: `${name}_attack`, format: (r) => tao(get(r).attack) },
    { name: `${name}_control`, format: (r) => tao(get(r).control) },
    { name: `${name}_delta`, format: (r) => tao(get(r).delta) },
  ];
}

function ratioColumns(name: string, get: (r: AbRow) => AbPair<number>): CsvColumn<AbRow>[] {
  const ratio = (x: number | null): string => (x === null ? '' : formatFloat(x));
  return [
    { name: `${name}_attack`, format: (r) => ratio(get(r).attack) },
    { name: `${name}_control`, format: (r) => ratio(get(r).control) },
    { name: `${name}_delta`, format: (r) => ratio(get(r).delta) },
  ];
}

export const AB_COLUMNS: readonly CsvColumn<AbRow>[] = [
  { name: 'netuid', format: (r) => csvInt(r.netuid) },
  { name: 'group', format: (r) => r.group },
  { name: 'kind_attack', format: (r) => r.kindAttack ?? '' },
  { name: 'kind_control', format: (r) => r.kindControl ?? '' },
  ...taoColumns('emission_tao', (r) => r.emissionTaoRao),
  ...ratioColumns('emission_share', (r) => r.emissionShare),
  ...ratioColumns('stake_share', (r) => r.stakeShare),
  ...ratioColumns('return_on_stake', (r) => r.returnOnStake),
  ...taoColumns('profit_tao', (r) => r.profitTaoRao),
  ...taoColumns('final_wealth_tao', (r) => r.finalWealthTaoRao),
  { name: 'attacker_profit_vs_control_tao', format: (r) => formatTao(r.attackerProfitVsControlTaoRao) },
];
