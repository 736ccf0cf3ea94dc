/**
 * A retention map as CSV: one row per grid point in (a, b) order — W_H = a/steps outer, W_C =
 * b/steps inner — with the artifacts' one float format (formatFloat.ts), `\n` line ends and a
 * trailing newline, so the same map always gives the same bytes.
 */
import { formatFloat } from '../../artifacts/formatFloat.ts';
import type { RetentionMap } from './computeRetentionMap.ts';

export const RETENTION_MAP_CSV_HEADER = 'major_self_weight,minor_self_weight,major_ratio,avg_weight_dev,fallback';

export function retentionMapCsv(map: RetentionMap): string {
  const { size } = map;
  const steps = size - 1;
  const lines: string[] = [RETENTION_MAP_CSV_HEADER];
  for (let a = 0; a < size; a++) {
    for (let b = 0; b < size; b++) {
      const i = a * size + b;
      lines.push(`${formatFloat(a / steps)},${formatFloat(b / steps)},${formatFloat(map.majorRatio[i]!)},${formatFloat(map.avgWeightDev[i]!)},${map.fallback[i]}`);
    }
  }
  return `${lines.join('\n')}\n`;
}
