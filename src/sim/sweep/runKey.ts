/**
 * The content address of a sweep run: sha256 of the yumalab version, the subject kind, the
 * resolved configuration's hash (defaults filled, overrides and seed applied — scenarioHash.ts)
 * and the run's shape (single run or A/B pair). Two runs with the same key would write the same
 * bytes, so a run directory found under its key is a cache hit, whichever sweep wrote it.
 */
import { canonicalJson } from '../artifacts/canonicalJson.ts';
import { sha256Hex } from '../artifacts/scenarioHash.ts';
import { YUMALAB_VERSION } from '../version.ts';
import type { SweepSubjectKind } from './sweepTask.ts';

export function runKey(kind: SweepSubjectKind, resolvedSha256: string, shape: 'single' | 'pair'): string {
  return sha256Hex(canonicalJson({ scheme: 'yumalab-run-key-1', version: YUMALAB_VERSION, kind, resolved: resolvedSha256, shape }));
}

/** The run directory's name under `runs/`: the key's first 16 hex digits (64 bits). */
export function runDirName(key: string): string {
  return key.slice(0, 16);
}
