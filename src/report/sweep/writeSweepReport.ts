/**
 * `writeSweepReport`: a sweep directory (`yumalab sweep`'s DIR: sweep.json, summary.csv, runs/)
 * → its report, by default DIR/report: report.html, report.md and charts/<name>.vl.json, .svg,
 * .png, written like a run's report (writeReportDirectory: rendered in memory, swapped into
 * place, all or nothing; an output directory holding anything but an earlier report is refused).
 * Only sweep.json and summary.csv are read, so a report takes well under a second whatever the
 * size of the runs, and the same sweep directory gives byte-identical reports.
 */
import { join } from 'node:path';
import { checkReportOutDir, writeReportDirectory, type ReportWritten } from '../writeReport.ts';
import { REPORT_FORMATS, type ReportFormat } from '../reportOptions.ts';
import { aggregateSweepMetric } from './aggregateSweepMetric.ts';
import { readSweepDirectory } from './readSweepDirectory.ts';
import { sweepCharts } from './sweepCharts.ts';
import { sweepReportDocument } from './sweepReportDocument.ts';
import { sweepView } from './sweepView.ts';
import { retentionReportParts } from './retentionReportParts.ts';

/** The report's place inside a sweep directory. */
export const SWEEP_REPORT_DIR = 'report';

export interface SweepReportOptions {
  readonly formats?: readonly ReportFormat[];
  /** Makes the temporary directory's name unique to this writer (default: the process id). */
  readonly tag?: string;
}

/**
 * Throws InputError (one line naming sweep.json or summary.csv) when the sweep directory is
 * missing, corrupt or names a metric or axis it does not have, and ReportError when `reportDir`
 * holds something other than an earlier report.
 */
export async function writeSweepReport(sweepDir: string, reportDir: string = join(sweepDir, SWEEP_REPORT_DIR), options: SweepReportOptions = {}): Promise<ReportWritten> {
  checkReportOutDir(reportDir, sweepDir);
  const data = readSweepDirectory(sweepDir);
  const view = sweepView(data);
  const aggregate = aggregateSweepMetric(data, view);
  const sections = sweepCharts(data, view, aggregate);
  const generic = sweepReportDocument(data, view, aggregate, sections);
  // A consensus-guarantees sweep also gets its retention lines and thresholds (retentionReportParts.ts).
  const retention = data.manifest.subject === 'experiment' ? retentionReportParts(sweepDir) : null;
  const doc =
    retention === null
      ? generic
      : { ...generic, findings: [...(generic.findings ?? []), ...retention.findings], tables: [...retention.tables, ...generic.tables], sections: retention.sections };
  return writeReportDirectory({
    sourceDir: sweepDir,
    outDir: reportDir,
    formats: options.formats ?? REPORT_FORMATS,
    tag: options.tag ?? `sweep-report-${process.pid}`,
    doc,
  });
}
