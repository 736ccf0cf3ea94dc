/**
 * The emission schedule: issuance and block emission projected over years under the chain's
 * halving law (src/consensus/supply), for several daily recycling rates — recycling (registration
 * burns, recycled alpha) lowers issuance and pushes every later halving back.
 */
import { projectIssuance } from '../../consensus/supply/projectIssuance.ts';
import { parseTao } from '../../primitives/units.ts';

export interface EmissionSchedulePoint {
  readonly recycleTaoPerDay: number;
  readonly year: number;
  readonly issuanceTao: number;
  readonly blockEmissionTao: number;
}

export interface HalvingDate {
  readonly recycleTaoPerDay: number;
  readonly halving: number;
  readonly year: number;
  readonly issuanceTao: number;
  readonly blockEmissionTao: number;
}

export interface EmissionScheduleStudy {
  readonly series: readonly EmissionSchedulePoint[];
  readonly halvings: readonly HalvingDate[];
}

const BLOCKS_PER_YEAR = 2_629_800; // 365.25 days of 12 s blocks

export function emissionScheduleStudy(startIssuanceTao: string, recycleTaoPerDay: readonly number[] = [0, 1000, 3000], years = 40, stepsPerYear = 4): EmissionScheduleStudy {
  const start = parseTao(startIssuanceTao);
  const series: EmissionSchedulePoint[] = [];
  const halvings: HalvingDate[] = [];
  for (const perDay of recycleTaoPerDay) {
    const recycledRaoPerBlock = parseTao(String(perDay)) / 7200n;
    for (let i = 0; i <= years * stepsPerYear; i++) {
      const blocks = Math.round((i / stepsPerYear) * BLOCKS_PER_YEAR);
      const p = projectIssuance({ startIssuanceRao: start, recycledRaoPerBlock, horizonBlocks: blocks });
      series.push({ recycleTaoPerDay: perDay, year: i / stepsPerYear, issuanceTao: Number(p.end.issuanceRao) / 1e9, blockEmissionTao: Number(p.end.blockEmissionRao) / 1e9 });
    }
    const whole = projectIssuance({ startIssuanceRao: start, recycledRaoPerBlock, horizonBlocks: years * BLOCKS_PER_YEAR });
    for (const h of whole.halvings) {
      halvings.push({ recycleTaoPerDay: perDay, halving: h.halving, year: h.blockOffset / BLOCKS_PER_YEAR, issuanceTao: Number(h.issuanceRao) / 1e9, blockEmissionTao: Number(h.blockEmissionRao) / 1e9 });
    }
  }
  return { series, halvings };
}
