/**
 * A report that cannot be made: the run directory is missing, not a yumalab run, corrupt or
 * partial, or the output directory holds something other than an earlier report. The message is
 * one line naming the directory and the file (`runs/x/1: metrics.csv does not match its manifest
 * sha256 (corrupt or partial run)`); the CLI prints it and exits with code 2.
 */
export class ReportError extends Error {
  override readonly name = 'ReportError';
}
