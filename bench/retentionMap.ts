/**
 * The consensus-guarantees study on ONE thread (src/sim/experiments/consensusGuarantees): the
 * whole baseline study in float mode (11 stakes × 51 × 51 = 28,611 grid points, one draw each),
 * and one chain-mode map (51 × 51 at S = 0.6; 11 × 11 with --quick). Each configuration runs
 * once, cold, in a fresh process — as a sweep worker does — and reports seconds and grid points
 * per second.
 */
import { performance } from 'node:perf_hooks';
import { computeRetentionMap } from '../src/sim/experiments/consensusGuarantees/computeRetentionMap.ts';
import { baselineRetentionParams, RETENTION_STAKES } from '../src/sim/experiments/consensusGuarantees/retentionParams.ts';

export interface RetentionBenchConfig {
  readonly mode: 'chain' | 'float';
  readonly weightSteps: number;
}

export interface RetentionBenchResult {
  readonly bench: 'retention-map';
  readonly mode: 'chain' | 'float';
  readonly variant: 'baseline';
  readonly validators: 64;
  readonly miners: 448;
  /** Stake levels computed: all 11 in float mode, S = 0.6 alone in chain mode. */
  readonly stakes: number;
  readonly points: number;
  readonly seconds: number;
  /** Grid points per second. */
  readonly per_second: number;
}

export function measureRetentionMap(c: RetentionBenchConfig): RetentionBenchResult {
  const stakes = c.mode === 'float' ? RETENTION_STAKES : [0.6];
  const start = performance.now();
  let points = 0;
  for (const stake of stakes) {
    const map = computeRetentionMap({ ...baselineRetentionParams(stake, c.mode), weightSteps: c.weightSteps });
    points += map.majorRatio.length;
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    bench: 'retention-map',
    mode: c.mode,
    variant: 'baseline',
    validators: 64,
    miners: 448,
    stakes: stakes.length,
    points,
    seconds: Math.round(seconds * 100) / 100,
    per_second: Math.round(points / seconds),
  };
}
