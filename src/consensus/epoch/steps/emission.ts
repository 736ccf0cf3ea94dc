/**
 * Emission split (spec/yuma.md §2.12): server (miner) and validator fractions relative to
 * T = Σ(I + D), with the chain's fallbacks when T = 0 — active stake, or raw stake if nobody is
 * active ("emergency mode") — then converted to rao with floor(x · E).
 */
import { isZero, normalize, normalizeUsingSum } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const emissionStep: EpochStep = {
  name: 'emission',
  description: 'server = I/T, validator = D/T, combined = normalize(I + D), fallbacks, × E in rao',
  run(w: EpochWork): void {
    const { ar, n } = w;
    const combined = new Float64Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      combined[i] = w.incentive[i]! + w.dividends[i]!;
      total += combined[i]!;
    }
    w.normalizedServerEmission = normalizeUsingSum(ar, w.incentive, total);
    w.normalizedValidatorEmission = normalizeUsingSum(ar, w.dividends, total);
    w.normalizedCombinedEmission = normalize(ar, combined);
    if (total === 0) {
      const fallback = isZero(w.activeStake) ? w.stake : w.activeStake;
      w.normalizedValidatorEmission = fallback.slice();
      w.normalizedCombinedEmission = fallback.slice();
    }
    const e = w.inputs.emissionRao;
    w.serverEmissionRao = ar.emissionRao(w.normalizedServerEmission, e);
    w.validatorEmissionRao = ar.emissionRao(w.normalizedValidatorEmission, e);
    w.emissionRao = ar.emissionRao(w.normalizedCombinedEmission, e);
  },
};
