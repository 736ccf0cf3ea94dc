import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSweepDirectory } from '../../../../src/report/sweep/readSweepDirectory.ts';
import { sweepView } from '../../../../src/report/sweep/sweepView.ts';
import type { SweepAxis, SweepReportChoice } from '../../../../src/sim/sweep/sweepDefinition.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';
import { grid, writeSweepFixture, zip } from './sweepDirFixture.ts';

const files = useTempFiles('sweep-view');
let n = 0;

function viewOf(axes: readonly SweepAxis[], report: Partial<SweepReportChoice> = {}) {
  const dir = writeSweepFixture(join(files.dir(), `s${n++}`), { axes, replicates: 1, report, run: () => ({ 'sn1.b.share': '0.5', 'sn1.a.share': '0.25' }) });
  return () => sweepView(readSweepDirectory(dir));
}

const A = grid('subnets.0.hyperparameters.kappa', [0.4, 0.5]);
const B = grid('subnets.0.tempo', [100, 360]);
const C = grid('subnets.0.hyperparameters.rho', [1, 2]);

describe('sweepView', () => {
  it('defaults to the first metric column and the first two axes', () => {
    expect(viewOf([A, B, C])()).toEqual({ metric: 'sn1.a.share', x: 0, y: 1, facets: [2], averaged: [], zipped: [] });
  });

  it('follows report.metric, report.x and report.y', () => {
    expect(viewOf([A, B, C], { metric: 'sn1.b.share', x: C.path, y: A.path })()).toMatchObject({ metric: 'sn1.b.share', x: 2, y: 0, facets: [1] });
    expect(viewOf([A, B], { y: A.path })()).toMatchObject({ x: 1, y: 0 });
  });

  it('has a line (no y) with one axis and neither x nor y without axes', () => {
    expect(viewOf([A])()).toMatchObject({ x: 0, y: null, facets: [], averaged: [] });
    expect(viewOf([])()).toMatchObject({ x: null, y: null });
  });

  it('draws extra axes as panels up to 4 value combinations and pools them beyond', () => {
    expect(viewOf([A, B, C, grid('subnets.0.hyperparameters.alpha_low', [0.1, 0.2])])()).toMatchObject({ facets: [2, 3], averaged: [] });
    expect(viewOf([A, B, C, grid('subnets.0.hyperparameters.alpha_low', [0.1, 0.2, 0.3])])()).toMatchObject({ facets: [], averaged: [2, 3] });
  });

  it('does not put a zip axis on y against the axis it is zipped with', () => {
    const z1 = zip('subnets.0.hyperparameters.kappa', [0.4, 0.5, 0.6]);
    const z2 = zip('subnets.0.hyperparameters.rho', [1, 2, 3]);
    expect(viewOf([B, z1, z2])()).toMatchObject({ x: 0, y: 1, facets: [], averaged: [], zipped: [2] });
    expect(viewOf([z1, z2])()).toMatchObject({ x: 0, y: null, zipped: [1] });
  });

  it('reports a metric or axis the sweep does not have as one line naming sweep.json', () => {
    const metric = problemsOf(viewOf([A, B], { metric: 'sn1.nobody.share' }));
    expect(metric).toHaveLength(1);
    expect(metric[0]).toMatch(/sweep\.json: report\.metric: 'sn1\.nobody\.share' is not a column of summary\.csv \(metrics: sn1\.a\.share, sn1\.b\.share\)$/);
    expect(problemsOf(viewOf([A, B], { x: 'subnets.0.nope' }))[0]).toMatch(/sweep\.json: report\.x: 'subnets\.0\.nope' is not an axis of this sweep/);
    expect(problemsOf(viewOf([A, B], { x: A.path, y: A.path }))[0]).toMatch(/report\.y: .* is also report\.x/);
    expect(problemsOf(viewOf([A], { y: A.path }))[0]).toMatch(/report\.y: .* is the only axis/);
  });
});
