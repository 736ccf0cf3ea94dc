import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandSweep } from '../../../../src/sim/sweep/expandSweep.ts';
import type { SweepAxis, SweepDefinition } from '../../../../src/sim/sweep/sweepDefinition.ts';

const def = (axes: SweepAxis[], replicates = 1, commonRandomNumbers = false): SweepDefinition => ({ axes, replicates, commonRandomNumbers, report: { metric: null, x: null, y: null } });
const grid = (path: string, values: unknown[]): SweepAxis => ({ path, values, kind: 'grid' });
const zip = (path: string, values: unknown[]): SweepAxis => ({ path, values, kind: 'zip' });

describe('expandSweep', () => {
  it('crosses grid axes with the last axis varying fastest, then zip positions, then replicates', () => {
    const points = expandSweep(def([grid('a', [1, 2]), grid('b', ['x', 'y']), zip('c', [10, 20]), zip('d', [true, false])], 2), 7);
    expect(points).toHaveLength(2 * 2 * 2 * 2);
    const label = points.map((p) => `${p.coordinates.map((c) => String(c.value)).join('/')}#${p.replicate}`);
    expect(label.slice(0, 6)).toEqual(['1/x/10/true#0', '1/x/10/true#1', '1/x/20/false#0', '1/x/20/false#1', '1/y/10/true#0', '1/y/10/true#1']);
    expect(label.at(-1)).toBe('2/y/20/false#1');
    expect(points.map((p) => p.index)).toEqual(points.map((_, i) => i));
  });

  it('gives one run without axes, and replicates of it with their own seeds', () => {
    const points = expandSweep(def([], 3), 1);
    expect(points.map((p) => p.coordinates)).toEqual([[], [], []]);
    expect(new Set(points.map((p) => p.seed)).size).toBe(3);
  });

  it('never changes the seed of a run when an axis gains a value or the axes are reordered', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 1000 }), { minLength: 2, maxLength: 6 }), fc.integer({ min: 0, max: 2 ** 31 }), (values, seed) => {
        const keyed = (axes: SweepAxis[]) => new Map(expandSweep(def(axes, 2), seed).map((p) => [`${p.coordinates.map((c) => `${c.path}=${String(c.value)}`).sort().join('&')}#${p.replicate}`, p.seed]));
        const small = keyed([grid('a', values.slice(1)), grid('b', ['u', 'v'])]);
        const big = keyed([grid('b', ['u', 'v']), zip('a', values)]);
        for (const [k, s] of small) expect(big.get(k)).toBe(s);
      }),
      { numRuns: 50 },
    );
  });

  it('gives every replicate the same seed at every point with common random numbers, and different seeds across replicates', () => {
    const points = expandSweep(def([grid('a', [1, 2, 3])], 2, true), 9);
    expect(new Set(points.filter((p) => p.replicate === 0).map((p) => p.seed)).size).toBe(1);
    expect(new Set(points.map((p) => p.seed)).size).toBe(2);
  });

  it('derives seeds from the scenario seed', () => {
    const a = expandSweep(def([grid('a', [1])]), 1)[0]!.seed;
    const b = expandSweep(def([grid('a', [1])]), 2)[0]!.seed;
    expect(a).not.toBe(b);
    expect(Number.isSafeInteger(a)).toBe(true);
  });
});
