/**
 * The weight rows the chain stores for every validator at every grid weight (spec §6.2–6.3):
 * the submitted u16 values (truncated), max-upscaled as `set_weights` does. A major validator's
 * row depends only on W_H and a minor validator's only on W_C, so a map of (steps+1)² points
 * needs just 64 × (steps+1) rows, computed once per call.
 *
 * `upscale: 'chain'` runs the chain port itself (`weightRow` of src/consensus/chain/setWeights.ts,
 * bigint, ~0.2 ms a row); `'fast'` runs the exact float64 port maxUpscaleU16.ts (tested equal).
 */
import { weightRow } from '../../../consensus/chain/setWeights.ts';
import { TWO_32 } from '../../../primitives/fixedNumber.ts';
import { gridWeightRaw, submittedRowU16 } from './blockProportions.ts';
import { maxUpscaleU16 } from './maxUpscaleU16.ts';
import { RETENTION_NETWORK } from './retentionParams.ts';
import type { RetentionSample } from './retentionSample.ts';

export interface RetentionWeightRows {
  /** Grid points per axis, steps + 1. */
  readonly size: number;
  /**
   * Stored u16 weight of validator i at grid index g on server uid 64 + k, at
   * `storedU16[(i·size + g)·448 + k]`. g indexes W_H for a major validator and W_C for a minor one.
   */
  readonly storedU16: Uint16Array;
}

/** The block totals (major-server block, minor-server block) of validator i at grid weight raw w. */
export function blockTotalsRaw(isMajor: boolean, wRaw: number): [number, number] {
  return isMajor ? [wRaw, TWO_32 - wRaw] : [TWO_32 - wRaw, wRaw];
}

export function retentionWeightRows(sample: RetentionSample, steps: number, upscale: 'chain' | 'fast'): RetentionWeightRows {
  const { validators, servers } = RETENTION_NETWORK;
  const size = steps + 1;
  const hv = sample.teams.majorValidators;
  const hs = sample.teams.majorServers;
  const y = sample.blockProportionRaw;
  const storedU16 = new Uint16Array(validators * size * servers);
  const submitted = new Float64Array(servers);
  const serverUids = Array.from({ length: servers }, (_, k) => validators + k);
  for (let i = 0; i < validators; i++) {
    for (let g = 0; g < size; g++) {
      const [wMajor, wMinor] = blockTotalsRaw(i < hv, gridWeightRaw(g, steps));
      submittedRowU16(wMajor, wMinor, hs, y, i * servers, submitted);
      const offset = (i * size + g) * servers;
      if (upscale === 'chain') {
        const row = weightRow(serverUids, Array.from(submitted));
        for (let k = 0; k < servers; k++) storedU16[offset + k] = row[k]![1];
      } else {
        maxUpscaleU16(submitted, storedU16.subarray(offset, offset + servers));
      }
    }
  }
  return { size, storedU16 };
}
