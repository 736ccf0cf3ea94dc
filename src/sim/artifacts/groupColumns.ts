/**
 * The columns of `groups.csv`, one per `GroupOutcome` field in the interface's order (see
 * metricsColumns.ts for the conventions: snake_case, unit last, amounts as exact TAO / alpha
 * decimals, ratios with formatFloat). One row per (netuid, group), sorted by netuid then group.
 */
import { formatAlpha, formatTao } from '../../primitives/units.ts';
import type { GroupOutcome } from '../run/groupOutcomes.ts';
import { csvInt, type CsvColumn } from './csvTable.ts';
import { formatFloat } from './formatFloat.ts';

type Columns<Row> = { readonly [K in keyof Row]-?: CsvColumn<Row> };

const GROUPS: Columns<GroupOutcome> = {
  netuid: { name: 'netuid', format: (r) => csvInt(r.netuid) },
  group: { name: 'group', format: (r) => r.group },
  kind: { name: 'kind', format: (r) => r.kind },
  agents: { name: 'agents', format: (r) => csvInt(r.agents) },
  uidsAtEnd: { name: 'uids_at_end', format: (r) => csvInt(r.uidsAtEnd) },
  incentiveAlphaRao: { name: 'incentive_alpha', format: (r) => formatAlpha(r.incentiveAlphaRao) },
  dividendsAlphaRao: { name: 'dividends_alpha', format: (r) => formatAlpha(r.dividendsAlphaRao) },
  emissionTaoRao: { name: 'emission_tao', format: (r) => formatTao(r.emissionTaoRao) },
  emissionShare: { name: 'emission_share', format: (r) => formatFloat(r.emissionShare) },
  stakeShare: { name: 'stake_share', format: (r) => formatFloat(r.stakeShare) },
  initialStakeTaoRao: { name: 'initial_stake_tao', format: (r) => formatTao(r.initialStakeTaoRao) },
  initialWealthTaoRao: { name: 'initial_wealth_tao', format: (r) => formatTao(r.initialWealthTaoRao) },
  finalWealthTaoRao: { name: 'final_wealth_tao', format: (r) => formatTao(r.finalWealthTaoRao) },
  profitTaoRao: { name: 'profit_tao', format: (r) => formatTao(r.profitTaoRao) },
  returnOnStake: { name: 'return_on_stake', format: (r) => formatFloat(r.returnOnStake) },
};

export const GROUP_COLUMNS: readonly CsvColumn<GroupOutcome>[] = Object.values(GROUPS);
