/**
 * The columns of `subnets.csv`, one per `SubnetOutcome` field in the interface's order (see
 * metricsColumns.ts for the conventions). One row per subnet that existed during the run.
 */
import { formatTao } from '../../primitives/units.ts';
import type { SubnetOutcome } from '../run/subnetOutcomes.ts';
import { csvInt, type CsvColumn } from './csvTable.ts';
import { formatFloat } from './formatFloat.ts';

type Columns<Row> = { readonly [K in keyof Row]-?: CsvColumn<Row> };

const SUBNETS: Columns<SubnetOutcome> = {
  netuid: { name: 'netuid', format: (r) => csvInt(r.netuid) },
  taoEmissionRao: { name: 'tao_emission_tao', format: (r) => formatTao(r.taoEmissionRao) },
  taoEmissionShare: { name: 'tao_emission_share', format: (r) => formatFloat(r.taoEmissionShare) },
  initialPriceTao: { name: 'initial_price_tao', format: (r) => formatFloat(r.initialPriceTao) },
  maxPriceTao: { name: 'max_price_tao', format: (r) => formatFloat(r.maxPriceTao) },
  finalPriceTao: { name: 'final_price_tao', format: (r) => formatFloat(r.finalPriceTao) },
  finalMovingPriceTao: { name: 'final_moving_price_tao', format: (r) => formatFloat(r.finalMovingPriceTao) },
};

export const SUBNET_COLUMNS: readonly CsvColumn<SubnetOutcome>[] = Object.values(SUBNETS);
