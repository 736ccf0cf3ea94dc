/**
 * A sweep run of a world scenario: the scenario text with the run's coordinates and seed applied
 * exactly as `yumalab run --seed S --set path=value …` would apply them (so the run can be
 * reproduced alone by the command its manifest records), run into a scratch directory with the
 * same writers as `yumalab run` — one run directory, or an A/B pair when the scenario has a
 * `control:` section — and returned as files in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sha256Hex } from '../artifacts/scenarioHash.ts';
import { writeAbArtifacts } from '../artifacts/writeAbArtifacts.ts';
import { writeRunArtifacts } from '../artifacts/writeRunArtifacts.ts';
import { runScenario } from '../run/runScenario.ts';
import { parseScenario } from '../scenario/loadScenario.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { readTree } from './readTree.ts';
import { reproduceCommand } from './reproduceCommand.ts';
import { sweepOverridesOf } from './sweepOverrides.ts';
import type { SweepTask, SweepTaskFile } from './sweepTask.ts';

/** True when the run is an A/B pair. */
export function isPairRun(scenario: Scenario, noControl: boolean): boolean {
  return scenario.control !== null && !noControl;
}

export function runScenarioTask(task: SweepTask): SweepTaskFile[] {
  const scenario = parseScenario(task.text, task.file, sweepOverridesOf(task));
  const scratch = mkdtempSync(join(tmpdir(), 'yumalab-sweep-'));
  try {
    const outDir = join(scratch, 'run');
    const common = {
      scenario,
      outDir,
      tag: 'sweep',
      command: reproduceCommand(task),
      // Empty: a sweep's run directories are content-addressed and must be byte-identical however
      // and whenever they were computed; the sweep's own sweep.json records when it ran.
      generatedAt: () => '',
      scenarioFileSha256: sha256Hex(task.text),
    };
    if (isPairRun(scenario, task.noControl)) writeAbArtifacts({ ...common, execute: (_side, s, recorder) => runScenario(s, { recorder }) });
    else writeRunArtifacts({ ...common, execute: (recorder) => runScenario(scenario, { recorder }) });
    return readTree(outDir);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
