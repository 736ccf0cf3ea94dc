/**
 * CSV lines for the run artifacts: RFC 4180 (comma separated, `\n` line ends, a field quoted only
 * when it holds a comma, quote or line break, quotes doubled). A table is a list of columns, each
 * a name and a formatter, so the header and every row come from one definition.
 */
export interface CsvColumn<Row> {
  readonly name: string;
  readonly format: (row: Row) => string;
}

export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvHeader<Row>(columns: readonly CsvColumn<Row>[]): string {
  return `${columns.map((c) => csvField(c.name)).join(',')}\n`;
}

export function csvLine<Row>(columns: readonly CsvColumn<Row>[], row: Row): string {
  return `${columns.map((c) => csvField(c.format(row))).join(',')}\n`;
}

/** Booleans as 1/0: unambiguous for pandas, R and spreadsheets alike. */
export function csvBool(b: boolean): string {
  return b ? '1' : '0';
}

/** An integer count or id; refuses a fraction so a wrong field type cannot print silently. */
export function csvInt(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`expected an integer, got ${n}`);
  return String(n);
}
