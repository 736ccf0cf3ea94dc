/**
 * Contour lines of a square grid by marching squares, for the retention chart: `values[a·size +
 * b]` sits at (x, y) = (a/(size−1), b/(size−1)), so x is W_H and y is W_C. Vertices are placed
 * as matplotlib places them (spec §11, last paragraph): on a grid-cell edge, where linear
 * interpolation between the edge's two values equals the level.
 *
 * Conventions (decided here; matplotlib does not document them):
 * - a value is "above" when ≥ level, the same rule as the threshold of spec §12.2, so the
 *   rightmost vertex of a line is exactly `retentionThreshold`'s U(S);
 * - a saddle cell (diagonal corners above, the other two below) is resolved by the mean of its
 *   four corners: if the mean is above, the above corners are joined through the cell;
 * - ordering is deterministic: first the open lines (ending on the border), each started from
 *   its end whose edge comes first in (a, b, horizontal-before-vertical) order, in that order;
 *   then the closed loops, each started at its first such edge and ending on its first point.
 *   Consecutive duplicate vertices (a line through a grid point exactly at the level) are merged.
 */
export interface ContourPoint {
  readonly x: number;
  readonly y: number;
}

export function contourLines(values: Float64Array, size: number, level: number): ContourPoint[][] {
  const n = size - 1;
  if (size < 2) return [];
  const above = (a: number, b: number): boolean => values[a * size + b]! >= level;
  // Edge ids: horizontal (a, b)–(a+1, b) → 2·(a·size + b); vertical (a, b)–(a, b+1) → that + 1.
  const horizontal = (a: number, b: number): number => 2 * (a * size + b);
  const vertical = (a: number, b: number): number => 2 * (a * size + b) + 1;
  const ids = 2 * size * size;
  const link = new Int32Array(2 * ids).fill(-1);
  const connect = (e: number, f: number): void => {
    link[2 * e + (link[2 * e] === -1 ? 0 : 1)] = f;
    link[2 * f + (link[2 * f] === -1 ? 0 : 1)] = e;
  };
  for (let a = 0; a < n; a++) {
    for (let b = 0; b < n; b++) {
      const c0 = above(a, b);
      const c1 = above(a + 1, b);
      const c2 = above(a + 1, b + 1);
      const c3 = above(a, b + 1);
      // Cell edges in order around the cell: bottom, right, top, left.
      const e = [horizontal(a, b), vertical(a + 1, b), horizontal(a, b + 1), vertical(a, b)] as const;
      const crossing = [c0 !== c1, c1 !== c2, c2 !== c3, c3 !== c0];
      const crossed = e.filter((_, k) => crossing[k]);
      const count = crossed.length;
      if (count === 2) {
        connect(crossed[0]!, crossed[1]!);
      } else if (count === 4) {
        const mean = (values[a * size + b]! + values[(a + 1) * size + b]! + values[(a + 1) * size + b + 1]! + values[a * size + b + 1]!) / 4;
        if (mean >= level === c0) {
          // c0 and c2 are joined through the cell: cut off c1 (bottom–right) and c3 (top–left).
          connect(e[0], e[1]);
          connect(e[2], e[3]);
        } else {
          connect(e[3], e[0]);
          connect(e[1], e[2]);
        }
      }
    }
  }
  const point = (id: number): ContourPoint => {
    const cell = id >> 1;
    const a = Math.floor(cell / size);
    const b = cell % size;
    const z0 = values[a * size + b]!;
    if ((id & 1) === 0) {
      const z1 = values[(a + 1) * size + b]!;
      return { x: (a + (level - z0) / (z1 - z0)) / n, y: b / n };
    }
    const z1 = values[a * size + b + 1]!;
    return { x: a / n, y: (b + (level - z0) / (z1 - z0)) / n };
  };
  const visited = new Uint8Array(ids);
  const lines: ContourPoint[][] = [];
  const trace = (start: number): void => {
    const path: number[] = [start];
    visited[start] = 1;
    let previous = -1;
    let current = start;
    for (;;) {
      const l0 = link[2 * current]!;
      const l1 = link[2 * current + 1]!;
      // The neighbour we did not come from (two cells never share two edges, so l0 ≠ l1).
      const next = l0 !== -1 && l0 !== previous ? l0 : l1 !== -1 && l1 !== previous ? l1 : -1;
      if (next === -1) break;
      if (next === start) {
        path.push(start);
        break;
      }
      if (visited[next] === 1) break;
      visited[next] = 1;
      path.push(next);
      previous = current;
      current = next;
    }
    const points: ContourPoint[] = [];
    for (const id of path) {
      const p = point(id);
      const last = points[points.length - 1];
      if (last === undefined || last.x !== p.x || last.y !== p.y) points.push(p);
    }
    if (points.length >= 2) lines.push(points);
  };
  for (let id = 0; id < ids; id++) {
    const degree = (link[2 * id] === -1 ? 0 : 1) + (link[2 * id + 1] === -1 ? 0 : 1);
    if (degree === 1 && visited[id] === 0) trace(id);
  }
  for (let id = 0; id < ids; id++) if (link[2 * id] !== -1 && visited[id] === 0) trace(id);
  return lines;
}
