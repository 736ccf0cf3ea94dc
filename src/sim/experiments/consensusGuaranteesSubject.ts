/** The consensus-guarantees experiment as a sweep subject (sweepSubject.ts). */
import { RETENTION_FILE, experimentResolvedSha256, runConsensusGuarantees } from './consensusGuaranteesRun.ts';
import { experimentPathOk, parseExperimentFile } from './experimentFile.ts';
import { sweepOverridesOf } from '../sweep/sweepOverrides.ts';
import type { SweepSubject } from '../sweep/sweepSubject.ts';
import { writeRetentionOutputs } from './writeRetentionOutputs.ts';

export const consensusGuaranteesSubject: SweepSubject = {
  kind: 'experiment',
  loadBase(file, text, overrides) {
    const e = parseExperimentFile(text, file, overrides);
    return { name: e.name, seed: e.seed, sweep: e.sweep, baseParameters: e.parameters };
  },
  pathOk: experimentPathOk,
  examplePath: 'parameters.kappa',
  resolveRun(file, text, overrides) {
    return { resolvedSha256: experimentResolvedSha256(parseExperimentFile(text, file, overrides)), shape: 'single' };
  },
  execute(task) {
    return runConsensusGuarantees(parseExperimentFile(task.text, task.file, sweepOverridesOf(task)), task);
  },
  metrics(files) {
    const text = files.get(RETENTION_FILE);
    if (text === undefined) throw new Error(`run directory lacks ${RETENTION_FILE}`);
    const r = JSON.parse(text) as Record<string, unknown>;
    const out = new Map<string, string>();
    for (const k of ['honest_utility_required', 'grid_conservative', 'retained_share', 'knife_edge_points', 'fallback_points']) out.set(k, String(r[k]));
    return out;
  },
  metricFiles: () => [RETENTION_FILE],
  finish: writeRetentionOutputs,
};
