/**
 * Reads a run's CSV file line by line (neurons.csv can be ~77 MB, so nothing holds the whole
 * text): checks that the header has the columns the caller needs and hands each row to the
 * caller as a cell lookup by column name. Fields follow the writer's RFC 4180 subset
 * (src/sim/artifacts/csvTable.ts): quoted when they hold a comma or quote, quotes doubled. A
 * quoted line break is not supported here (the writer never produces one for the columns we read)
 * and is reported as an unterminated quote.
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { ReportError } from './reportError.ts';

/** One row: its 1-based line number and a getter for a required column's text. */
export interface CsvRow {
  readonly line: number;
  /** The header's column names, in file order. */
  readonly columns: readonly string[];
  readonly cell: (column: string) => string;
}

/** Splits one CSV line into fields; null if a quote is left open. */
export function splitCsvLine(line: string): string[] | null {
  if (!line.includes('"')) return line.split(',');
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        const q = line.indexOf('"', i);
        if (q < 0) return null;
        text += line.slice(i, q);
        if (line[q + 1] === '"') {
          text += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      fields.push(text);
      if (i >= line.length) return fields;
      if (line[i] !== ',') return null;
      i++;
    } else {
      const comma = line.indexOf(',', i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

/**
 * Streams `path`, whose errors are reported as `<label>: <file> …`. Every column in `required`
 * must be in the header; every row must have as many fields as the header.
 */
export async function streamCsv(path: string, label: string, file: string, required: readonly string[], onRow: (row: CsvRow) => void): Promise<void> {
  const fail = (what: string): never => {
    throw new ReportError(`${label}: ${file} ${what}`);
  };
  const lines = createInterface({ input: createReadStream(path, { encoding: 'utf8' }), crlfDelay: Infinity });
  let index: Map<string, number> | null = null;
  let header: readonly string[] = [];
  let width = 0;
  let lineNo = 0;
  for await (const text of lines) {
    lineNo++;
    const fields = splitCsvLine(text);
    if (index === null) {
      if (fields === null) return fail('has a malformed header');
      index = new Map(fields.map((name, i) => [name, i]));
      header = fields;
      width = fields.length;
      const missing = required.filter((c) => !index!.has(c));
      if (missing.length > 0) return fail(`has no column ${missing.map((c) => `'${c}'`).join(', ')} (not a yumalab artifact of this version?)`);
      continue;
    }
    if (text === '') continue;
    if (fields === null) return fail(`line ${lineNo}: unterminated quoted field`);
    if (fields.length !== width) return fail(`line ${lineNo}: expected ${width} fields, got ${fields.length}`);
    const columns = index;
    const line = lineNo;
    onRow({ line, columns: header, cell: (c) => fields[columns.get(c)!]! });
  }
  if (index === null) fail('is empty (no header)');
}
