/**
 * `writeReport`: a run directory (single run or A/B pair) → a report directory, all or nothing:
 *
 *   OUT/report.html              one self-contained page (format `html`)
 *   OUT/report.md                Markdown with PNG charts (format `md`)
 *   OUT/charts/<name>.vl.json    every chart's Vega-Lite spec, data inline
 *   OUT/charts/<name>.svg, .png  its SVG and PNG (both formats get all three)
 *
 * Everything is read, checked and rendered in memory first; then the directory is written as a
 * hidden sibling and renamed into place (src/sim/artifacts/replaceDirectory.ts), so a failure
 * leaves OUT as it was. OUT may be missing, empty or an earlier report (only report.html,
 * report.md and charts/ in it); anything else is refused, so a wrong --out can never replace a
 * run. No wall clock goes in: the same run directory gives byte-identical reports.
 */
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { replaceDirectory } from '../sim/artifacts/replaceDirectory.ts';
import { buildCharts } from './buildCharts.ts';
import { chartPng } from './chartPng.ts';
import { chartSvg } from './chartSvg.ts';
import { readRunDirectory, type RunDirectory } from './readRunDirectory.ts';
import { renderHtml } from './renderHtml.ts';
import { renderMarkdown } from './renderMarkdown.ts';
import { reportDocument, type ReportDocument } from './reportDocument.ts';
import { ReportError } from './reportError.ts';
import type { ReportFormat } from './reportOptions.ts';

export const HTML_FILE = 'report.html';
export const MARKDOWN_FILE = 'report.md';
export const CHARTS_DIR = 'charts';

export interface ReportRequest {
  readonly runDir: string;
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  /** Years of the issuance projection chart; 0 leaves it out. */
  readonly projectionYears: number;
  /** Makes the temporary directory's name unique to this writer (e.g. the process id). */
  readonly tag: string;
}

export interface ReportWritten {
  readonly outDir: string;
  /** Paths relative to outDir, sorted. */
  readonly files: readonly string[];
  readonly charts: number;
}

/** Refuses an output directory that holds anything but an earlier report. */
export function checkReportOutDir(outDir: string, runDir: string): void {
  const out = resolve(outDir);
  const run = resolve(runDir);
  if (out === run || run.startsWith(out + sep)) throw new ReportError(`${outDir}: the report cannot replace the run directory it reports on (use a subdirectory, e.g. ${join(runDir, 'report')})`);
  let entries: string[];
  try {
    if (!statSync(out).isDirectory()) throw new ReportError(`${outDir}: exists and is not a directory`);
    entries = readdirSync(out);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw e;
  }
  const foreign = entries.filter((e) => e !== HTML_FILE && e !== MARKDOWN_FILE && e !== CHARTS_DIR);
  if (foreign.length > 0) throw new ReportError(`${outDir}: not empty and not an earlier report (holds ${foreign.sort()[0]}); choose another --out`);
}

export async function writeReport(req: ReportRequest): Promise<ReportWritten> {
  if (req.formats.length === 0) throw new ReportError('no report format requested');
  checkReportOutDir(req.outDir, req.runDir);
  const source: RunDirectory = await readRunDirectory(req.runDir);
  const sections = buildCharts(source, req.projectionYears);
  return writeReportDirectory({ sourceDir: req.runDir, outDir: req.outDir, formats: req.formats, tag: req.tag, doc: reportDocument(source, sections) });
}

export interface ReportDirectoryRequest {
  /** The directory reported on (a run, a pair or a sweep): the report may not replace it. */
  readonly sourceDir: string;
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  readonly tag: string;
  /** The document, its chart sections included. */
  readonly doc: ReportDocument;
}

/**
 * Renders a finished document — every chart to spec, SVG and PNG, then report.html and report.md
 * — in memory and swaps the report directory into place (all or nothing). Shared by run and
 * sweep reports (src/report/sweep/writeSweepReport.ts), so both are written the same way.
 */
export async function writeReportDirectory(req: ReportDirectoryRequest): Promise<ReportWritten> {
  if (req.formats.length === 0) throw new ReportError('no report format requested');
  const { doc } = req;
  const charts = doc.sections.flatMap((s) => s.charts);
  const files = new Map<string, string | Uint8Array>();
  const svgs = new Map<string, string>();
  for (const c of charts) {
    const svg = await chartSvg(c.spec);
    svgs.set(c.name, svg);
    files.set(`${CHARTS_DIR}/${c.name}.vl.json`, `${JSON.stringify(c.spec, null, 2)}\n`);
    files.set(`${CHARTS_DIR}/${c.name}.svg`, svg);
    files.set(`${CHARTS_DIR}/${c.name}.png`, chartPng(svg));
  }
  if (req.formats.includes('html')) files.set(HTML_FILE, renderHtml(doc, svgs));
  if (req.formats.includes('md')) files.set(MARKDOWN_FILE, renderMarkdown(doc));

  // Checked again right before the swap, in case something appeared while we rendered.
  checkReportOutDir(req.outDir, req.sourceDir);
  replaceDirectory(req.outDir, req.tag, (temp) => {
    mkdirSync(join(temp, CHARTS_DIR));
    for (const [name, data] of files) writeFileSync(join(temp, name), data);
  });
  return { outDir: req.outDir, files: [...files.keys()].sort(), charts: charts.length };
}

