/**
 * The columns of `metrics.csv`, one per `MetricsRow` field in the interface's order, snake_case,
 * with the unit last (`incentive_alpha`: the row's `incentiveRao` written as exact alpha).
 * Amounts are exact decimals (`formatTao`/`formatAlpha`, no rounding, no separators), ratios
 * `formatFloat`. The mapped type makes the compiler reject a field without a column.
 */
import { formatAlpha, formatTao } from '../../primitives/units.ts';
import type { MetricsRow } from '../run/records.ts';
import { csvInt, type CsvColumn } from './csvTable.ts';
import { formatFloat } from './formatFloat.ts';

type Columns<Row> = { readonly [K in keyof Row]-?: CsvColumn<Row> };

const METRICS: Columns<MetricsRow> = {
  block: { name: 'block', format: (r) => csvInt(r.block) },
  day: { name: 'day', format: (r) => formatFloat(r.day) },
  netuid: { name: 'netuid', format: (r) => csvInt(r.netuid) },
  group: { name: 'group', format: (r) => r.group },
  uids: { name: 'uids', format: (r) => csvInt(r.uids) },
  incentiveRao: { name: 'incentive_alpha', format: (r) => formatAlpha(r.incentiveRao) },
  dividendsRao: { name: 'dividends_alpha', format: (r) => formatAlpha(r.dividendsRao) },
  stakeShare: { name: 'stake_share', format: (r) => formatFloat(r.stakeShare) },
  emissionShare: { name: 'emission_share', format: (r) => formatFloat(r.emissionShare) },
  validatorTrust: { name: 'validator_trust', format: (r) => formatFloat(r.validatorTrust) },
  consensus: { name: 'consensus', format: (r) => formatFloat(r.consensus) },
  alphaPrice: { name: 'alpha_price', format: (r) => formatFloat(r.alphaPrice) },
  poolTaoRao: { name: 'pool_tao', format: (r) => formatTao(r.poolTaoRao) },
  poolAlphaRao: { name: 'pool_alpha', format: (r) => formatAlpha(r.poolAlphaRao) },
  issuanceRao: { name: 'issuance_tao', format: (r) => formatTao(r.issuanceRao) },
  blockEmissionRao: { name: 'block_emission_tao', format: (r) => formatTao(r.blockEmissionRao) },
};

export const METRICS_COLUMNS: readonly CsvColumn<MetricsRow>[] = Object.values(METRICS);
