/**
 * The report's formats and defaults, apart from writeReport.ts so the CLI can parse its flags
 * without loading Vega and resvg (about 1.5 s) for commands that never draw a chart.
 */
export type ReportFormat = 'html' | 'md';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'md'];
/** Default horizon of the issuance projection chart, `yumalab supply`'s default. */
export const DEFAULT_PROJECTION_YEARS = 20;
