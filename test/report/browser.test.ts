/**
 * The report in a real browser: a short real run of test/fixtures/run/tiny.yaml (and the same
 * scenario as an A/B pair) with `--report`, whose report.html is opened from disk in headless
 * Chromium driven by playwright-core. Checks: no console errors, page errors or network requests
 * (the page must be self-contained), every chart's <svg> has drawn data marks with non-empty
 * geometry, and a full-page screenshot is saved (outside the repository).
 *
 * Chromium is found through CHROMIUM_PATH or the usual install paths. Without it the test is
 * skipped with the reason in its name — except in CI (CI set), where that is a failure: .ci/run
 * installs Debian's chromium before `npm test`.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/runCli.ts';

const TINY = resolve(import.meta.dirname, '../fixtures/run/tiny.yaml');
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];
/** Screenshots go here, outside the repository, so they are never committed. */
const SCREENSHOT_DIR = join(tmpdir(), 'yumalab-report-screenshots');

function findChromium(): string | null {
  const fromEnv = process.env['CHROMIUM_PATH'];
  if (fromEnv !== undefined && fromEnv !== '') return existsSync(fromEnv) ? fromEnv : null;
  return CANDIDATES.find((p) => existsSync(p)) ?? null;
}

const executablePath = findChromium();
const inCi = process.env['CI'] !== undefined && process.env['CI'] !== '';

/** What the page reports about its charts (evaluated in the browser). */
interface ChartInfo {
  readonly id: string;
  /** Data-mark elements (inside Vega's role-mark groups) with a non-empty bounding box. */
  readonly drawnMarks: number;
  readonly width: number;
  readonly height: number;
}

const INSPECT = `(() => Array.from(document.querySelectorAll('figure.chart-figure')).map((fig) => {
  const svg = fig.querySelector('svg');
  const box = svg ? svg.getBoundingClientRect() : { width: 0, height: 0 };
  const marks = svg ? Array.from(svg.querySelectorAll('g.role-mark path, g.role-mark rect, g.role-mark line, g.role-mark circle')) : [];
  const drawn = marks.filter((m) => { const b = m.getBBox(); return b.width > 0 || b.height > 0; });
  return { id: fig.id, drawnMarks: drawn.length, width: box.width, height: box.height };
}))()`;

if (executablePath === null) {
  describe('report.html in a browser', () => {
    if (inCi) {
      it('needs Chromium in CI', () => {
        throw new Error(`CI is set but no Chromium was found (tried CHROMIUM_PATH and ${CANDIDATES.join(', ')}); .ci/run must install chromium`);
      });
    } else {
      it.skip('skipped: no Chromium found (install chromium or set CHROMIUM_PATH to run this test)', () => {});
    }
  });
} else {
  describe('report.html in headless Chromium', () => {
    let root = '';
    let browser: Browser | null = null;

    beforeAll(async () => {
      root = mkdtempSync(join(tmpdir(), 'yumalab-report-browser-'));
      const pair = join(root, 'tiny-ab.yaml');
      writeFileSync(pair, `${readFileSync(TINY, 'utf8')}control:\n  subnets.0.population.0.kind: validator.lazy\n`);
      for (const [scenario, out] of [
        [TINY, join(root, 'single')],
        [pair, join(root, 'pair')],
      ] as const) {
        const r = await runCli([scenario, '--out', out, '--report', '--quiet'], {});
        if (r.code !== 0) throw new Error(`yumalab run --report failed: ${r.err.join(' | ')}`);
      }
      browser = await chromium.launch({ executablePath: executablePath!, headless: true, args: ['--no-sandbox'] });
    });

    afterAll(async () => {
      await browser?.close();
      if (root !== '') rmSync(root, { recursive: true, force: true });
    });

    for (const kind of ['single', 'pair'] as const) {
      it(`opens the ${kind === 'single' ? 'single-run' : 'A/B pair'} report with no errors and every chart drawn`, async () => {
        const page = await browser!.newPage({ viewport: { width: 1200, height: 900 } });
        const problems: string[] = [];
        const requests: string[] = [];
        page.on('console', (m) => {
          if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
        });
        page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
        page.on('request', (req) => {
          if (!req.url().startsWith('file:')) requests.push(req.url());
        });
        const html = join(root, kind, 'report', 'report.html');
        await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
        const charts = (await page.evaluate(INSPECT)) as ChartInfo[];

        const expected = (readFileSync(html, 'utf8').match(/<figure id="chart-/g) ?? []).length;
        expect(expected).toBeGreaterThanOrEqual(kind === 'single' ? 7 : 13);
        expect(charts).toHaveLength(expected);
        for (const c of charts) {
          expect(c.drawnMarks, `${c.id} has no drawn marks`).toBeGreaterThan(0);
          expect(c.width, `${c.id} has no width`).toBeGreaterThan(100);
          expect(c.height, `${c.id} has no height`).toBeGreaterThan(100);
        }
        if (kind === 'pair') expect(charts.map((c) => c.id)).toContain('chart-ab-comparison');
        expect(problems).toEqual([]);
        expect(requests).toEqual([]);

        mkdirSync(SCREENSHOT_DIR, { recursive: true });
        const shot = join(SCREENSHOT_DIR, `report-${kind}.png`);
        await page.screenshot({ path: shot, fullPage: true });
        expect(statSync(shot).size).toBeGreaterThan(10_000);
        await page.close();
      });
    }
  });
}
