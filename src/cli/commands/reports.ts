/**
 * `yumalab reports [--out DIR] [--only SLUG]...` (`npm run reports`) — regenerates the curated
 * research reports in reports/ (src/report/publish): runs their studies, renders charts and
 * findings, and replaces DIR as a whole once everything is written.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PUBLISHED_REPORTS } from '../../report/publish/publishedReports.ts';
import { UsageError } from '../usageError.ts';

export const REPORTS_USAGE = `usage: yumalab reports [options]

Regenerates the curated research reports (weight copying and commit-reveal, minority cabals and
the bonds penalty, the emission schedule and halvings, dTAO price manipulation): runs each study's
scenarios, writes <slug>/report.md, <slug>/report.html and <slug>/charts/ for every report and an
index README.md into DIR, replacing it only once everything is written. Takes a few minutes.

options:
  --out DIR      output directory (default reports/ of this repository)
  --only SLUG    regenerate only this report (repeatable; the others are left out of DIR)
  --quick        short runs and fewer points (for checking the pipeline, not for publishing)`;

/** The repository root: src/cli/commands → ../../.. */
const ROOT = resolve(import.meta.dirname, '..', '..', '..');

/** Checks the arguments synchronously (a mistake throws UsageError: one line, exit 2), then runs the studies. */
export function reportsCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      only: { type: 'string', multiple: true, default: [] },
      quick: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(REPORTS_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`reports takes no positional arguments (got ${positionals.join(' ')})`);
  const known = PUBLISHED_REPORTS.map((r) => r.slug);
  for (const s of values.only) if (!known.includes(s)) throw new UsageError(`--only: unknown report '${s}' (reports: ${known.join(', ')})`);
  const chosen = values.only.length === 0 ? PUBLISHED_REPORTS : PUBLISHED_REPORTS.filter((r) => values.only.includes(r.slug));
  const options = { root: ROOT, quick: values.quick };
  const outDir = values.out ?? resolve(ROOT, 'reports');
  return publish(chosen, options, outDir, out, err);
}

async function publish(chosen: typeof PUBLISHED_REPORTS, options: { readonly root: string; readonly quick: boolean }, outDir: string, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  // Loaded on demand: Vega and resvg take about 1.5 s to load.
  const { writePublishedReports } = await import('../../report/publish/writePublishedReports.ts');
  const reports = chosen.map((r) => {
    err(`study ${r.slug} …`);
    return r.build(options);
  });
  const files = await writePublishedReports(outDir, reports, options, `reports-${process.pid}`);
  out(`wrote ${outDir}: ${reports.length} report(s), ${files.length} files`);
  return 0;
}
