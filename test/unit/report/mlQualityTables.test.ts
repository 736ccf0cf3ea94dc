import { describe, expect, it } from 'vitest';
import { afterWarmup, mlQualityTables, WARMUP_EPOCHS } from '../../../src/report/mlQualityTables.ts';
import type { MlQualityEpoch } from '../../../src/report/readMlQuality.ts';
import type { GroupRow } from '../../../src/report/runTables.ts';

const GROUPS: GroupRow[] = [
  { netuid: 1, group: 'good', kind: 'miner.ml', emissionTao: 0, profitTao: 0, text: {} },
  { netuid: 1, group: 'bad', kind: 'miner.ml_random', emissionTao: 0, profitTao: 0, text: {} },
  { netuid: 1, group: 'copiers', kind: 'miner.ml_copier', emissionTao: 0, profitTao: 0, text: {} },
];

/** Epoch k: `good` (2 miners) at quality 0.9, `bad` at 0.1, the copier relaying 0.9 and paid `copierShare` from epoch `paidFrom`. */
function epochs(n: number, copierShare: number, paidFrom: number, lateAnswers: MlQualityEpoch['lateAnswers']): MlQualityEpoch[] {
  return Array.from({ length: n }, (_v, k) => {
    const copier = k >= paidFrom ? copierShare : 0;
    return {
      block: 100 * (k + 1),
      netuid: 1,
      spearman: k < WARMUP_EPOCHS ? -1 : 0.8,
      lateAnswers,
      miners: [
        { uid: 1, group: 'good', quality: 0.9, incentiveShare: (0.9 - copier) / 2 },
        { uid: 2, group: 'good', quality: 0.9, incentiveShare: (0.9 - copier) / 2 },
        { uid: 3, group: 'bad', quality: 0.1, incentiveShare: 0.1 },
        { uid: 4, group: 'copiers', quality: 0.9, incentiveShare: copier },
      ],
    };
  });
}

describe('the Proof-of-Intelligence report tables', () => {
  it('drop the warm-up epochs, unless the run recorded no more than the warm-up', () => {
    expect(afterWarmup(epochs(10, 0, 0, 'dropped')).get(1)!.length).toBe(10 - WARMUP_EPOCHS);
    expect(afterWarmup(epochs(WARMUP_EPOCHS, 0, 0, 'dropped')).get(1)!.length).toBe(WARMUP_EPOCHS);
  });

  it('list groups by quality with their incentive share, and the correlation after warm-up only', () => {
    const [quality, rank, , verdict] = mlQualityTables(epochs(10, 0, 0, 'dropped'), GROUPS, '');
    expect(quality!.rows.map((r) => r[1])).toEqual(['copiers', 'good', 'bad']);
    const good = quality!.rows.find((r) => r[1] === 'good')!;
    expect(good.slice(2)).toEqual(['miner.ml', '2', '0.9000', '90.00 %', '7 of 7']);
    // Without the copier, incentive is in exactly the order of quality; the event's own correlation
    // (with the copier) is averaged over the epochs after warm-up only (the warm-up's −1 is not in).
    expect(rank!.rows).toEqual([['1', String(WARMUP_EPOCHS), '7', '1.000', '1.000', '1.000', '7 of 7', '0.800']]);
    expect(verdict!.rows[0]).toEqual(['1', 'copiers', 'dropped', '0.9000', '0.00 %', '0 of 7', 'caught: earned no incentive after warm-up']);
  });

  it('say a copier paid after warm-up is not caught, with what it earned against the group it relays', () => {
    const verdict = mlQualityTables(epochs(10, 0.3, 5, 'scored'), GROUPS, '')[3]!;
    const row = verdict.rows[0]!;
    expect(row[2]).toBe('scored');
    expect(row[5]).toBe('5 of 7');
    expect(row[6]).toMatch(/^not caught: earned 21\.43 % per copier on average, against /);
  });

  it('have no copier verdict without copiers, and no tables without ml_quality events', () => {
    const noCopier = epochs(5, 0, 0, 'dropped').map((e) => ({ ...e, miners: e.miners.filter((m) => m.group !== 'copiers') }));
    expect(mlQualityTables(noCopier, GROUPS, '').map((t) => t.heading)).toHaveLength(3);
    expect(mlQualityTables([], GROUPS, '')).toEqual([]);
  });

  it('rank every miner by quality and by pay after warm-up (ties share the better rank)', () => {
    const perMiner = mlQualityTables(epochs(10, 0, 0, 'dropped'), GROUPS, '')[2]!;
    expect(perMiner.columns).toEqual(['netuid', 'uid', 'group', 'quality', 'incentive_share', 'quality_rank', 'incentive_rank']);
    expect(perMiner.rows).toEqual([
      ['1', '1', 'good', '0.9000', '45.00 %', '1', '1'],
      ['1', '2', 'good', '0.9000', '45.00 %', '1', '1'],
      ['1', '4', 'copiers', '0.9000', '0.00 %', '1', '4'],
      ['1', '3', 'bad', '0.1000', '10.00 %', '4', '3'],
    ]);
  });
});
