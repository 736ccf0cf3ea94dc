import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ReportError } from '../../../../src/report/reportError.ts';
import { writeSweepReport } from '../../../../src/report/sweep/writeSweepReport.ts';
import { InputError } from '../../../../src/sim/input/readStructuredFile.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';
import { coordinate, grid, writeSweepFixture } from './sweepDirFixture.ts';
import { fileTree } from '../../../support/fileTree.ts';

const files = useTempFiles('sweep-report');
let n = 0;
const KAPPA = grid('subnets.0.hyperparameters.kappa', [0.4, 0.5]);
const TEMPO = grid('subnets.0.tempo', [100, 360]);
const fixture = (): string =>
  writeSweepFixture(join(files.dir(), `s${n++}`), {
    axes: [KAPPA, TEMPO],
    replicates: 2,
    report: { metric: 'sn1.cabal.emission_share' },
    run: (p) => (p.index === 5 ? 'RangeError: <boom> & "more"' : { 'sn1.cabal.emission_share': (Number(coordinate(p, KAPPA.path)) / 2 + p.replicate / 100).toFixed(4), blocks: '300' }),
  });


describe('writeSweepReport', () => {
  it('writes report.html, report.md and the heatmap and spread charts into DIR/report', async () => {
    const dir = fixture();
    const w = await writeSweepReport(dir);
    expect(w.outDir).toBe(join(dir, 'report'));
    expect(w.charts).toBe(2);
    const names = ['sweep-heatmap', 'sweep-spread'];
    expect([...fileTree(w.outDir).keys()]).toEqual([...names.flatMap((c) => [`charts/${c}.png`, `charts/${c}.svg`, `charts/${c}.vl.json`]), 'report.html', 'report.md']);
    expect(w.files).toEqual([...fileTree(w.outDir).keys()]);

    const html = readFileSync(join(w.outDir, 'report.html'), 'utf8');
    expect(html).toContain('<title>yumalab report: fixture sweep</title>');
    expect(html).not.toMatch(/<script|<link|src="/);
    expect(html.match(/<svg /g)).toHaveLength(2);
    // The definition, counts, the per-point table, the failed run with its (escaped) error, provenance.
    expect(html).toContain('<td>subnets.0.hyperparameters.kappa</td><td class="mono">grid, x: 0.4, 0.5</td>');
    expect(html).toContain('<td>subnets.0.tempo</td><td class="mono">grid, y: 100, 360</td>');
    expect(html).toContain('<td>failed</td><td class="mono">1</td>');
    expect(html).toContain('<th>mean</th><th>sd</th><th>min</th><th>max</th>');
    expect(html).toContain('<td class="num">0.205</td><td class="num">0.00707</td><td class="num">0.2</td><td class="num">0.21</td>');
    expect(html).toContain('<td>RangeError: &lt;boom&gt; &amp; &quot;more&quot;</td>');
    const manifest = JSON.parse(readFileSync(join(dir, 'sweep.json'), 'utf8'));
    for (const text of [manifest.digest, manifest.definition_sha256, manifest.generated_at, '0.1.0', 'scenarios/fixture.yaml']) expect(html).toContain(text);

    const md = readFileSync(join(w.outDir, 'report.md'), 'utf8');
    expect(md).toContain('](charts/sweep-heatmap.png)');
    expect(md).toContain('| 5 | 0.5 | 100 | 1 |');
    expect(md).toContain(manifest.digest);
  });

  it('writes byte-identical reports for the same sweep directory, into the same or another place', async () => {
    const dir = fixture();
    const first = fileTree((await writeSweepReport(dir)).outDir);
    const again = fileTree((await writeSweepReport(dir)).outDir);
    expect(again).toEqual(first);
    const elsewhere = fileTree((await writeSweepReport(dir, join(files.dir(), `elsewhere${n++}`))).outDir);
    expect(elsewhere).toEqual(first);
  });

  it('gives a one-line InputError for a corrupt summary.csv and writes nothing', async () => {
    const dir = fixture();
    writeFileSync(join(dir, 'summary.csv'), readFileSync(join(dir, 'summary.csv'), 'utf8').replace('complete', 'compleat'));
    const e = await writeSweepReport(dir).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(InputError);
    expect((e as InputError).problems).toEqual([`${join(dir, 'summary.csv')}: does not match the summary_sha256 in sweep.json (corrupt, edited or from another sweep)`]);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  it('refuses to replace a directory that is not an earlier report', async () => {
    const dir = fixture();
    mkdirSync(join(dir, 'report'));
    writeFileSync(join(dir, 'report', 'notes.txt'), 'mine');
    await expect(writeSweepReport(dir)).rejects.toBeInstanceOf(ReportError);
    await expect(writeSweepReport(dir, dir)).rejects.toThrow(/cannot replace the run directory/);
    expect(readFileSync(join(dir, 'report', 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('writes a report without charts when every run failed', async () => {
    const dir = writeSweepFixture(join(files.dir(), `s${n++}`), { axes: [KAPPA], run: () => 'Error: boom' });
    const w = await writeSweepReport(dir);
    expect(w.charts).toBe(0);
    const md = readFileSync(join(w.outDir, 'report.md'), 'utf8');
    expect(md).toContain('No run reported a metric');
    expect(md.match(/\| Error: boom \|/g)).toHaveLength(4);
  });
});
