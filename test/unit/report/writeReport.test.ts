import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReportError } from '../../../src/report/reportError.ts';
import { writeReport, type ReportRequest } from '../../../src/report/writeReport.ts';
import { corrupt, writePairFixture, writeRunFixture } from './runDirFixture.ts';
import { fileTree } from '../../support/fileTree.ts';

let root = '';
let n = 0;
const fresh = (): string => join(root, `d${n++}`);
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'yumalab-report-write-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

const request = (runDir: string, o: Partial<ReportRequest> = {}): ReportRequest => ({ runDir, outDir: join(runDir, 'report'), formats: ['html', 'md'], projectionYears: 20, tag: 'test', ...o });


async function reportError(req: ReportRequest): Promise<string> {
  try {
    await writeReport(req);
  } catch (e) {
    expect(e).toBeInstanceOf(ReportError);
    return (e as Error).message;
  }
  throw new Error('expected a ReportError');
}

describe('writeReport on a single run', () => {
  it('writes report.html, report.md and spec, SVG and PNG of every chart', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const w = await writeReport(request(dir));
    const out = join(dir, 'report');
    const files = [...fileTree(out).keys()];
    expect(files).toEqual([...w.files]);
    const names = ['adversary-stake', 'emission-share', 'incentive-distribution', 'issuance', 'issuance-projection', 'pools', 'validator-dividends', 'validator-trust'];
    expect(w.charts).toBe(names.length);
    expect(files).toEqual([...names.flatMap((c) => [`charts/${c}.png`, `charts/${c}.svg`, `charts/${c}.vl.json`]).sort(), 'report.html', 'report.md']);

    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    // Self-contained: no script, no external resource; one inline SVG per chart.
    expect(html).not.toMatch(/<script|<link|src="/);
    expect(html.match(/<svg /g)).toHaveLength(names.length);
    for (const c of names) expect(html).toContain(`id="chart-${c}"`);
    // Provenance.
    for (const text of ['fixture', 'scenarios/fixture.yaml', 'a'.repeat(64), 'b'.repeat(64), '0.1.0', '14bc6f9', 'chain']) expect(html).toContain(text);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(html).toContain(manifest.digest);
    // Key figures with the CSV's exact text.
    expect(html).toContain('<td class="num">0.0166666667</td>');
    expect(html).toContain('<td>trader.whale</td>');

    const md = readFileSync(join(out, 'report.md'), 'utf8');
    for (const c of names) expect(md).toContain(`](charts/${c}.png)`);
    expect(md).toContain(manifest.digest);
    expect(md).toContain('| 1 | whale | trader.whale |');
    // Every spec file is the spec itself, parseable, with its data inline.
    const spec = JSON.parse(readFileSync(join(out, 'charts', 'emission-share.vl.json'), 'utf8'));
    expect(spec.data.values.length).toBeGreaterThan(0);
  });

  it('gives byte-identical reports for the same run directory', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    await writeReport(request(dir, { outDir: join(dir, 'r1') }));
    await writeReport(request(dir, { outDir: join(dir, 'r2') }));
    const a = fileTree(join(dir, 'r1'));
    const b = fileTree(join(dir, 'r2'));
    expect([...a.keys()]).toEqual([...b.keys()]);
    for (const [k, v] of a) expect(v.equals(b.get(k)!), k).toBe(true);
  });

  it('writes only the requested format, and no projection chart with 0 years', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const w = await writeReport(request(dir, { formats: ['html'], projectionYears: 0 }));
    expect(w.files).toContain('report.html');
    expect(w.files).not.toContain('report.md');
    expect(w.files.some((f) => f.includes('issuance-projection'))).toBe(false);
  });

  it('replaces an earlier report as a whole', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    await writeReport(request(dir));
    writeFileSync(join(dir, 'report', 'charts', 'stale.svg'), '<svg/>');
    await writeReport(request(dir, { formats: ['md'] }));
    expect(existsSync(join(dir, 'report', 'charts', 'stale.svg'))).toBe(false);
    expect(existsSync(join(dir, 'report', 'report.html'))).toBe(false);
    expect(readdirSync(dir).filter((e) => e.startsWith('.'))).toEqual([]);
  });
});

describe('writeReport refuses, writing nothing', () => {
  it('a corrupt run: no output directory appears', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    corrupt(join(dir, 'metrics.csv'));
    expect(await reportError(request(dir))).toBe(`${dir}: metrics.csv does not match its manifest sha256 (corrupt or partial run)`);
    expect(existsSync(join(dir, 'report'))).toBe(false);
  });

  it('an output directory holding something else, or the run itself', async () => {
    const dir = fresh();
    writeRunFixture(dir);
    const other = fresh();
    mkdirSync(other);
    writeFileSync(join(other, 'notes.txt'), 'mine');
    expect(await reportError(request(dir, { outDir: other }))).toBe(`${other}: not empty and not an earlier report (holds notes.txt); choose another --out`);
    expect(readdirSync(other)).toEqual(['notes.txt']);
    expect(await reportError(request(dir, { outDir: dir }))).toMatch(new RegExp(`^${dir}: the report cannot replace the run directory it reports on`));
    expect(await reportError(request(join(dir), { outDir: root }))).toMatch(/cannot replace the run directory/);
    expect(existsSync(join(dir, 'manifest.json'))).toBe(true);
  });
});

describe('writeReport on an A/B pair', () => {
  it('has the comparison chart, both runs\' charts, the ab rows and the pair provenance', async () => {
    const dir = fresh();
    writePairFixture(dir);
    const w = await writeReport(request(dir));
    expect(w.files).toContain('charts/ab-comparison.svg');
    expect(w.files).toContain('charts/attack-emission-share.png');
    expect(w.files).toContain('charts/control-emission-share.vl.json');
    const html = readFileSync(join(dir, 'report', 'report.html'), 'utf8');
    expect(html).toContain('Attack against control (ab.csv)');
    expect(html).toContain('<td>newcomer</td><td>miner.copier</td><td></td>');
    expect(html).toContain('subnets.0.population.1.kind = &quot;validator.honest&quot;');
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(html).toContain(manifest.digest);
    expect(html).toContain(manifest.runs[1].digest);
  });
});
