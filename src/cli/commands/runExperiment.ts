/**
 * `yumalab run <experiment.yaml>`: one run of a research experiment (a file with a top-level
 * `experiment:` key) — for the consensus-guarantees study, one retention map — written into DIR
 * exactly as the same run inside a sweep writes its run directory (map.csv, retention.json,
 * manifest.json), so `yumalab run FILE --seed S --set …`, the command a sweep run's manifest
 * records, reproduces that run's digest. The map is computed on the main thread: seconds in
 * float mode, about 13 s in chain mode.
 */
import { join } from 'node:path';
import { directoryState } from '../../sim/artifacts/directoryState.ts';
import { replaceDirectory } from '../../sim/artifacts/replaceDirectory.ts';
import { consensusGuaranteesSubject } from '../../sim/experiments/consensusGuaranteesSubject.ts';
import { parseExperimentFile } from '../../sim/experiments/experimentFile.ts';
import { readInputText } from '../../sim/input/readStructuredFile.ts';
import type { ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';
import { RunStore } from '../../sim/sweep/runStore.ts';
import { UsageError } from '../usageError.ts';

export interface ExperimentRunOptions {
  readonly outDir: string | undefined;
  readonly force: boolean;
  readonly quiet: boolean;
}

export function runExperiment(file: string, overrides: readonly ScenarioOverride[], options: ExperimentRunOptions, out: (line: string) => void, err: (line: string) => void): number {
  const text = readInputText(file);
  const experiment = parseExperimentFile(text, file, overrides);
  const outDir = options.outDir ?? join('runs', experiment.name, String(experiment.seed));
  const state = directoryState(outDir);
  if (state === 'not-a-directory') throw new UsageError(`${outDir} exists and is not a directory`);
  if (state === 'non-empty' && !options.force) throw new UsageError(`${outDir} is not empty (use --force to replace it, or --out DIR)`);
  const p = experiment.params;
  if (!options.quiet) err(`run ${experiment.name} (${experiment.experiment}) seed ${experiment.seed}: one retention map, S = ${p.stake}, ${p.weightSteps + 1}² points, ${p.mode} → ${outDir}`);
  const files = consensusGuaranteesSubject.execute({
    kind: 'experiment',
    file,
    text,
    overrides: overrides.filter((o) => o.path !== 'seed').map((o) => ({ path: o.path, value: o.value })),
    coordinates: [],
    seed: experiment.seed,
    noControl: false,
    runKey: '',
  });
  replaceDirectory(outDir, String(process.pid), (dir) => RunStore.writeFiles(dir, files));
  const manifest = JSON.parse(new TextDecoder().decode(files.find((f) => f.name === 'manifest.json')!.data)) as { digest: string };
  if (!options.quiet) out(`wrote ${outDir}: ${files.map((f) => f.name).join(', ')}`);
  out(`digest ${manifest.digest}`);
  return 0;
}
