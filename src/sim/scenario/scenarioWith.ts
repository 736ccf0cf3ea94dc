/**
 * Loading a scenario file with `--set`-style overrides given as a record (key path → value): what
 * studies, tests and notebooks use to vary a few keys of one scenario per run.
 */
import { loadScenario } from './loadScenario.ts';
import type { Scenario } from './scenario.ts';
import type { ScenarioOverride } from './scenarioOverride.ts';

/** Key path → value, as `yumalab run --set key.path=value` would apply them. */
export type Overrides = Readonly<Record<string, unknown>>;

export function scenarioWith(file: string, overrides: Overrides = {}): Scenario {
  const list: ScenarioOverride[] = Object.entries(overrides).map(([path, value]) => ({ path, value, label: 'study' }));
  return loadScenario(file, list);
}
