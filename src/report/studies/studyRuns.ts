/**
 * Loading a library scenario with `--set`-style overrides, for the studies: each study varies a
 * few keys of one scenario file and runs it (alone or as an A/B pair) per point.
 */
import { loadScenario } from '../../sim/scenario/loadScenario.ts';
import type { Scenario } from '../../sim/scenario/scenario.ts';
import type { ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';

/** Key path → value, as `yumalab run --set key.path=value` would apply them. */
export type Overrides = Readonly<Record<string, unknown>>;

export function scenarioWith(file: string, overrides: Overrides = {}): Scenario {
  const list: ScenarioOverride[] = Object.entries(overrides).map(([path, value]) => ({ path, value, label: 'study' }));
  return loadScenario(file, list);
}
