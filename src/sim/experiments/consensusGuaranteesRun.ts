/**
 * One run of the consensus-guarantees experiment: one retention map (one stake level, one
 * variant, one numeric mode, one draw) computed by computeRetentionMap, written as a run
 * directory —
 *
 *     map.csv        every (W_H, W_C) grid point: major_ratio, avg_weight_dev, fallback
 *     retention.json the map's reading: the honest utility required to retain the stake S
 *                    (spec §12.2), its grid-conservative variant, the share of the square where
 *                    retention holds, knife-edge and fallback point counts
 *     manifest.json  what ran (experiment, file, parameters, seed, mode, version), each file's
 *                    sha256 and the run digest — as a scenario run's manifest
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../artifacts/canonicalJson.ts';
import { formatFloat } from '../artifacts/formatFloat.ts';
import { runDigest } from '../artifacts/runDigest.ts';
import { manifestJson } from '../artifacts/runManifest.ts';
import { sha256Hex } from '../artifacts/scenarioHash.ts';
import { reproduceCommand } from '../sweep/reproduceCommand.ts';
import type { SweepTask, SweepTaskFile } from '../sweep/sweepTask.ts';
import { YUMALAB_VERSION } from '../version.ts';
import { computeRetentionMap } from './consensusGuarantees/computeRetentionMap.ts';
import { retentionMapCsv } from './consensusGuarantees/retentionMapCsv.ts';
import { gridConservativeThreshold, retentionThreshold, type RetentionThreshold } from './consensusGuarantees/retentionThreshold.ts';
import type { ExperimentFile } from './experimentFile.ts';

export const MAP_FILE = 'map.csv';
export const RETENTION_FILE = 'retention.json';

/** The threshold as a summary value: a number, `0` where retention holds everywhere, or `not_attainable`. */
export function thresholdText(t: RetentionThreshold): string {
  return t.kind === 'value' ? formatFloat(t.honestUtility) : t.kind === 'everywhere' ? '0' : 'not_attainable';
}

/** sha256 of what a run computes: the experiment, its parameters and its seed. */
export function experimentResolvedSha256(e: ExperimentFile): string {
  return sha256Hex(canonicalJson({ experiment: e.experiment, parameters: e.parameters, seed: e.seed }));
}

export function runConsensusGuarantees(e: ExperimentFile, task: SweepTask): SweepTaskFile[] {
  const map = computeRetentionMap(e.params);
  const threshold = retentionThreshold(map);
  const level = e.params.stake;
  let retained = 0;
  for (const r of map.majorRatio) if (r >= level) retained++;
  let fallback = 0;
  for (const f of map.fallback) fallback += f;
  const reading = {
    stake: level,
    honest_utility_required: thresholdText(threshold),
    grid_conservative: thresholdText(gridConservativeThreshold(map)),
    retained_share: formatFloat(retained / map.majorRatio.length),
    knife_edge_points: threshold.knifeEdgePoints,
    fallback_points: fallback,
    major_validators: map.teams.majorValidators,
    major_servers: map.teams.majorServers,
  };
  const encoder = new TextEncoder();
  const files: SweepTaskFile[] = [
    { name: MAP_FILE, data: encoder.encode(retentionMapCsv(map)) },
    { name: RETENTION_FILE, data: encoder.encode(`${JSON.stringify(reading, null, 2)}\n`) },
  ];
  const listed = files.map((f) => ({ name: f.name, sha256: createHash('sha256').update(f.data).digest('hex'), bytes: f.data.length }));
  const manifest = {
    yumalab_version: YUMALAB_VERSION,
    kind: 'experiment',
    experiment: e.experiment,
    scenario: { name: e.name, file: task.file, file_sha256: sha256Hex(task.text), resolved_sha256: experimentResolvedSha256(e) },
    seed: e.seed,
    numeric_mode: e.params.mode,
    parameters: e.parameters,
    files: listed,
    digest: `sha256:${runDigest(listed)}`,
    // Empty, as in every sweep run (see sweepScenarioRun.ts).
    generated_at: '',
    command: reproduceCommand(task),
  };
  files.push({ name: 'manifest.json', data: encoder.encode(manifestJson(manifest)) });
  return files;
}
