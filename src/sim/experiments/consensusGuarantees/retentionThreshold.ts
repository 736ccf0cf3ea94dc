/**
 * "The honest utility required to preserve X % honest stake" (spec §12): read off one retention
 * map at level S (by default the map's own stake).
 *
 * `retentionThreshold` is spec §12.2 exactly, matching the drawn contour: a grid edge crosses the
 * level when one end is < S and the other ≥ S; a horizontal edge (a, b)–(a+1, b) crosses at
 * x = (a + (S − Z[a][b]) / (Z[a+1][b] − Z[a][b])) / steps, a vertical one at x = a/steps; U(S) is
 * the largest crossing x — the rightmost point of the retention line, i.e. the worst case over the
 * cabal's self-weight W_C. Outcomes:
 * - some Z < S on the right border W_H = 1: `not_attainable` (some W_C defeats even W_H = 1;
 *   this includes a map that is < S everywhere);
 * - no crossing (then every Z ≥ S): `everywhere`, U = 0;
 * - otherwise `value`; exactly 1 means W_H = 1 retains with equality, typically at a fallback
 *   point where major_ratio = S (spec §8.6).
 * Both functions count the knife-edge points |major_ratio − S| < 10⁻⁶, where a rounding
 * difference can move the line (spec §8.6): compare thresholds there with care.
 */
import type { RetentionMap } from './computeRetentionMap.ts';

export type RetentionThreshold = (
  | { readonly kind: 'value'; readonly honestUtility: number }
  | { readonly kind: 'everywhere' }
  | { readonly kind: 'not_attainable' }
) & {
  /** The contour level S the threshold was read at. */
  readonly level: number;
  /** Grid points with |major_ratio − level| < KNIFE_EDGE. */
  readonly knifeEdgePoints: number;
};

export const KNIFE_EDGE = 1e-6;

type MapGrid = Pick<RetentionMap, 'size' | 'majorRatio' | 'params'>;

function knifeEdgePoints(z: Float64Array, level: number): number {
  let count = 0;
  for (let i = 0; i < z.length; i++) if (Math.abs(z[i]! - level) < KNIFE_EDGE) count++;
  return count;
}

/** Whether some point of the right border (W_H = 1) is below the level. */
function rightBorderFails(map: MapGrid, level: number): boolean {
  const n = map.size - 1;
  for (let b = 0; b <= n; b++) if (map.majorRatio[n * map.size + b]! < level) return true;
  return false;
}

/** U(S) of spec §12.2, interpolated on grid edges like the drawn contour. */
export function retentionThreshold(map: MapGrid, level: number = map.params.stake): RetentionThreshold {
  const { size, majorRatio: z } = map;
  const n = size - 1;
  const common = { level, knifeEdgePoints: knifeEdgePoints(z, level) };
  if (rightBorderFails(map, level)) return { kind: 'not_attainable', ...common };
  let rightmost = -1;
  for (let a = 0; a <= n; a++) {
    for (let b = 0; b <= n; b++) {
      const z0 = z[a * size + b]!;
      if (a < n) {
        const z1 = z[(a + 1) * size + b]!;
        if (z0 < level !== z1 < level) rightmost = Math.max(rightmost, (a + (level - z0) / (z1 - z0)) / n);
      }
      if (b < n) {
        const z1 = z[a * size + b + 1]!;
        if (z0 < level !== z1 < level) rightmost = Math.max(rightmost, a / n);
      }
    }
  }
  if (rightmost < 0) return { kind: 'everywhere', ...common };
  return { kind: 'value', honestUtility: rightmost, ...common };
}

/**
 * The grid-conservative alternative (spec §12.2, last paragraph): the smallest grid W_H = a/steps
 * such that major_ratio ≥ S at every grid point with W_H ≥ a/steps, for every W_C. Up to one grid
 * step above U(S); `everywhere` when that is W_H = 0.
 */
export function gridConservativeThreshold(map: MapGrid, level: number = map.params.stake): RetentionThreshold {
  const { size, majorRatio: z } = map;
  const n = size - 1;
  const common = { level, knifeEdgePoints: knifeEdgePoints(z, level) };
  if (rightBorderFails(map, level)) return { kind: 'not_attainable', ...common };
  let a = n;
  while (a > 0) {
    let columnHolds = true;
    for (let b = 0; b <= n; b++) if (z[(a - 1) * size + b]! < level) columnHolds = false;
    if (!columnHolds) break;
    a--;
  }
  if (a === 0) return { kind: 'everywhere', ...common };
  return { kind: 'value', honestUtility: a / n, ...common };
}
