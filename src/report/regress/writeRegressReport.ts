/**
 * `writeRegressReport`: a suite comparison → its report directory (default
 * `runs/regress/<suite>/report`): report.html, report.md and charts/<name>.vl.json, .svg, .png,
 * written like every report (writeReportDirectory: rendered in memory, swapped into place, all
 * or nothing; a directory holding anything but an earlier report is refused, and the report may
 * not replace the suite).
 */
import { attackerShifts } from '../../sim/regress/scenarioVerdict.ts';
import { REPORT_FORMATS, type ReportFormat } from '../reportOptions.ts';
import { checkReportOutDir, writeReportDirectory, type ReportWritten } from '../writeReport.ts';
import { regressSections } from './regressCharts.ts';
import { regressReportDocument, type RegressReportInput } from './regressReportDocument.ts';

export interface RegressReportOptions {
  readonly formats?: readonly ReportFormat[];
  /** Makes the temporary directory's name unique to this writer (default: the process id). */
  readonly tag?: string;
}

export async function writeRegressReport(input: RegressReportInput, outDir: string, options: RegressReportOptions = {}): Promise<ReportWritten> {
  checkReportOutDir(outDir, input.suite.dir);
  const sections = regressSections(input.verdicts, attackerShifts(input.verdicts));
  return writeReportDirectory({
    sourceDir: input.suite.dir,
    outDir,
    formats: options.formats ?? REPORT_FORMATS,
    tag: options.tag ?? `regress-report-${process.pid}`,
    doc: regressReportDocument(input, sections),
  });
}
