/**
 * The runs of a sweep, in their fixed order: grid combinations (first grid axis slowest, last
 * fastest), within each the zip positions, within each the replicates. `summary.csv` lists runs
 * in this order however many workers computed them and in whatever order they finished.
 */
import type { Coordinate } from './runSeed.ts';
import { runSeed } from './runSeed.ts';
import type { SweepDefinition } from './sweepDefinition.ts';

export interface SweepPoint {
  /** Position in the sweep's run order, from 0. */
  readonly index: number;
  /** One value per axis, in axis order (grid axes, then zip axes). */
  readonly coordinates: readonly Coordinate[];
  /** 0-based replicate number. */
  readonly replicate: number;
  readonly seed: number;
}

export function expandSweep(definition: SweepDefinition, scenarioSeed: number): SweepPoint[] {
  const grid = definition.axes.filter((a) => a.kind === 'grid');
  const zip = definition.axes.filter((a) => a.kind === 'zip');
  const zipLength = zip.length === 0 ? 1 : zip[0]!.values.length;
  let combos: Coordinate[][] = [[]];
  for (const axis of grid) {
    const next: Coordinate[][] = [];
    for (const c of combos) for (const value of axis.values) next.push([...c, { path: axis.path, value }]);
    combos = next;
  }
  const points: SweepPoint[] = [];
  for (const combo of combos) {
    for (let z = 0; z < zipLength; z++) {
      const coordinates = [...combo, ...zip.map((a) => ({ path: a.path, value: a.values[z] }))];
      for (let r = 0; r < definition.replicates; r++) {
        points.push({ index: points.length, coordinates, replicate: r, seed: runSeed(scenarioSeed, coordinates, r, definition.commonRandomNumbers) });
      }
    }
  }
  return points;
}
