import { describe, expect, it } from 'vitest';
import { runEpoch } from '../../../../../src/consensus/epoch/runEpoch.ts';
import { computeRetentionMap } from '../../../../../src/sim/experiments/consensusGuarantees/computeRetentionMap.ts';
import { RetentionEpochInputs, warmUpPermits } from '../../../../../src/sim/experiments/consensusGuarantees/retentionEpochInputs.ts';
import { baselineRetentionParams, u16ProportionOf, type RetentionParams } from '../../../../../src/sim/experiments/consensusGuarantees/retentionParams.ts';
import { drawRetentionSample } from '../../../../../src/sim/experiments/consensusGuarantees/retentionSample.ts';
import { retentionWeightRows } from '../../../../../src/sim/experiments/consensusGuarantees/retentionWeightRows.ts';
import { retentionThreshold } from '../../../../../src/sim/experiments/consensusGuarantees/retentionThreshold.ts';

const small = (over: Partial<RetentionParams> = {}): RetentionParams => ({ ...baselineRetentionParams(0.6), weightSteps: 10, ...over });
const maxDifference = (x: Float64Array, y: Float64Array): number => x.reduce((m, v, i) => Math.max(m, Math.abs(v - y[i]!)), 0);

describe('computeRetentionMap', () => {
  it('returns (steps+1)² points indexed a·size + b, with the teams of spec §3.2', () => {
    const map = computeRetentionMap(small({ weightSteps: 4 }));
    expect(map.size).toBe(5);
    expect(map.majorRatio).toHaveLength(25);
    expect(map.avgWeightDev).toHaveLength(25);
    expect(map.fallback).toHaveLength(25);
    expect(map.teams).toEqual({ majorValidators: 38, majorServers: 268 });
    for (const x of map.majorRatio) expect(x >= 0 && x <= 1).toBe(true);
  });

  it('is deterministic: the same parameters and seed give identical arrays, another seed other ones', () => {
    const a = computeRetentionMap(small({ seed: 7 }));
    const b = computeRetentionMap(small({ seed: 7 }));
    const c = computeRetentionMap(small({ seed: 8 }));
    expect(b.majorRatio).toEqual(a.majorRatio);
    expect(b.avgWeightDev).toEqual(a.avgWeightDev);
    expect(b.fallback).toEqual(a.fallback);
    expect(c.majorRatio).not.toEqual(a.majorRatio);
    expect(c.avgWeightDev).not.toEqual(a.avgWeightDev);
  });

  it('float mode agrees with chain mode (the real fixed-point epoch) to ~1e-6 on a small grid', () => {
    for (const p of [small({ weightSteps: 4 }), small({ weightSteps: 4, stake: 0.75, bondsPenalty: 0.5, validatorEmissionRatio: 0.25, kappa: 0.4, seed: 2 })]) {
      const float = computeRetentionMap(p);
      const chain = computeRetentionMap({ ...p, mode: 'chain' });
      expect(maxDifference(float.majorRatio, chain.majorRatio)).toBeLessThan(5e-6);
      expect(float.fallback).toEqual(chain.fallback);
      // avg_weight_dev comes from the samples, not the epoch: identical in both modes.
      expect(float.avgWeightDev).toEqual(chain.avgWeightDev);
    }
  });

  it('pays by stake at the fallback corner: W_H = W_C = 1 with κ above both teams gives major_ratio ≈ S and fallback = 1', () => {
    for (const mode of ['float', 'chain'] as const) {
      const map = computeRetentionMap(small({ weightSteps: 2, kappa: 0.7, mode }));
      const corner = 2 * map.size + 2;
      expect(map.fallback[corner]).toBe(1);
      expect(Math.abs(map.majorRatio[corner]! - 0.6)).toBeLessThan(1e-6);
      expect(retentionThreshold(map).knifeEdgePoints).toBeGreaterThanOrEqual(1);
    }
  });

  it('lets the bonds penalty change only dividends: with ξ = 0 (incentive only) the map is the same for every β', () => {
    const maps = [0, 0.5, 1].map((bondsPenalty) => computeRetentionMap(small({ validatorEmissionRatio: 0, bondsPenalty })));
    expect(maps[1]!.majorRatio).toEqual(maps[0]!.majorRatio);
    expect(maps[2]!.majorRatio).toEqual(maps[0]!.majorRatio);
    // …while with dividends in the payout β matters.
    const withDividends = [0, 1].map((bondsPenalty) => computeRetentionMap(small({ bondsPenalty })));
    expect(maxDifference(withDividends[0]!.majorRatio, withDividends[1]!.majorRatio)).toBeGreaterThan(1e-3);
  });

  it('leaves the chain epoch’s incentive unchanged by β and changes its dividends', () => {
    const p = small({ weightSteps: 4 });
    const sample = drawRetentionSample(p);
    const permits = warmUpPermits(sample, { ...p, mode: 'chain' });
    const rows = retentionWeightRows(sample, 4, 'chain');
    const [noPenalty, fullPenalty] = [0, 1].map((bondsPenalty) => runEpoch(new RetentionEpochInputs(sample, rows, permits, { ...p, bondsPenalty }).at(3, 2), { mode: 'chain', variant: 'yuma2' }));
    expect([...fullPenalty!.incentiveU16]).toEqual([...noPenalty!.incentiveU16]);
    expect([...fullPenalty!.dividendsU16]).not.toEqual([...noPenalty!.dividendsU16]);
  });

  it('mixes incentive and dividends linearly in ξ (docs eq. 7), ξ = 0.5 being the chain’s own payout', () => {
    const [m0, m25, m50, m100] = [0, 0.25, 0.5, 1].map((xi) => computeRetentionMap(small({ validatorEmissionRatio: xi })));
    for (let i = 0; i < m0!.majorRatio.length; i++) {
      if (m0!.fallback[i] === 1) continue;
      expect(Math.abs(m25!.majorRatio[i]! - (0.75 * m0!.majorRatio[i]! + 0.25 * m100!.majorRatio[i]!))).toBeLessThan(1e-12);
      expect(Math.abs(m50!.majorRatio[i]! - (0.5 * m0!.majorRatio[i]! + 0.5 * m100!.majorRatio[i]!))).toBeLessThan(1e-12);
    }
  });

  it('behaves as the study describes at S = 0.6: retention holds at W_H = 1, W_C = 0 and fails at W_H = 0 for every W_C', () => {
    const map = computeRetentionMap(baselineRetentionParams(0.6));
    const n = map.size - 1;
    expect(map.majorRatio[n * map.size + 0]!).toBeGreaterThan(0.6);
    for (let b = 0; b <= n; b++) expect(map.majorRatio[b]!).toBeLessThan(0.6);
    const threshold = retentionThreshold(map);
    expect(threshold.kind).toBe('value');
    if (threshold.kind === 'value') expect(threshold.honestUtility > 0 && threshold.honestUtility < 1).toBe(true);
  });

  it('measures no disagreement where both teams submit the same weights (σ_W = 0, W_H = 1 − W_C) and some elsewhere', () => {
    const map = computeRetentionMap(small({ weightsStddev: 0 }));
    const n = map.size - 1;
    for (let a = 0; a <= n; a++) {
      for (let b = 0; b <= n; b++) {
        const dev = map.avgWeightDev[a * map.size + b]!;
        if (a + b === n) expect(dev).toBeLessThan(1e-6);
        else expect(dev).toBeGreaterThan(1e-3);
      }
    }
  });

  it('rejects impossible parameters with a message naming the key', () => {
    expect(() => computeRetentionMap(small({ stake: 1 }))).toThrow(/stake/);
    expect(() => computeRetentionMap(small({ seed: -1 }))).toThrow(/seed/);
    expect(() => computeRetentionMap(small({ weightSteps: 0 }))).toThrow(/weightSteps/);
    expect(() => computeRetentionMap(small({ kappa: 1.5 }))).toThrow(/kappa/);
  });

  it('converts κ and β to the chain u16 by one rule: round(x · 65535), 0.5 → the chain default 32767', () => {
    expect([0, 0.4, 0.5, 0.6, 1].map(u16ProportionOf)).toEqual([0, 26214, 32767, 39321, 65535]);
  });
});
