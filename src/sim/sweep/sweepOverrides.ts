/**
 * A run's overrides in the order they apply — the sweep's `--set` values, the run's coordinates,
 * its seed — as loader overrides whose labels say where a problem came from.
 */
import type { ScenarioOverride } from '../scenario/scenarioOverride.ts';
import type { SweepTask } from './sweepTask.ts';

export function sweepOverridesOf(task: Pick<SweepTask, 'overrides' | 'coordinates' | 'seed'>): ScenarioOverride[] {
  return [
    ...task.overrides.map((o) => ({ path: o.path, value: o.value, label: `--set ${o.path}` })),
    ...task.coordinates.map((c) => ({ path: c.path, value: c.value, label: `sweep ${c.path}` })),
    { path: 'seed', value: task.seed, label: 'sweep seed' },
  ];
}
