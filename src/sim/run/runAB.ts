/**
 * An A/B pair without files, for tests and notebooks: the scenario (the attack) and its
 * `control:` variant run with the same seed, and their group outcomes compared row by row
 * (compareGroups.ts). `yumalab run` does the same through the artifacts writer.
 */
import type { Scenario } from '../scenario/scenario.ts';
import { compareGroups, type AbRow } from './compareGroups.ts';
import { DISCARD_RECORDER } from './records.ts';
import { runScenario, type RunSummary } from './runScenario.ts';

export interface AbResult {
  readonly attack: RunSummary;
  readonly control: RunSummary;
  readonly rows: readonly AbRow[];
}

/** Runs both sides; throws if the scenario has no `control:`. */
export function runAB(scenario: Scenario): AbResult {
  if (scenario.control === null) throw new Error(`runAB: scenario ${scenario.name} has no control: section`);
  const attack = runScenario(scenario, { recorder: DISCARD_RECORDER });
  const control = runScenario(scenario.control.scenario, { recorder: DISCARD_RECORDER });
  return { attack, control, rows: compareGroups(attack.groups, control.groups) };
}
