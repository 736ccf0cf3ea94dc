/**
 * The columns of `neurons.csv`, one per `NeuronRow` field in the interface's order (see
 * metricsColumns.ts for the conventions: snake_case, unit last, exact amounts, booleans 1/0).
 */
import { formatAlpha } from '../../primitives/units.ts';
import type { NeuronRow } from '../run/records.ts';
import { csvBool, csvInt, type CsvColumn } from './csvTable.ts';
import { formatFloat } from './formatFloat.ts';

type Columns<Row> = { readonly [K in keyof Row]-?: CsvColumn<Row> };

const NEURONS: Columns<NeuronRow> = {
  block: { name: 'block', format: (r) => csvInt(r.block) },
  netuid: { name: 'netuid', format: (r) => csvInt(r.netuid) },
  uid: { name: 'uid', format: (r) => csvInt(r.uid) },
  hotkey: { name: 'hotkey', format: (r) => r.hotkey },
  group: { name: 'group', format: (r) => r.group },
  stakeRao: { name: 'stake_alpha', format: (r) => formatAlpha(r.stakeRao) },
  stakeWeight: { name: 'stake_weight', format: (r) => formatFloat(r.stakeWeight) },
  incentive: { name: 'incentive', format: (r) => formatFloat(r.incentive) },
  dividends: { name: 'dividends', format: (r) => formatFloat(r.dividends) },
  consensus: { name: 'consensus', format: (r) => formatFloat(r.consensus) },
  validatorTrust: { name: 'validator_trust', format: (r) => formatFloat(r.validatorTrust) },
  validatorPermit: { name: 'validator_permit', format: (r) => csvBool(r.validatorPermit) },
  emissionRao: { name: 'emission_alpha', format: (r) => formatAlpha(r.emissionRao) },
  incentiveCreditRao: { name: 'incentive_credit_alpha', format: (r) => formatAlpha(r.incentiveCreditRao) },
  dividendCreditRao: { name: 'dividend_credit_alpha', format: (r) => formatAlpha(r.dividendCreditRao) },
};

export const NEURON_COLUMNS: readonly CsvColumn<NeuronRow>[] = Object.values(NEURONS);
