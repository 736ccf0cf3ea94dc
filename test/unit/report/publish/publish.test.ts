import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { PUBLISHED_REPORTS } from '../../../../src/report/publish/publishedReports.ts';
import { emissionScheduleReport } from '../../../../src/report/publish/emissionScheduleReport.ts';
import { weightCopyingReport } from '../../../../src/report/publish/weightCopyingReport.ts';
import { writePublishedReports } from '../../../../src/report/publish/writePublishedReports.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const tmp = mkdtempSync(join(tmpdir(), 'yumalab-publish-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

describe('published reports', () => {
  it('lists the four reports the issue names, each with a distinct directory', () => {
    expect(PUBLISHED_REPORTS.map((r) => r.slug)).toEqual(['weight-copying', 'cabal-bonds-penalty', 'emission-schedule', 'dtao-price-manipulation']);
  });

  it('writes report.md, report.html, charts and an index, byte-identical when regenerated', async () => {
    const options = { root: ROOT, quick: true };
    const build = () => [weightCopyingReport(options), emissionScheduleReport(options)];
    const a = join(tmp, 'a');
    const b = join(tmp, 'b');
    const files = await writePublishedReports(a, build(), options, 'test-a');
    await writePublishedReports(b, build(), options, 'test-b');
    expect(listFiles(a)).toEqual(files);
    expect(files).toContain('README.md');
    expect(files).toContain('weight-copying/report.md');
    expect(files).toContain('weight-copying/report.html');
    expect(files).toContain('emission-schedule/charts/issuance-recycling.vl.json');
    for (const f of files) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
    const md = readFileSync(join(a, 'weight-copying', 'report.md'), 'utf8');
    expect(md).toContain('## Findings');
    expect(md).toContain('npm run reports');
    expect(md).toContain('![Copier ÷ honest dividend per stake](charts/copier-ratio.png)');
    const html = readFileSync(join(a, 'emission-schedule', 'report.html'), 'utf8');
    expect(html).toContain('<h2>Findings</h2>');
    expect(html).toContain('<svg');
    // The findings carry the study's numbers: the halving table's first year appears in the text.
    expect(readFileSync(join(a, 'emission-schedule', 'report.md'), 'utf8')).toMatch(/halving 2 in year 4\.0/);
  }, 120_000);

  it('yumalab reports refuses an unknown --only with one line and exit 2', async () => {
    const err: string[] = [];
    const code = await main(['reports', '--only', 'no-such-report'], () => undefined, (l) => err.push(l));
    expect(code).toBe(2);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(/--only: unknown report 'no-such-report'/);
  });
});
