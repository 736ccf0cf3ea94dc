/**
 * What a sweep can run, behind one small interface: a world scenario (sweepScenarioRun.ts) or a
 * built-in research experiment (src/sim/experiments/). Each kind validates its file, says which
 * key paths an axis may vary, resolves one run to the hash of its full configuration (the cache
 * key's input), runs one task into files, and reads the key metrics of a finished run directory.
 */
import type { ScenarioOverride } from '../scenario/scenarioOverride.ts';
import type { RawSweep } from './sweepSchema.ts';
import type { SweepSubjectKind, SweepTask, SweepTaskFile } from './sweepTask.ts';

export interface SweepBase {
  readonly name: string;
  /** The file's seed after `--seed`. */
  readonly seed: number;
  /** The file's `sweep:` section (schema-checked), or undefined when it has none. */
  readonly sweep: RawSweep | undefined;
  /** For experiments: the resolved base parameters, recorded in sweep.json (`base`); null for scenarios. */
  readonly baseParameters: Readonly<Record<string, unknown>> | null;
}

export interface ResolvedRun {
  /** sha256 of the run's resolved configuration (seed included, file path excluded). */
  readonly resolvedSha256: string;
  readonly shape: 'single' | 'pair';
}

export interface SweepSubject {
  readonly kind: SweepSubjectKind;
  /** Checks the whole file with the command-line overrides; a mistake throws `InputError`. */
  loadBase(file: string, text: string, overrides: readonly ScenarioOverride[]): SweepBase;
  pathOk(path: string): boolean;
  /** An example key path for messages. */
  readonly examplePath: string;
  /** Resolves one run (`overrides` = command line, then coordinates, then seed); throws `InputError`. */
  resolveRun(file: string, text: string, overrides: readonly ScenarioOverride[], noControl: boolean): ResolvedRun;
  /** Optional asynchronous set-up before `execute` on the thread that runs the task (e.g. the tfjs backend for ML agents). */
  prepare?(task: SweepTask): Promise<void>;
  /** Runs one task into the run directory's files (throws on failure). */
  execute(task: SweepTask): SweepTaskFile[];
  /** Key metrics (name → value text, as written in the run's own files) of a finished run directory. */
  metrics(files: ReadonlyMap<string, string>): Map<string, string>;
  /** Files `metrics` reads (relative names), so the coordinator loads only those. */
  metricFiles(shape: 'single' | 'pair'): readonly string[];
  /**
   * Study-level outputs computed from the finished sweep directory (after summary.csv), e.g. the
   * retention thresholds; returns the names of the files written into the sweep directory.
   */
  finish?(sweepDir: string, baseParameters: Readonly<Record<string, unknown>> | null): readonly string[];
}
