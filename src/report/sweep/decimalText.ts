/**
 * Numbers computed by the sweep report (means, sds) as short decimal text for labels and tables:
 * rounded to a number of significant digits, without trailing zeros, the same text on every
 * machine (toPrecision and Number → string are exactly specified). Replicate values themselves
 * are shown as they parse, never re-rounded.
 */
export function decimalText(x: number, significant: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  return String(Number(x.toPrecision(significant)));
}

/** A cell of summary.csv that is a decimal number; anything else (empty, `NaN`, text) is not a value. */
const DECIMAL = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

export function parseDecimal(text: string): number | null {
  if (!DECIMAL.test(text)) return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : null;
}
