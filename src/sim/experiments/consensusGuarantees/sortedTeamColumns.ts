/**
 * One team's weight columns at every grid weight, sorted ascending, with prefix sums — the data
 * structure that makes a float retention map cheap (floatRetentionKernel.ts). A team's rows all
 * depend on the same grid weight (W_H for the major team, W_C for the minor one), so for each
 * grid index g and server k the team's values are sorted once per map; at a grid point the
 * stake-weighted median and every column sum the epoch needs are then read off these lists.
 *
 * Sorting reuses the order of the previous grid index (the values move with g but their order
 * barely changes), so the insertion sort is close to linear.
 */
import { RETENTION_NETWORK } from './retentionParams.ts';

export interface SortedTeamColumns {
  /** Number of voters (validators with active stake) in the team. */
  readonly count: number;
  /** `value[(g·448 + k)·count + r]`: the r-th smallest weight the team's voters put on server k at grid index g. */
  readonly value: Float64Array;
  /** `voterCum[(g·448 + k)·(count+1) + r]`: Σ of the median's voter stakes of the first r values. */
  readonly voterCum: Float64Array;
  /** The same prefix sums of the active stake A. */
  readonly stakeCum: Float64Array;
  /** The same prefix sums of A · value. */
  readonly stakeWeightCum: Float64Array;
}

/**
 * `weightsAt(g)`: the row-normalised weights at grid index g, 448 per validator (64 × 448,
 * validator-major); `activeStake` and `voterStake` per validator; the team is the validators
 * [from, to) with active stake.
 */
export function sortedTeamColumns(
  weightsAt: (g: number) => Float64Array,
  activeStake: Float64Array,
  voterStake: Float64Array,
  from: number,
  to: number,
  size: number,
): SortedTeamColumns {
  const servers = RETENTION_NETWORK.servers;
  const voterList: number[] = [];
  for (let i = from; i < to; i++) if (activeStake[i]! > 0) voterList.push(i);
  const voters = Int32Array.from(voterList);
  const count = voters.length;
  const value = new Float64Array(size * servers * count);
  const voterCum = new Float64Array(size * servers * (count + 1));
  const stakeCum = new Float64Array(size * servers * (count + 1));
  const stakeWeightCum = new Float64Array(size * servers * (count + 1));
  // Per server, the order of the previous grid index: the starting order of the next sort.
  const orders = new Int32Array(servers * count);
  for (let k = 0; k < servers; k++) for (let r = 0; r < count; r++) orders[k * count + r] = r;
  const column = new Float64Array(count);
  for (let g = 0; g < size; g++) {
    const w = weightsAt(g);
    for (let k = 0; k < servers; k++) {
      const order = orders.subarray(k * count, (k + 1) * count);
      for (let r = 0; r < count; r++) column[r] = w[voters[r]! * servers + k]!;
      for (let r = 1; r < count; r++) {
        const o = order[r]!;
        const x = column[o]!;
        let t = r - 1;
        while (t >= 0 && column[order[t]!]! > x) {
          order[t + 1] = order[t]!;
          t--;
        }
        order[t + 1] = o;
      }
      const base = (g * servers + k) * count;
      const cum = (g * servers + k) * (count + 1);
      let v = 0;
      let s = 0;
      let sw = 0;
      for (let r = 0; r < count; r++) {
        const i = voters[order[r]!]!;
        const x = column[order[r]!]!;
        value[base + r] = x;
        v += voterStake[i]!;
        s += activeStake[i]!;
        sw += activeStake[i]! * x;
        voterCum[cum + r + 1] = v;
        stakeCum[cum + r + 1] = s;
        stakeWeightCum[cum + r + 1] = sw;
      }
    }
  }
  return { count, value, voterCum, stakeCum, stakeWeightCum };
}
