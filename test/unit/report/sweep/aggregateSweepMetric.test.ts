import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { aggregateSweepMetric, axisNames } from '../../../../src/report/sweep/aggregateSweepMetric.ts';
import { decimalText, parseDecimal } from '../../../../src/report/sweep/decimalText.ts';
import { readSweepDirectory } from '../../../../src/report/sweep/readSweepDirectory.ts';
import { replicateStats } from '../../../../src/report/sweep/replicateStats.ts';
import { sweepView } from '../../../../src/report/sweep/sweepView.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';
import { coordinate, grid, writeSweepFixture } from './sweepDirFixture.ts';

const files = useTempFiles('sweep-aggregate');
let n = 0;
const fresh = (): string => join(files.dir(), `s${n++}`);

describe('replicateStats', () => {
  it('gives the mean, the sample sd (n − 1), min and max', () => {
    const s = replicateStats([1, 2, 3, 4])!;
    expect(s).toMatchObject({ n: 4, mean: 2.5, min: 1, max: 4 });
    expect(s.sd).toBeCloseTo(Math.sqrt(5 / 3), 15);
  });

  it('has no sd for a single value and no statistics for none', () => {
    expect(replicateStats([0.25])).toEqual({ n: 1, mean: 0.25, sd: null, min: 0.25, max: 0.25 });
    expect(replicateStats([])).toBeNull();
  });

  it('keeps the sd accurate when replicates agree to many digits', () => {
    expect(replicateStats([1e9 + 0.1, 1e9 + 0.3])!.sd).toBeCloseTo(Math.SQRT2 / 10, 6);
  });
});

describe('decimal text', () => {
  it('reads decimal cells and refuses empty and non-numeric ones', () => {
    expect(parseDecimal('0.199730888')).toBe(0.199730888);
    expect(parseDecimal('-3e-7')).toBe(-3e-7);
    expect(parseDecimal('10000300')).toBe(10000300);
    for (const bad of ['', ' ', 'NaN', 'inf', 'abc', '1,5', '0x10']) expect(parseDecimal(bad)).toBeNull();
  });

  it('rounds to significant digits without trailing zeros', () => {
    expect(decimalText(0.1996881234, 6)).toBe('0.199688');
    expect(decimalText(0.00016, 3)).toBe('0.00016');
    expect(decimalText(0, 4)).toBe('0');
    expect(decimalText(123456.7, 4)).toBe('123500');
  });
});

describe('aggregateSweepMetric', () => {
  const axes = [grid('subnets.0.hyperparameters.kappa', [0.4, 0.5]), grid('subnets.0.tempo', [100, 360])];

  it('averages each point over its replicates, in the sweep order', () => {
    const dir = writeSweepFixture(fresh(), {
      axes,
      replicates: 3,
      run: (p) => ({ 'sn1.a.share': String(Number(coordinate(p, 'subnets.0.tempo')) / 1000 + p.replicate / 10) }),
    });
    const data = readSweepDirectory(dir);
    const agg = aggregateSweepMetric(data, sweepView(data));
    expect(agg.points.map((p) => p.coordinates)).toEqual([['0.4', '100'], ['0.4', '360'], ['0.5', '100'], ['0.5', '360']]);
    const first = agg.points[0]!;
    expect(first).toMatchObject({ runs: 3, failed: 0, missing: 0 });
    expect(first.stats!.n).toBe(3);
    expect(first.stats!.mean).toBeCloseTo(0.2, 12);
    expect(first.stats!.sd).toBeCloseTo(0.1, 12);
    expect(first.stats!.min).toBe(0.1);
    expect(first.stats!.max).toBeCloseTo(0.3, 12);
    expect(agg.values).toHaveLength(12);
    expect(agg.cells).toHaveLength(4);
    expect(agg.cells[1]).toMatchObject({ x: '0.4', y: '360', facet: null });
  });

  it('leaves failed runs and empty or non-numeric cells out of the statistics and counts them', () => {
    const dir = writeSweepFixture(fresh(), {
      axes,
      replicates: 3,
      run: (p) => (p.index === 0 ? 'RangeError: boom' : p.index === 1 ? { m: '' } : p.index === 2 ? { m: 'NaN' } : { m: '1' }),
    });
    const data = readSweepDirectory(dir);
    const agg = aggregateSweepMetric(data, sweepView(data));
    expect(agg).toMatchObject({ complete: 11, failed: 1, missing: 2 });
    expect(agg.points[0]).toMatchObject({ runs: 3, failed: 1, missing: 2, stats: null });
    expect(agg.points[1]!.stats).toEqual({ n: 3, mean: 1, sd: 0, min: 1, max: 1 });
    expect(agg.values.some((v) => v.run <= 2)).toBe(false);
  });

  it('pools the runs of averaged axes into one cell per x and y', () => {
    const dir = writeSweepFixture(fresh(), {
      axes: [...axes, grid('subnets.0.hyperparameters.rho', [1, 2, 3, 4, 5])],
      replicates: 1,
      run: (p) => ({ m: String(coordinate(p, 'subnets.0.hyperparameters.rho')) }),
    });
    const data = readSweepDirectory(dir);
    const view = sweepView(data);
    expect(view.averaged).toEqual([2]);
    const agg = aggregateSweepMetric(data, view);
    expect(agg.points).toHaveLength(20);
    expect(agg.cells).toHaveLength(4);
    expect(agg.cells[0]!.stats).toMatchObject({ n: 5, mean: 3, min: 1, max: 5 });
  });

  it('names axes by their last key unless two axes share it', () => {
    expect(axisNames(['subnets.0.tempo', 'subnets.0.hyperparameters.kappa'])).toEqual(['tempo', 'kappa']);
    expect(axisNames(['subnets.0.tempo', 'subnets.1.tempo', 'seed_x'])).toEqual(['subnets.0.tempo', 'subnets.1.tempo', 'seed_x']);
  });
});
