import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cabalStudy } from '../../../../src/report/studies/cabalStudy.ts';
import { emissionScheduleStudy } from '../../../../src/report/studies/emissionScheduleStudy.ts';
import { priceManipulationStudy } from '../../../../src/report/studies/priceManipulationStudy.ts';
import { weightCopyingStudy } from '../../../../src/report/studies/weightCopyingStudy.ts';

const ATTACKS = join(resolve(import.meta.dirname, '../../../..'), 'scenarios', 'attacks');
const SHORT = { 'duration.days': 1 };

describe('studies', () => {
  it('weight copying: commit-reveal off first, then each reveal period; the ratio is copier over honest', () => {
    const points = weightCopyingStudy(join(ATTACKS, 'weight-copying.yaml'), [2], SHORT);
    expect(points.map((p) => p.revealPeriodEpochs)).toEqual([null, 2]);
    for (const p of points) {
      expect(p.honestDividendPerStake).toBeGreaterThan(0);
      expect(p.ratio).toBeCloseTo(p.copierDividendPerStake / p.honestDividendPerStake, 12);
    }
  });

  it('cabal: one point per (stake, penalty) with a stake-share series starting at the first epoch', () => {
    const points = cabalStudy(join(ATTACKS, 'cabal.yaml'), [36000], [0, 1], SHORT);
    expect(points.map((p) => [p.cabalStakePerValidatorAlpha, p.bondsPenalty])).toEqual([[36000, 0], [36000, 1]]);
    for (const p of points) {
      expect(p.stakeShareSeries.length).toBeGreaterThan(10);
      expect(p.stakeRetention).toBeCloseTo(p.stakeShareSeries.at(-1)!.stakeShare / p.stakeShareSeries[0]!.stakeShare, 12);
      expect(p.cabalStakeShare).toBeGreaterThan(0.2);
      expect(p.cabalStakeShare).toBeLessThan(0.4);
    }
  });

  it('emission schedule: recycling pushes every halving later and issuance never passes 21M', () => {
    const s = emissionScheduleStudy('10500000', [0, 1000], 30);
    const second = (perDay: number) => s.halvings.find((h) => h.recycleTaoPerDay === perDay && h.halving === 2)!.year;
    expect(second(1000)).toBeGreaterThan(second(0));
    // Without recycling the second halving comes 10.5M/2 TAO after the first, at 0.5 TAO per block.
    expect(second(0)).toBeCloseTo((5_250_000 / 0.5) / 2_629_800, 6);
    expect(Math.max(...s.series.map((p) => p.issuanceTao))).toBeLessThanOrEqual(21_000_000);
    const zero = s.series.filter((p) => p.recycleTaoPerDay === 0);
    for (let i = 1; i < zero.length; i++) expect(zero[i]!.issuanceTao).toBeGreaterThanOrEqual(zero[i - 1]!.issuanceTao);
  });

  it('price manipulation: a bigger pump moves the peak price more than the emission share', () => {
    const points = priceManipulationStudy(join(ATTACKS, 'pump-for-share.yaml'), [50000, 200000], { 'duration.days': 3, 'subnets.0.population.2.params.hold_days': 1 });
    expect(points[1]!.maxPriceAttack).toBeGreaterThan(points[0]!.maxPriceAttack);
    for (const p of points) {
      expect(p.targetShareControl).toBeCloseTo(0.25, 6);
      expect(p.targetShareAttack / p.targetShareControl - 1).toBeLessThan(0.05 * (p.maxPriceAttack / p.maxPriceControl - 1));
    }
  });
});
