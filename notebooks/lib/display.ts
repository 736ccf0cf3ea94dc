/**
 * Rich output for the Deno Jupyter kernel without naming the `Deno` global (so this file also
 * type-checks under the project's Node tsconfig): an object with a `Symbol.for('Jupyter.display')`
 * method is shown by the kernel through the MIME bundle it returns, when it is a cell's value.
 */

/** A MIME bundle the kernel displays, e.g. `{ 'image/svg+xml': svg }`. */
export type MimeBundle = Readonly<Record<string, string>>;

export interface Displayable {
  [key: symbol]: () => MimeBundle;
}

const JUPYTER_DISPLAY = Symbol.for('Jupyter.display');

export function displayable(bundle: MimeBundle): Displayable {
  return { [JUPYTER_DISPLAY]: () => bundle };
}

/** An SVG chart, with a one-line text stand-in for consoles that cannot show images. */
export function svgOutput(svg: string, title: string): Displayable {
  return displayable({ 'image/svg+xml': svg, 'text/plain': `[chart: ${title}]` });
}

export interface Column<Row> {
  readonly title: string;
  readonly value: (row: Row) => string | number;
  /** Digits after the point for numbers (default: as JavaScript prints them). */
  readonly digits?: number;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function cell<Row>(c: Column<Row>, row: Row): string {
  const v = c.value(row);
  return typeof v === 'number' && c.digits !== undefined ? v.toFixed(c.digits) : String(v);
}

/** A table as HTML (notebook UIs) and as aligned plain text (nbconvert's text export, consoles). */
export function tableOutput<Row>(rows: readonly Row[], columns: readonly Column<Row>[]): Displayable {
  const cells = rows.map((r) => columns.map((c) => cell(c, r)));
  const head = `<tr>${columns.map((c) => `<th>${escapeHtml(c.title)}</th>`).join('')}</tr>`;
  const body = cells.map((row) => `<tr>${row.map((x) => `<td style="text-align:right">${escapeHtml(x)}</td>`).join('')}</tr>`).join('\n');
  const widths = columns.map((c, i) => Math.max(c.title.length, ...cells.map((row) => row[i]!.length)));
  const line = (row: readonly string[]): string => row.map((x, i) => x.padStart(widths[i]!)).join('  ');
  return displayable({
    'text/html': `<table>\n<thead>${head}</thead>\n<tbody>\n${body}\n</tbody>\n</table>`,
    'text/plain': [line(columns.map((c) => c.title)), ...cells.map(line)].join('\n'),
  });
}
