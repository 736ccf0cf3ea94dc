/**
 * `yumalab conformance <file-or-dir>... [--json] [--mode chain|float] [--quiet]`
 * Runs conformance cases (shared/spec/conformance.md): one line per case, a closing
 * `N passed, M failed`, exit code 1 on any failure.
 */
import { parseArgs } from 'node:util';
import { CasePathError } from '../../sim/conformance/loadCases.ts';
import { formatCaseResult } from '../../sim/conformance/runCase.ts';
import { runConformance } from '../../sim/conformance/runConformance.ts';
import { UsageError, parseNumericMode } from '../usageError.ts';

export const CONFORMANCE_USAGE = `usage: yumalab conformance <file-or-dir>... [--json] [--mode chain|float] [--quiet]

Runs every *.json conformance case found under the given files or directories.
  --json         print machine-readable results instead of lines
  --mode MODE    numeric mode: chain (bit-exact, default) or float (expect failures)
  --quiet        print only failures and the summary line
Exit code: 0 all passed, 1 any failure, 2 usage error.`;

export function conformanceCommand(argv: readonly string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      json: { type: 'boolean', default: false },
      mode: { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(CONFORMANCE_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('conformance: give at least one case file or directory');
  const mode = parseNumericMode(values.mode);
  let summary;
  try {
    summary = runConformance(positionals, mode);
  } catch (e) {
    if (e instanceof CasePathError) throw new UsageError(e.message);
    throw e;
  }
  if (values.json) {
    out(JSON.stringify({ mode, passed: summary.passed, failed: summary.failed, results: summary.results }, null, 2));
  } else {
    for (const r of summary.results) if (!values.quiet || !r.passed) out(formatCaseResult(r));
    out(`${summary.passed} passed, ${summary.failed} failed`);
  }
  return summary.failed > 0 ? 1 : 0;
}
