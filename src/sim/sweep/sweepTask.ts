/**
 * One run of a sweep as a self-contained message: everything a worker needs — the scenario
 * file's text, the run's overrides and seed — and nothing that ties it to a machine, so the same
 * task runs on a worker thread (piscina) or on another machine through the job queue (BullMQ),
 * and comes back as the run directory's files in memory. The coordinator writes those files, so
 * a run directory's bytes cannot depend on where or when it was computed.
 *
 * Everything here is plain data (structured-clone and JSON safe, once `data` is base64 for JSON).
 */
import type { Coordinate } from './runSeed.ts';

/** What a sweep runs: a world scenario, or a built-in research experiment (experimentFile.ts). */
export type SweepSubjectKind = 'scenario' | 'experiment';

export interface SweepTask {
  readonly kind: SweepSubjectKind;
  /** The file as the user named it (messages, manifests). */
  readonly file: string;
  /** Its full text: workers need no access to the file. */
  readonly text: string;
  /** `yumalab sweep --set` overrides, applied to every run before its coordinates. */
  readonly overrides: readonly { readonly path: string; readonly value: unknown }[];
  /** The run's axis values, applied like `--set` (in axis order). */
  readonly coordinates: readonly Coordinate[];
  readonly seed: number;
  /** `--no-control`: a scenario with `control:` runs alone instead of as an A/B pair. */
  readonly noControl: boolean;
  /** Content address of the run (runKey.ts), so the coordinator can file the answer. */
  readonly runKey: string;
}

/** One file of a run directory: a relative path with `/` separators, and its bytes. */
export interface SweepTaskFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export type SweepTaskResult = { readonly ok: true; readonly runKey: string; readonly files: readonly SweepTaskFile[] } | { readonly ok: false; readonly runKey: string; readonly error: string };
