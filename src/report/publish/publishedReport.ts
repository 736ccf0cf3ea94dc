/**
 * A curated research report the project publishes under reports/ (`npm run reports`): a question,
 * the studies that answer it (src/report/studies), the written findings — sentences whose numbers
 * and directions are read from the study results, never typed in — key-figure tables and charts.
 * writePublishedReports.ts renders each as README.md (PNG charts) and report.html (inline SVG).
 */
import type { ReportChart } from '../charts/reportChart.ts';
import type { Table } from '../reportDocument.ts';

export interface PublishedReport {
  /** Directory name under reports/. */
  readonly slug: string;
  readonly title: string;
  readonly question: string;
  /** What was run: scenario files, variants, durations. */
  readonly method: string;
  /** Scenario files the studies loaded (paths as given), for provenance. */
  readonly scenarioFiles: readonly string[];
  readonly findings: readonly string[];
  readonly tables: readonly Table[];
  readonly charts: readonly ReportChart[];
}

/** Options every published report takes. */
export interface PublishOptions {
  /** The repository root (scenario files are read from `<root>/scenarios`). */
  readonly root: string;
  /** Shorter runs and fewer points, for tests; published reports use false. */
  readonly quick: boolean;
}

export function percent(x: number, digits = 1): string {
  return `${(100 * x).toFixed(digits)}%`;
}

export function fixed(x: number, digits = 3): string {
  return x.toFixed(digits);
}

/** "higher"/"lower"/"equal" of a against b, for findings whose direction the data decides. */
export function compared(a: number, b: number, higher = 'higher', lower = 'lower'): string {
  return a > b ? higher : a < b ? lower : 'equal';
}
