import { describe, expect, it } from 'vitest';
import { computeRetentionMap } from '../../../../../src/sim/experiments/consensusGuarantees/computeRetentionMap.ts';
import { baselineRetentionParams } from '../../../../../src/sim/experiments/consensusGuarantees/retentionParams.ts';
import { RETENTION_MAP_CSV_HEADER, retentionMapCsv } from '../../../../../src/sim/experiments/consensusGuarantees/retentionMapCsv.ts';

describe('retentionMapCsv', () => {
  it('writes the header and one row per grid point in (a, b) order with deterministic numbers', () => {
    const map = computeRetentionMap({ ...baselineRetentionParams(0.6), weightSteps: 2, kappa: 0.7 });
    const csv = retentionMapCsv(map);
    expect(csv.endsWith('\n')).toBe(true);
    expect(csv).not.toContain('\r');
    const lines = csv.slice(0, -1).split('\n');
    expect(lines[0]).toBe(RETENTION_MAP_CSV_HEADER);
    expect(lines[0]).toBe('major_self_weight,minor_self_weight,major_ratio,avg_weight_dev,fallback');
    expect(lines).toHaveLength(1 + 9);
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual(['0,0', '0,0.5', '0,1', '0.5,0', '0.5,0.5', '0.5,1', '1,0', '1,0.5', '1,1']);
    for (const [i, line] of lines.slice(1).entries()) {
      const cells = line.split(',');
      expect(cells).toHaveLength(5);
      expect(Number(cells[2])).toBeCloseTo(map.majorRatio[i]!, 8);
      expect(cells[2]!.replace(/^0\./, '').length).toBeLessThanOrEqual(9);
      expect(cells[4]).toBe(String(map.fallback[i]));
    }
    // W_H = W_C = 1 with κ = 0.7 takes the fallback.
    expect(lines[9]!.endsWith(',1')).toBe(true);
    expect(retentionMapCsv(map)).toBe(csv);
  });
});
