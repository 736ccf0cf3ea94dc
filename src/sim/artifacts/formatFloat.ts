/**
 * The one float format of every artifact: at most 9 significant digits, then the shortest
 * decimal that reads back as that rounded value (`0.1`, `0.333333333`, `1.5e-7`). Both steps are
 * exactly specified by ECMAScript (Number.prototype.toPrecision, Number::toString), so the text
 * is the same on every machine; 9 digits keep ratios u16-exact (1/65535 ≈ 1.5e-5) while hiding
 * float64 noise in the last bits that would otherwise make `chain` and `float` runs look apart.
 */
export const FLOAT_SIGNIFICANT_DIGITS = 9;

export function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  // `+` drops the trailing zeros toPrecision pads with; String(-0) is already "0".
  return String(+x.toPrecision(FLOAT_SIGNIFICANT_DIGITS));
}
