/**
 * `yumalab supply [--from-issuance TAO] [--years N] [--recycle-tao-per-day X] [--block-seconds S]
 *  [--start-date YYYY-MM-DD] [--json | --csv]` — projects TotalIssuance forward under the halving law
 * (shared/spec/tokenomics.md §1) and lists the halvings reached, with block and day offsets and,
 * given a start date, calendar dates (which the chain itself cannot know, §1.3 "Dates").
 */
import { parseArgs } from 'node:util';
import { MAX_TAO_ISSUANCE_RAO } from '../../consensus/supply/blockEmission.ts';
import { projectIssuance, type IssuanceProjection, type IssuanceTrend } from '../../consensus/supply/projectIssuance.ts';
import { UnitParseError, formatTao, parseTao } from '../../primitives/units.ts';
import { compactJson } from '../compactJson.ts';
import { UsageError } from '../usageError.ts';

const SECONDS_PER_DAY = 86_400n;
/** A Julian year of 365.25 days, in seconds. */
const SECONDS_PER_YEAR = 31_557_600n;
const MAX_YEARS = 1000n;

export const SUPPLY_USAGE = `usage: yumalab supply [options]

Projects TAO issuance forward under the chain's halving law and lists every halving reached:
its index k, block and day offset (and date), the issuance at that block and the emission per
block from then on; a closing line gives the issuance at the end of the horizon.
  --from-issuance TAO       issuance at the start (default 10500000, the first halving threshold)
  --years N                 horizon in years of 365.25 days, may be fractional (default 20)
  --recycle-tao-per-day X   TAO recycled per day, lowering issuance (default 0); converted to whole
                            rao per block, rounded to the nearest (half up)
  --block-seconds S         seconds per block (default 12)
  --start-date YYYY-MM-DD   date of the start (UTC); adds a date column
  --json | --csv            machine-readable output instead of a table
Exit code: 0 success, 2 usage error.`;

/** A non-negative decimal written by the user, as the exact fraction numerator / denominator. */
interface Decimal {
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function parseDecimal(text: string, flag: string): Decimal {
  const m = /^(\d+)(?:\.(\d+))?$/.exec(text);
  if (m === null) throw new UsageError(`${flag} must be a decimal number such as 12 or 0.5, got '${text}'`);
  const fraction = m[2] ?? '';
  return { numerator: BigInt(`${m[1]}${fraction}`), denominator: 10n ** BigInt(fraction.length) };
}

function parseTaoFlag(text: string, flag: string): bigint {
  try {
    return parseTao(text);
  } catch (e) {
    if (e instanceof UnitParseError) throw new UsageError(`${flag}: ${e.message}`);
    throw e;
  }
}

/** Milliseconds since the epoch of a YYYY-MM-DD date at 00:00 UTC. */
function parseStartDate(text: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const fail = (): never => {
    throw new UsageError(`--start-date must be a date written YYYY-MM-DD, got '${text}'`);
  };
  if (m === null) return fail();
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(year, month - 1, day);
  const d = new Date(ms);
  // Date.UTC rolls 2025-02-30 over to March; a date that does not round-trip does not exist.
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) {
    throw new UsageError(`--start-date: ${text} is not a calendar date`);
  }
  return ms;
}

export interface SupplyOptions {
  readonly fromIssuanceRao: bigint;
  readonly years: Decimal;
  readonly yearsText: string;
  readonly recycleRaoPerDay: bigint;
  readonly blockSeconds: Decimal;
  readonly blockSecondsText: string;
  readonly startDateMs: number | null;
  readonly startDateText: string | null;
  readonly format: 'table' | 'json' | 'csv';
}

function parseSupplyOptions(argv: readonly string[]): SupplyOptions | 'help' {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      'from-issuance': { type: 'string' },
      years: { type: 'string' },
      'recycle-tao-per-day': { type: 'string' },
      'block-seconds': { type: 'string' },
      'start-date': { type: 'string' },
      json: { type: 'boolean', default: false },
      csv: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: false,
    strict: true,
  });
  if (values.help) return 'help';
  if (values.json && values.csv) throw new UsageError('give at most one of --json and --csv');

  const fromIssuanceRao = parseTaoFlag(values['from-issuance'] ?? '10500000', '--from-issuance');
  if (fromIssuanceRao < 0n || fromIssuanceRao > MAX_TAO_ISSUANCE_RAO) {
    throw new UsageError(`--from-issuance must be between 0 and 21000000 TAO, got ${formatTao(fromIssuanceRao)}`);
  }
  const yearsText = values.years ?? '20';
  const years = parseDecimal(yearsText, '--years');
  if (years.numerator === 0n || years.numerator > MAX_YEARS * years.denominator) {
    throw new UsageError(`--years must be more than 0 and at most ${MAX_YEARS}, got '${yearsText}'`);
  }
  const recycleRaoPerDay = parseTaoFlag(values['recycle-tao-per-day'] ?? '0', '--recycle-tao-per-day');
  if (recycleRaoPerDay < 0n) throw new UsageError(`--recycle-tao-per-day must be ≥ 0, got ${formatTao(recycleRaoPerDay)}`);
  const blockSecondsText = values['block-seconds'] ?? '12';
  const blockSeconds = parseDecimal(blockSecondsText, '--block-seconds');
  if (blockSeconds.numerator === 0n) throw new UsageError(`--block-seconds must be more than 0, got '${blockSecondsText}'`);
  const startDateText = values['start-date'] ?? null;
  return {
    fromIssuanceRao,
    years,
    yearsText,
    recycleRaoPerDay,
    blockSeconds,
    blockSecondsText,
    startDateMs: startDateText === null ? null : parseStartDate(startDateText),
    startDateText,
    format: values.json ? 'json' : values.csv ? 'csv' : 'table',
  };
}

/** floor(years · seconds per year / seconds per block), exactly. */
export function horizonBlocks(years: Decimal, blockSeconds: Decimal): bigint {
  return (years.numerator * SECONDS_PER_YEAR * blockSeconds.denominator) / (years.denominator * blockSeconds.numerator);
}

/** rao/day × seconds per block / 86400, rounded to the nearest rao (half up). */
export function recycledRaoPerBlock(raoPerDay: bigint, blockSeconds: Decimal): bigint {
  const numerator = raoPerDay * blockSeconds.numerator;
  const denominator = SECONDS_PER_DAY * blockSeconds.denominator;
  return (2n * numerator + denominator) / (2n * denominator);
}

interface Row {
  readonly halving: number;
  readonly blockOffset: number;
  readonly issuanceRao: bigint;
  readonly blockEmissionRao: bigint;
}

/** What the output shows for one block offset: days (3 decimals) and, with a start date, the date. */
function timeOf(o: SupplyOptions, blockOffset: number): { days: string; date: string | null } {
  const millis = (BigInt(blockOffset) * 1000n * o.blockSeconds.numerator) / o.blockSeconds.denominator;
  const thousandthsOfDay = (millis + 43_200n) / 86_400n;
  const days = `${thousandthsOfDay / 1000n}.${String(thousandthsOfDay % 1000n).padStart(3, '0')}`;
  const date = o.startDateMs === null ? null : new Date(o.startDateMs + Number(millis)).toISOString().slice(0, 10);
  return { days, date };
}

function rowJson(o: SupplyOptions, r: Row): Record<string, unknown> {
  const t = timeOf(o, r.blockOffset);
  return {
    halving: r.halving,
    block_offset: r.blockOffset,
    days: Number(t.days),
    ...(t.date === null ? {} : { date: t.date }),
    issuance_rao: r.issuanceRao.toString(),
    issuance_tao: formatTao(r.issuanceRao),
    block_emission_rao: r.blockEmissionRao.toString(),
    block_emission_tao: formatTao(r.blockEmissionRao),
  };
}

const TREND_TEXT: Readonly<Record<IssuanceTrend, string>> = {
  rising: 'rising',
  stalled: 'not moving',
  falling: 'falling (recycling exceeds emission)',
  oscillating: 'oscillating around a halving threshold (recycling lies between the emissions on either side)',
};

function renderTable(o: SupplyOptions, rows: readonly Row[], p: IssuanceProjection, rPerBlock: bigint, horizon: bigint, out: (line: string) => void): void {
  out(
    `from ${formatTao(o.fromIssuanceRao)} TAO${o.startDateText === null ? '' : ` on ${o.startDateText}`}, ` +
      `recycling ${formatTao(o.recycleRaoPerDay)} TAO/day (${rPerBlock} rao/block), ` +
      `${o.blockSecondsText} s blocks, ${o.yearsText} years (${horizon} blocks)`,
  );
  const withDate = o.startDateMs !== null;
  const header = ['halving', 'block', 'days', ...(withDate ? ['date'] : []), 'issuance (TAO)', 'emission (TAO/block)'];
  const cells = rows.map((r) => {
    const t = timeOf(o, r.blockOffset);
    return [String(r.halving), String(r.blockOffset), t.days, ...(t.date === null ? [] : [t.date]), formatTao(r.issuanceRao), formatTao(r.blockEmissionRao)];
  });
  const widths = header.map((h, c) => Math.max(h.length, ...cells.map((row) => row[c]!.length)));
  const line = (row: readonly string[]): string => row.map((x, c) => x.padStart(widths[c]!)).join('  ');
  out(line(header));
  for (const row of cells) out(line(row));
  const end = p.end;
  const t = timeOf(o, end.blockOffset);
  out(
    `end of horizon: block ${end.blockOffset}, day ${t.days}${t.date === null ? '' : ` (${t.date})`}: ` +
      `issuance ${formatTao(end.issuanceRao)} TAO, emission ${formatTao(end.blockEmissionRao)} TAO/block ` +
      `(halving ${end.halving}), issuance ${TREND_TEXT[end.trend]}`,
  );
}

function renderCsv(o: SupplyOptions, rows: readonly Row[], p: IssuanceProjection, out: (line: string) => void): void {
  const withDate = o.startDateMs !== null;
  out(['halving', 'block_offset', 'days', ...(withDate ? ['date'] : []), 'issuance_tao', 'block_emission_tao'].join(','));
  const csvRow = (label: string, r: Row): string => {
    const t = timeOf(o, r.blockOffset);
    return [label, String(r.blockOffset), t.days, ...(t.date === null ? [] : [t.date]), formatTao(r.issuanceRao), formatTao(r.blockEmissionRao)].join(',');
  };
  for (const r of rows) out(csvRow(String(r.halving), r));
  // The closing line of the other formats is the last row here, so the file stays one table.
  out(csvRow('end', p.end));
}

export function supplyCommand(argv: readonly string[], out: (line: string) => void): number {
  const o = parseSupplyOptions(argv);
  if (o === 'help') {
    out(SUPPLY_USAGE);
    return 0;
  }
  const horizon = horizonBlocks(o.years, o.blockSeconds);
  if (horizon > BigInt(Number.MAX_SAFE_INTEGER)) throw new UsageError('--years / --block-seconds: the horizon has too many blocks');
  const rPerBlock = recycledRaoPerBlock(o.recycleRaoPerDay, o.blockSeconds);
  const p = projectIssuance({ startIssuanceRao: o.fromIssuanceRao, recycledRaoPerBlock: rPerBlock, horizonBlocks: Number(horizon) });
  // The start is listed as the first row: the era the projection begins in, at block 0.
  const rows: Row[] = [{ halving: p.start.halving, blockOffset: 0, issuanceRao: p.start.issuanceRao, blockEmissionRao: p.start.blockEmissionRao }, ...p.halvings];

  if (o.format === 'json') {
    const t = timeOf(o, p.end.blockOffset);
    out(
      compactJson({
        parameters: {
          from_issuance_rao: o.fromIssuanceRao.toString(),
          years: o.yearsText,
          block_seconds: o.blockSecondsText,
          recycle_tao_per_day: formatTao(o.recycleRaoPerDay),
          recycled_rao_per_block: rPerBlock.toString(),
          horizon_blocks: Number(horizon),
          start_date: o.startDateText,
        },
        start: rowJson(o, rows[0]!),
        halvings: p.halvings.map((r) => rowJson(o, r)),
        end: {
          block_offset: p.end.blockOffset,
          days: Number(t.days),
          ...(t.date === null ? {} : { date: t.date }),
          issuance_rao: p.end.issuanceRao.toString(),
          issuance_tao: formatTao(p.end.issuanceRao),
          halving: p.end.halving,
          block_emission_rao: p.end.blockEmissionRao.toString(),
          block_emission_tao: formatTao(p.end.blockEmissionRao),
          trend: p.end.trend,
        },
      }),
    );
  } else if (o.format === 'csv') {
    renderCsv(o, rows, p, out);
  } else {
    renderTable(o, rows, p, rPerBlock, horizon, out);
  }
  return 0;
}
