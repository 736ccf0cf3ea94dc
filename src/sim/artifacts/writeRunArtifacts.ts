/**
 * Runs a scenario into a directory, all or nothing (DESIGN.md habit 12): the artifacts stream
 * into temporary files in `outDir`; `groups.csv` and `subnets.csv` (the run's group and subnet
 * outcomes, known only at the end) are written after the run; only when the run has finished are they renamed to their
 * final names, `manifest.json` last, so a directory with a manifest always holds a complete run.
 * If the run throws (an invariant violation, an interrupt, a full disk) every temporary file —
 * and every directory this call created — is removed and the error is rethrown.
 */
import { readFileSync } from 'node:fs';
import type { RunRecorder } from '../run/records.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { ArtifactFile } from './artifactFile.ts';
import { ArtifactRecorder } from './artifactRecorder.ts';
import { csvHeader, csvLine } from './csvTable.ts';
import { GROUP_COLUMNS } from './groupColumns.ts';
import { SUBNET_COLUMNS } from './subnetColumns.ts';
import { makeDirectories } from './makeDirectories.ts';
import { buildManifest, manifestJson, type RunManifest, type RunTotals } from './runManifest.ts';
import { resolvedScenarioSha256, sha256Hex } from './scenarioHash.ts';

export const MANIFEST_FILE = 'manifest.json';
export const GROUPS_FILE = 'groups.csv';
export const SUBNETS_FILE = 'subnets.csv';

export interface RunArtifactsRequest {
  readonly scenario: Scenario;
  /** Existing files of the same names are replaced; the CLI decides whether that is allowed. */
  readonly outDir: string;
  /** Makes temporary names unique to this writer (e.g. the process id). */
  readonly tag: string;
  /** The command line, recorded in the manifest. */
  readonly command: readonly string[];
  /** Wall-clock timestamp for `generated_at`, read at the end (sim code has no clock of its own). */
  readonly generatedAt: () => string;
  /** Runs the simulation, sending every row to `recorder`. */
  readonly execute: (recorder: RunRecorder) => RunTotals;
  /** sha256 of the scenario file's bytes when the caller has them (a sweep worker without the file); default: read `scenario.file`. */
  readonly scenarioFileSha256?: string;
}

export function writeRunArtifacts(req: RunArtifactsRequest): RunManifest {
  // Hash the file before running, so the manifest names the bytes that were loaded, not a later edit.
  const fileSha256 = req.scenarioFileSha256 ?? sha256Hex(readFileSync(req.scenario.file));
  const resolvedSha256 = resolvedScenarioSha256(req.scenario);
  const undoDirectories = makeDirectories(req.outDir);
  let recorder: ArtifactRecorder | null = null;
  let manifestFile: ArtifactFile | null = null;
  let groupsFile: ArtifactFile | null = null;
  let subnetsFile: ArtifactFile | null = null;
  const committed: ArtifactFile[] = [];
  try {
    recorder = new ArtifactRecorder(req.outDir, req.tag);
    const totals = req.execute(recorder);
    groupsFile = new ArtifactFile(req.outDir, GROUPS_FILE, req.tag);
    groupsFile.write(csvHeader(GROUP_COLUMNS));
    for (const g of totals.groups) groupsFile.write(csvLine(GROUP_COLUMNS, g));
    subnetsFile = new ArtifactFile(req.outDir, SUBNETS_FILE, req.tag);
    subnetsFile.write(csvHeader(SUBNET_COLUMNS));
    for (const s of totals.subnets) subnetsFile.write(csvLine(SUBNET_COLUMNS, s));
    const files = [...recorder.close(), groupsFile.close(), subnetsFile.close()];
    const manifest = buildManifest({
      scenario: req.scenario,
      scenarioFileSha256: fileSha256,
      resolvedScenarioSha256: resolvedSha256,
      totals,
      files,
      generatedAt: req.generatedAt(),
      command: req.command,
    });
    manifestFile = new ArtifactFile(req.outDir, MANIFEST_FILE, req.tag);
    manifestFile.write(manifestJson(manifest));
    manifestFile.close();
    for (const f of [...recorder.files, groupsFile, subnetsFile, manifestFile]) {
      f.commit();
      committed.push(f);
    }
    return manifest;
  } catch (e) {
    // A rename that failed halfway leaves some files final: remove those too, so no directory
    // holds part of a run.
    for (const f of committed) f.discardFinal();
    recorder?.discard();
    groupsFile?.discard();
    subnetsFile?.discard();
    manifestFile?.discard();
    undoDirectories();
    throw e;
  }
}
