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
    const combined = w.mem.f64(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      combined[i] = w.incentive[i]! + w.dividends[i]!;
      total += combined[i]!;
    }
    w.normalizedServerEmission = normalizeUsingSum(w, w.incentive, total);
    w.normalizedValidatorEmission = normalizeUsingSum(w, w.dividends, total);
    w.normalizedCombinedEmission = normalize(w, combined);
    if (total === 0) {
      const fallback = isZero(w.activeStake) ? w.stake : w.activeStake;
      w.normalizedValidatorEmission = w.mem.copyF64(fallback);
      w.normalizedCombinedEmission = w.mem.copyF64(fallback);
    }
    const e = w.inputs.emissionRao;
    w.serverEmissionRao = ar.emissionRao(w.normalizedServerEmission, e);
    w.validatorEmissionRao = ar.emissionRao(w.normalizedValidatorEmission, e);
    w.emissionRao = ar.emissionRao(w.normalizedCombinedEmission, e);
  },
};
