/**
 * The seed of one run of a sweep: a hash of the scenario seed, the run's coordinates (key path →
 * value, in path order) and its replicate number. A run's seed therefore depends only on what the
 * run is, not on where it sits in the sweep: adding a value to an axis, reordering axes or
 * switching grid and zip never changes any other run's seed (peers.md §3, items 1–3: cadCAD,
 * radCAD and Mesa users ask for exactly this). With common random numbers the coordinates are
 * left out, so replicate r draws the same numbers at every point.
 *
 * 48 bits of sha256, so the seed is an exact JavaScript integer and fits `--seed`.
 */
import { createHash } from 'node:crypto';
import { canonicalJson } from '../artifacts/canonicalJson.ts';

export interface Coordinate {
  readonly path: string;
  readonly value: unknown;
}

export function runSeed(scenarioSeed: number, coordinates: readonly Coordinate[], replicate: number, commonRandomNumbers: boolean): number {
  const point = commonRandomNumbers ? null : [...coordinates].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)).map((c) => [c.path, c.value]);
  const text = canonicalJson({ scheme: 'yumalab-sweep-seed-1', seed: scenarioSeed, point, replicate });
  const digest = createHash('sha256').update(text).digest();
  return digest.readUIntBE(0, 6);
}
