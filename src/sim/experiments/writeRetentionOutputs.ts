/**
 * The consensus-guarantees study's own outputs, written into the sweep directory once the sweep
 * is complete: `thresholds.csv` and `thresholds-replicates.csv` (retentionStudy.ts). Written to
 * temporary names and renamed, like every artifact.
 */
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { collectRetentionStudy, THRESHOLD_REPLICATES_FILE, THRESHOLDS_FILE, thresholdReplicatesCsv, thresholdsCsv } from './retentionStudy.ts';

export function writeRetentionOutputs(sweepDir: string, baseParameters: Readonly<Record<string, unknown>> | null): string[] {
  const study = collectRetentionStudy(sweepDir, baseParameters);
  const files: [string, string][] = [
    [THRESHOLDS_FILE, thresholdsCsv(study)],
    [THRESHOLD_REPLICATES_FILE, thresholdReplicatesCsv(study)],
  ];
  for (const [name, text] of files) {
    const temp = join(sweepDir, `.${name}.${process.pid}.tmp`);
    writeFileSync(temp, text);
    renameSync(temp, join(sweepDir, name));
  }
  return files.map(([name]) => name);
}
