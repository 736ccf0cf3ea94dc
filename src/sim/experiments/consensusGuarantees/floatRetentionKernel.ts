/**
 * A specialised float64 evaluation of the measured epoch (spec §7.4) at every grid point of one
 * retention map. It computes what `runEpoch` in `float` mode computes on the same inputs (the
 * stored u16 rows of retentionWeightRows.ts, the sampled stakes, the warm-up permits) — a test
 * checks agreement to 1e-9 in major_ratio — in O(servers · validators) per point instead of a
 * full epoch, using the study's structure:
 *
 * - The median (spec/yuma.md §2.6): the smallest score v with Σ_{x ≤ v} s > m, m = Σs − κ, else
 *   the largest score (0 without voters); voters are the uids with active stake, renormalised as
 *   `weightedMedianColSparse` does. Each team's column is pre-sorted (sortedTeamColumns.ts), so
 *   the median is a merge walk over two sorted lists.
 * - Where the walk stops, every value before it is ≤ C and every value after it is > C, so the
 *   team's Σ A·min(W, C) is a prefix sum plus C times the remaining stake: the rank R, and with
 *   W̃ = W + β(Wc − W) also the bond column sums Σ A·W̃, take O(1) per column and team.
 * - No prior bonds: the EMA and its renormalisation reduce to ΔB = A∘W̃ column-normalised
 *   (§7.4 item 6), and the study only needs each team's dividend total,
 *   Σ_{i∈team} D_i = Σ_j I_j · (Σ_{i∈team} A_i W̃_ij) / (Σ_i A_i W̃_ij).
 * Summation orders differ from the epoch's, which matters only at exact ties (spec §8.6).
 */
import { RETENTION_NETWORK, u16ProportionOf, type RetentionParams } from './retentionParams.ts';
import type { RetentionSample } from './retentionSample.ts';
import type { RetentionWeightRows } from './retentionWeightRows.ts';
import { sortedTeamColumns, type SortedTeamColumns } from './sortedTeamColumns.ts';

export interface KernelResult {
  majorRatio: number;
  fallback: boolean;
}

export class FloatRetentionKernel {
  readonly #hs: number;
  readonly #major: SortedTeamColumns;
  readonly #minor: SortedTeamColumns;
  readonly #minority: number;
  readonly #beta: number;
  readonly #xi: number;
  /** Σ_major A: the ratio when the epoch takes the stake fallback. */
  readonly #fallbackRatio: number;
  /** Per-server scratch: rank R and the two teams' bond column sums Σ A·W̃. */
  readonly #rank = new Float64Array(RETENTION_NETWORK.servers);
  readonly #bondMajor = new Float64Array(RETENTION_NETWORK.servers);
  readonly #bondMinor = new Float64Array(RETENTION_NETWORK.servers);
  /** Per server, where the previous evaluation's consensus walk ended: a warm start only. */
  readonly #lastConsensus = new Float64Array(RETENTION_NETWORK.servers);
  readonly #lastMajor = new Int32Array(RETENTION_NETWORK.servers);
  readonly #lastMinor = new Int32Array(RETENTION_NETWORK.servers);

  constructor(sample: RetentionSample, rows: RetentionWeightRows, permits: readonly boolean[], p: Pick<RetentionParams, 'kappa' | 'bondsPenalty' | 'validatorEmissionRatio'>) {
    const { validators, servers } = RETENTION_NETWORK;
    const hv = sample.teams.majorValidators;
    this.#hs = sample.teams.majorServers;
    this.#beta = u16ProportionOf(p.bondsPenalty) / 65535;
    this.#xi = p.validatorEmissionRatio;

    // Stake, then active stake, as the float epoch normalises them (uid order; servers hold 0).
    const stake = Float64Array.from(sample.stakeRao.slice(0, validators), (s) => (s === 0n ? 0 : Number(s)));
    normalize(stake);
    for (let i = 0; i < validators; i++) if (permits[i] !== true) stake[i] = 0;
    normalize(stake);
    let fallbackRatio = 0;
    for (let i = 0; i < hv; i++) fallbackRatio += stake[i]!;
    this.#fallbackRatio = fallbackRatio;

    // Median voters: positive active stake, renormalised; minority m = Σs − κ.
    let positiveSum = 0;
    for (let i = 0; i < validators; i++) if (stake[i]! > 0) positiveSum += stake[i]!;
    const voterStake = new Float64Array(validators);
    let stakeSum = 0;
    for (let i = 0; i < validators; i++) if (stake[i]! > 0) stakeSum += voterStake[i] = stake[i]! / positiveSum;
    this.#minority = stakeSum - u16ProportionOf(p.kappa) / 65535;

    // Row-normalised stored weights at one grid index, as the epoch's weights pipeline leaves
    // them; built per grid index (and reused) so the sort reads a small, contiguous block.
    const size = rows.size;
    const block = new Float64Array(validators * servers);
    let blockAt = -1;
    const weightsAt = (g: number): Float64Array => {
      if (g === blockAt) return block;
      blockAt = g;
      for (let i = 0; i < validators; i++) {
        const from = (i * size + g) * servers;
        let sum = 0;
        for (let k = 0; k < servers; k++) sum += rows.storedU16[from + k]!;
        for (let k = 0; k < servers; k++) block[i * servers + k] = sum === 0 ? 0 : rows.storedU16[from + k]! / sum;
      }
      return block;
    };
    this.#major = sortedTeamColumns(weightsAt, stake, voterStake, 0, hv, size);
    this.#minor = sortedTeamColumns(weightsAt, stake, voterStake, hv, validators, size);
  }

  /** major_ratio and the fallback flag at W_H = a/steps, W_C = b/steps. */
  evaluate(a: number, b: number, out: KernelResult): void {
    const servers = RETENTION_NETWORK.servers;
    const m = this.#minority;
    const beta = this.#beta;
    const H = this.#major;
    const L = this.#minor;
    const nH = H.count;
    const nL = L.count;
    const Hv = H.value;
    const Lv = L.value;
    const rank = this.#rank;
    const bondMajor = this.#bondMajor;
    const bondMinor = this.#bondMinor;
    let rankSum = 0;
    let rankMajor = 0;
    for (let k = 0; k < servers; k++) {
      const hStart = (a * servers + k) * nH;
      const lStart = (b * servers + k) * nL;
      const hCum = (a * servers + k) * (nH + 1) - hStart;
      const lCum = (b * servers + k) * (nL + 1) - lStart;
      const pEnd = hStart + nH;
      const qEnd = lStart + nL;
      // Consensus. The state (p, q) means "every score ≤ v consumed": p and q sit past the scores
      // ≤ v of each list, and F = Σ voter stake before them. C is the smallest score v with
      // F > m, else the largest score (0 without voters) — a function of the lists alone, so
      // any starting point gives the same C. Start from this server's previous consensus (the
      // previous grid point, where C was nearly the same) instead of from the bottom.
      const v0 = this.#lastConsensus[k]!;
      let p = hStart + this.#lastMajor[k]!;
      let q = lStart + this.#lastMinor[k]!;
      while (p > hStart && Hv[p - 1]! > v0) p--;
      while (p < pEnd && Hv[p]! <= v0) p++;
      while (q > lStart && Lv[q - 1]! > v0) q--;
      while (q < qEnd && Lv[q]! <= v0) q++;
      let c = 0;
      if (p + q > hStart + lStart && H.voterCum[hCum + p]! + L.voterCum[lCum + q]! > m) {
        // Step down through the consumed scores while the rest still exceeds m.
        for (;;) {
          const x = p > hStart ? Hv[p - 1]! : -Infinity;
          const y = q > lStart ? Lv[q - 1]! : -Infinity;
          c = x > y ? x : y;
          let pp = p;
          let qq = q;
          while (pp > hStart && Hv[pp - 1] === c) pp--;
          while (qq > lStart && Lv[qq - 1] === c) qq--;
          if (pp + qq === hStart + lStart || !(H.voterCum[hCum + pp]! + L.voterCum[lCum + qq]! > m)) break;
          p = pp;
          q = qq;
        }
      } else {
        // Step up: consume the next distinct score until F exceeds m or the lists end.
        if (p > hStart || q > lStart) {
          const x = p > hStart ? Hv[p - 1]! : -Infinity;
          const y = q > lStart ? Lv[q - 1]! : -Infinity;
          c = x > y ? x : y;
        }
        while (p < pEnd || q < qEnd) {
          const x = p < pEnd ? Hv[p]! : Infinity;
          const y = q < qEnd ? Lv[q]! : Infinity;
          c = x < y ? x : y;
          while (p < pEnd && Hv[p] === c) p++;
          while (q < qEnd && Lv[q] === c) q++;
          if (H.voterCum[hCum + p]! + L.voterCum[lCum + q]! > m) break;
        }
      }
      this.#lastConsensus[k] = c;
      this.#lastMajor[k] = p - hStart;
      this.#lastMinor[k] = q - lStart;
      // Σ A·min(W, C) per team: values before the walk's end are ≤ C, the rest are > C.
      const hAll = hCum + pEnd;
      const lAll = lCum + qEnd;
      const rH = H.stakeWeightCum[hCum + p]! + c * (H.stakeCum[hAll]! - H.stakeCum[hCum + p]!);
      const rL = L.stakeWeightCum[lCum + q]! + c * (L.stakeCum[lAll]! - L.stakeCum[lCum + q]!);
      const r = rH + rL;
      rank[k] = r;
      rankSum += r;
      if (k < this.#hs) rankMajor += r;
      // Σ A·W̃ per team, W̃ = W + β(Wc − W); β = 0 and 1 take the epoch's shortcuts.
      const sH = H.stakeWeightCum[hAll]!;
      const sL = L.stakeWeightCum[lAll]!;
      bondMajor[k] = beta === 1 ? rH : beta === 0 ? sH : sH + beta * (rH - sH);
      bondMinor[k] = beta === 1 ? rL : beta === 0 ? sL : sL + beta * (rL - sL);
    }
    if (rankSum === 0) {
      // No server keeps any weight: I = D = 0 and the chain pays by active stake (spec §7.4 item 9).
      out.majorRatio = this.#fallbackRatio;
      out.fallback = true;
      return;
    }
    let dividendMajor = 0;
    let dividendSum = 0;
    for (let k = 0; k < servers; k++) {
      const column = bondMajor[k]! + bondMinor[k]!;
      if (column === 0) continue;
      const perBond = rank[k]! / rankSum / column;
      dividendMajor += perBond * bondMajor[k]!;
      dividendSum += perBond * column;
    }
    const incentiveMajor = rankMajor / rankSum;
    const dMajor = dividendSum === 0 ? 0 : dividendMajor / dividendSum;
    out.fallback = false;
    if (this.#xi === 0.5) {
      // E = normalize(I + D) with I and D each summing to 1 (D to 0 only if it is all zero).
      out.majorRatio = (incentiveMajor + dMajor) / (dividendSum === 0 ? 1 : 2);
    } else {
      out.majorRatio = (1 - this.#xi) * incentiveMajor + this.#xi * dMajor;
    }
  }
}

function normalize(x: Float64Array): void {
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += x[i]!;
  if (sum === 0) return;
  for (let i = 0; i < x.length; i++) x[i] = x[i]! / sum;
}
