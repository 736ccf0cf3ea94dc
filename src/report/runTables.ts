/**
 * The typed rows the report reads from a run's tables (columns documented in
 * scenarios/README.md; written by src/sim/artifacts/*Columns.ts). Amounts become float64 TAO or
 * alpha for plotting — charts need no more than 15 significant digits — while the tables of the
 * report print the CSV's exact text, kept in `text`. Only the columns the report uses are read.
 *
 * neurons.csv is not kept whole: per subnet only the UIDs of its last recorded epoch (what the
 * incentive-distribution chart draws), so memory stays small for a 77 MB file.
 */
import type { CsvRow } from './csvStream.ts';
import { ReportError } from './reportError.ts';

/** One agent group of one subnet at one recorded epoch (metrics.csv). */
export interface MetricsPoint {
  readonly block: number;
  readonly day: number;
  readonly netuid: number;
  readonly group: string;
  readonly uids: number;
  readonly incentiveAlpha: number;
  readonly dividendsAlpha: number;
  readonly stakeShare: number;
  readonly emissionShare: number;
  readonly validatorTrust: number;
  /** TAO per alpha. */
  readonly alphaPriceTao: number;
  readonly poolTao: number;
  readonly poolAlpha: number;
  readonly issuanceTao: number;
  readonly blockEmissionTao: number;
}

/** One (netuid, group) over the whole run (groups.csv). */
export interface GroupRow {
  readonly netuid: number;
  readonly group: string;
  /** Agent kind, `a+b` when mixed, '' for owner / unassigned / replay groups. */
  readonly kind: string;
  readonly emissionTao: number;
  readonly profitTao: number;
  /** Every cell as written, by column name (exact decimals for the report's tables). */
  readonly text: Readonly<Record<string, string>>;
}

/** One subnet over the whole run (subnets.csv); the report only tabulates it. */
export interface SubnetRow {
  readonly netuid: number;
  readonly text: Readonly<Record<string, string>>;
}

/** One (netuid, group) of an A/B pair (ab.csv); null where the group is absent on that side. */
export interface AbCsvRow {
  readonly netuid: number;
  readonly group: string;
  readonly emissionTao: { readonly attack: number | null; readonly control: number | null; readonly delta: number };
  readonly profitTao: { readonly attack: number | null; readonly control: number | null; readonly delta: number };
  readonly text: Readonly<Record<string, string>>;
}

/** One UID at its subnet's last recorded epoch (neurons.csv). */
export interface NeuronAtLastEpoch {
  readonly block: number;
  readonly netuid: number;
  readonly uid: number;
  readonly group: string;
  /** u16 / 65535. */
  readonly incentive: number;
  readonly validatorPermit: boolean;
}

export const METRICS_COLUMNS = [
  'block', 'day', 'netuid', 'group', 'uids', 'incentive_alpha', 'dividends_alpha', 'stake_share', 'emission_share',
  'validator_trust', 'alpha_price', 'pool_tao', 'pool_alpha', 'issuance_tao', 'block_emission_tao',
] as const;
export const GROUP_COLUMNS = ['netuid', 'group', 'kind', 'emission_tao', 'profit_tao'] as const;
export const SUBNET_COLUMNS = ['netuid'] as const;
export const AB_COLUMNS = [
  'netuid', 'group', 'emission_tao_attack', 'emission_tao_control', 'emission_tao_delta', 'profit_tao_attack', 'profit_tao_control', 'profit_tao_delta',
] as const;
export const NEURON_COLUMNS = ['block', 'netuid', 'uid', 'group', 'incentive', 'validator_permit'] as const;

/** Reads cells as numbers, reporting a bad one as `<label>: <file> line N: column 'c' …`. */
export class RowReader {
  constructor(
    private readonly label: string,
    private readonly file: string,
  ) {}

  /** A float as formatFloat writes it (`NaN`, `inf`, `-inf` included) or an exact decimal. */
  number(row: CsvRow, column: string): number {
    const text = row.cell(column);
    if (text === 'NaN') return NaN;
    if (text === 'inf') return Infinity;
    if (text === '-inf') return -Infinity;
    const x = text.trim() === '' ? NaN : Number(text);
    if (Number.isNaN(x)) this.fail(row, column, `is not a number: '${text}'`);
    return x;
  }

  integer(row: CsvRow, column: string): number {
    const x = this.number(row, column);
    if (!Number.isSafeInteger(x)) this.fail(row, column, `is not an integer: '${row.cell(column)}'`);
    return x;
  }

  /** An empty cell (the group is absent on that side of an A/B pair) is null. */
  optionalNumber(row: CsvRow, column: string): number | null {
    return row.cell(column) === '' ? null : this.number(row, column);
  }

  flag(row: CsvRow, column: string): boolean {
    const text = row.cell(column);
    if (text !== '0' && text !== '1') this.fail(row, column, `is not 0 or 1: '${text}'`);
    return text === '1';
  }

  private fail(row: CsvRow, column: string, what: string): never {
    throw new ReportError(`${this.label}: ${this.file} line ${row.line}: column '${column}' ${what}`);
  }
}

export function metricsPoint(r: RowReader, row: CsvRow): MetricsPoint {
  return {
    block: r.integer(row, 'block'),
    day: r.number(row, 'day'),
    netuid: r.integer(row, 'netuid'),
    group: row.cell('group'),
    uids: r.integer(row, 'uids'),
    incentiveAlpha: r.number(row, 'incentive_alpha'),
    dividendsAlpha: r.number(row, 'dividends_alpha'),
    stakeShare: r.number(row, 'stake_share'),
    emissionShare: r.number(row, 'emission_share'),
    validatorTrust: r.number(row, 'validator_trust'),
    alphaPriceTao: r.number(row, 'alpha_price'),
    poolTao: r.number(row, 'pool_tao'),
    poolAlpha: r.number(row, 'pool_alpha'),
    issuanceTao: r.number(row, 'issuance_tao'),
    blockEmissionTao: r.number(row, 'block_emission_tao'),
  };
}

export function groupRow(r: RowReader, row: CsvRow): GroupRow {
  return {
    netuid: r.integer(row, 'netuid'),
    group: row.cell('group'),
    kind: row.cell('kind'),
    emissionTao: r.number(row, 'emission_tao'),
    profitTao: r.number(row, 'profit_tao'),
    text: textOf(row),
  };
}

export function subnetRow(r: RowReader, row: CsvRow): SubnetRow {
  return { netuid: r.integer(row, 'netuid'), text: textOf(row) };
}

export function abCsvRow(r: RowReader, row: CsvRow): AbCsvRow {
  const pair = (name: string): AbCsvRow['emissionTao'] => ({
    attack: r.optionalNumber(row, `${name}_attack`),
    control: r.optionalNumber(row, `${name}_control`),
    delta: r.number(row, `${name}_delta`),
  });
  return { netuid: r.integer(row, 'netuid'), group: row.cell('group'), emissionTao: pair('emission_tao'), profitTao: pair('profit_tao'), text: textOf(row) };
}

export function neuronAtLastEpoch(r: RowReader, row: CsvRow): NeuronAtLastEpoch {
  return {
    block: r.integer(row, 'block'),
    netuid: r.integer(row, 'netuid'),
    uid: r.integer(row, 'uid'),
    group: row.cell('group'),
    incentive: r.number(row, 'incentive'),
    validatorPermit: r.flag(row, 'validator_permit'),
  };
}

function textOf(row: CsvRow): Record<string, string> {
  return Object.fromEntries(row.columns.map((c) => [c, row.cell(c)]));
}
