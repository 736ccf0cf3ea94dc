/**
 * `yumalab report <run-dir> [--out DIR] [--format html,md] [--years N]` — checks a run directory
 * (single run or A/B pair) against its manifest and writes its report (src/report/writeReport.ts)
 * into DIR, by default `<run-dir>/report`: a directory of its own, so the run's files stay exactly
 * what its manifest lists and the report can be replaced as a whole. Mistakes in the arguments,
 * a corrupt or partial run and an output directory that is not an earlier report are one line
 * each, exit 2, with nothing written.
 */
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { ReportError } from '../../report/reportError.ts';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { DEFAULT_PROJECTION_YEARS, REPORT_FORMATS, type ReportFormat } from '../../report/reportOptions.ts';
import { UsageError } from '../usageError.ts';

export const REPORT_DIR = 'report';
const MAX_YEARS = 200;

export const REPORT_USAGE = `usage: yumalab report <run-dir> [options]

Checks a run directory written by 'yumalab run' (a single run, or an A/B pair with attack/,
control/ and ab.csv) against its manifest — every file's sha256 — and writes a report: report.html
(one self-contained page with inline SVG charts, key-figure tables and provenance), report.md
(PNG charts) and charts/<name>.vl.json, .svg, .png for every chart. Given a sweep directory
(written by 'yumalab sweep', with sweep.json and summary.csv) it writes the sweep report: the
sweep's metric over its axes (heatmap or line, replicate spread), per point and per failed run.

options:
  --out DIR           report directory (default <run-dir>/report); must be missing, empty or an
                      earlier report, which is replaced once the new one is complete
  --format LIST       html, md or html,md (default html,md)
  --years N           horizon of the issuance projection chart in years (default ${DEFAULT_PROJECTION_YEARS}; 0 = none)

Exit code: 0 done, 2 a problem with the arguments, the run directory or DIR (nothing written).`;

export interface ReportOptions {
  readonly runDir: string;
  readonly outDir: string;
  readonly formats: readonly ReportFormat[];
  readonly projectionYears: number;
}

export function parseFormats(text: string): ReportFormat[] {
  const parts = text.split(',').map((p) => p.trim());
  const formats: ReportFormat[] = [];
  for (const p of parts) {
    if (!(REPORT_FORMATS as readonly string[]).includes(p)) throw new UsageError(`--format: unknown format '${p}' (formats: ${REPORT_FORMATS.join(', ')})`);
    if (!formats.includes(p as ReportFormat)) formats.push(p as ReportFormat);
  }
  return formats;
}

export function parseYears(text: string): number {
  if (!/^\d+(\.\d+)?$/.test(text) || Number(text) > MAX_YEARS) throw new UsageError(`--years must be a number of years from 0 to ${MAX_YEARS}, got '${text}'`);
  return Number(text);
}

/**
 * Writes the report of a run directory, or of a sweep directory (one with sweep.json,
 * src/report/sweep/writeSweepReport.ts), and prints `wrote DIR: …`; a ReportError or InputError
 * becomes one line and exit 2.
 */
export async function produceReport(o: ReportOptions, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  // Loaded on demand: Vega and resvg take about 1.5 s to load, which no other command should pay.
  const { writeReport } = await import('../../report/writeReport.ts');
  const { writeSweepReport } = await import('../../report/sweep/writeSweepReport.ts');
  const { isSweepDirectory } = await import('../../report/sweep/readSweepDirectory.ts');
  const tag = `report-${process.pid}`;
  const written = isSweepDirectory(o.runDir)
    ? writeSweepReport(o.runDir, o.outDir, { formats: o.formats, tag })
    : writeReport({ runDir: o.runDir, outDir: o.outDir, formats: o.formats, projectionYears: o.projectionYears, tag });
  return written.then(
    (w) => {
      const top = w.files.filter((f) => !f.includes('/'));
      out(`wrote ${w.outDir}: ${[...top, 'charts/'].join(', ')} (${w.charts} charts)`);
      return 0;
    },
    (e: unknown) => {
      if (e instanceof ReportError || e instanceof InputError) {
        err(`yumalab report: ${e instanceof InputError ? e.problems.join('; ') : e.message}`);
        return 2;
      }
      throw e;
    },
  );
}

/**
 * The report `yumalab sweep` writes into DIR/report when the sweep is done (also when some runs
 * failed): prints `report DIR/report/report.html`. A report that cannot be written is one line
 * and exit 2, and the sweep's own files stay as they are.
 */
export async function produceSweepReport(sweepDir: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const { writeSweepReport } = await import('../../report/sweep/writeSweepReport.ts');
  try {
    const w = await writeSweepReport(sweepDir, join(sweepDir, REPORT_DIR), { tag: `report-${process.pid}` });
    out(`report ${join(w.outDir, 'report.html')}`);
    return 0;
  } catch (e) {
    const line = e instanceof InputError ? e.problems.join('; ') : e instanceof Error ? e.message.split('\n')[0] : String(e);
    err(`yumalab sweep: the report was not written (the sweep itself is complete): ${line}`);
    return 2;
  }
}

export function reportCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      format: { type: 'string', default: REPORT_FORMATS.join(',') },
      years: { type: 'string', default: String(DEFAULT_PROJECTION_YEARS) },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(REPORT_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError(`give exactly one run directory (got ${positionals.length})`);
  const runDir = positionals[0]!;
  const formats = parseFormats(values.format);
  const projectionYears = parseYears(values.years);
  return produceReport({ runDir, outDir: values.out ?? join(runDir, REPORT_DIR), formats, projectionYears }, out, err);
}
