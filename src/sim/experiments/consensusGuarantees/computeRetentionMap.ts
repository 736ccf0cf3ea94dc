/**
 * One retention map of the consensus-guarantees study (spec §1): for every grid point
 * (W_H, W_C) = (a/steps, b/steps) of one stake level S, the major team's share of one epoch's
 * emission (`major_ratio`), the validators' disagreement (`avg_weight_dev`), and whether the
 * epoch took the stake fallback. One draw of the network per call, shared by every grid point
 * (common random numbers, spec §4.1); replicates are separate calls with other seeds.
 *
 * `chain` mode runs the real epoch (`runEpoch`, original Yuma, bit-exact fixed point) at every
 * point, with rows max-upscaled by the chain's own `set_weights` code. `float` mode evaluates the
 * same inputs with floatRetentionKernel.ts, which agrees with `runEpoch` in float mode.
 */
import { runEpoch } from '../../../consensus/epoch/runEpoch.ts';
import { Arena } from '../../../primitives/arena.ts';
import { AvgWeightDev } from './avgWeightDev.ts';
import { FloatRetentionKernel, type KernelResult } from './floatRetentionKernel.ts';
import { majorRatioOfEpoch } from './majorRatioOfEpoch.ts';
import { RetentionEpochInputs, warmUpPermits } from './retentionEpochInputs.ts';
import { assertRetentionParams, type RetentionParams } from './retentionParams.ts';
import { drawRetentionSample } from './retentionSample.ts';
import { retentionWeightRows } from './retentionWeightRows.ts';
import type { RetentionTeams } from './teamSizes.ts';

export interface RetentionMap {
  readonly params: RetentionParams;
  /** Grid points per axis: weightSteps + 1. */
  readonly size: number;
  /** At index a·size + b: W_H = a/weightSteps, W_C = b/weightSteps. */
  readonly majorRatio: Float64Array;
  readonly avgWeightDev: Float64Array;
  /** 1 where the epoch took the emission fallback (no server kept any weight, spec §7.4 item 9). */
  readonly fallback: Uint8Array;
  readonly teams: RetentionTeams;
}

export function computeRetentionMap(p: RetentionParams): RetentionMap {
  assertRetentionParams(p);
  const params = Object.freeze({ ...p });
  const size = p.weightSteps + 1;
  const sample = drawRetentionSample(p);
  const permits = warmUpPermits(sample, p);
  const rows = retentionWeightRows(sample, p.weightSteps, p.mode === 'chain' ? 'chain' : 'fast');
  const dev = new AvgWeightDev(sample, p.weightSteps);
  const majorRatio = new Float64Array(size * size);
  const avgWeightDev = new Float64Array(size * size);
  const fallback = new Uint8Array(size * size);

  if (p.mode === 'chain') {
    const inputs = new RetentionEpochInputs(sample, rows, permits, p);
    // One workspace for every epoch: each result is read before the next run resets it.
    const workspace = new Arena(1 << 22);
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < size; b++) {
        const out = runEpoch(inputs.at(a, b), { mode: 'chain', variant: 'yuma2', workspace });
        const r = majorRatioOfEpoch(out, sample.teams, p.validatorEmissionRatio);
        majorRatio[a * size + b] = r.majorRatio;
        fallback[a * size + b] = r.fallback ? 1 : 0;
      }
    }
  } else {
    const kernel = new FloatRetentionKernel(sample, rows, permits, p);
    const r: KernelResult = { majorRatio: 0, fallback: false };
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < size; b++) {
        kernel.evaluate(a, b, r);
        majorRatio[a * size + b] = r.majorRatio;
        fallback[a * size + b] = r.fallback ? 1 : 0;
      }
    }
  }
  for (let a = 0; a < size; a++) for (let b = 0; b < size; b++) avgWeightDev[a * size + b] = dev.at(a, b);
  return { params, size, majorRatio, avgWeightDev, fallback, teams: sample.teams };
}
