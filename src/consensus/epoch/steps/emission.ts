/**
 * Emission split (spec/yuma.md §2.12): server (miner) and validator fractions relative to
 * T = Σ(I + D), with the chain's fallbacks when T = 0 — active stake, or raw stake if nobody is
 * active ("emergency mode") — then converted to rao with floor(x · E).
 */
import { divI32F32 } from '../../../primitives/fixedNumber.ts';
import { isZero } from '../math.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const emissionStep: EpochStep = {
  name: 'emission',
  description: 'server = I/T, validator = D/T, combined = normalize(I + D), fallbacks, × E in rao',
  run(w: EpochWork): void {
    const { ar, n, mem, incentive, dividends } = w;
    const combined = mem.f64(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      combined[i] = incentive[i]! + dividends[i]!;
      total += combined[i]!;
    }
    if (total === 0) {
      // Everything divided by 0 stays as it is (safe_div), then the fallbacks replace D and I + D.
      w.normalizedServerEmission = mem.copyF64(incentive);
      const fallback = isZero(w.activeStake) ? w.stake : w.activeStake;
      w.normalizedValidatorEmission = mem.copyF64(fallback);
      w.normalizedCombinedEmission = mem.copyF64(fallback);
    } else {
      // normalize(I + D) divides by Σ(I + D), which is `total` itself (the same sum, in the same
      // order), so all three shares are quotients by `total`, taken in one pass.
      const server = mem.f64(n);
      const validator = mem.f64(n);
      if (ar.mode === 'chain') {
        for (let i = 0; i < n; i++) {
          server[i] = divI32F32(incentive[i]!, total);
          validator[i] = divI32F32(dividends[i]!, total);
          combined[i] = divI32F32(combined[i]!, total);
        }
      } else {
        for (let i = 0; i < n; i++) {
          server[i] = incentive[i]! / total;
          validator[i] = dividends[i]! / total;
          combined[i] = combined[i]! / total;
        }
      }
      w.normalizedServerEmission = server;
      w.normalizedValidatorEmission = validator;
      w.normalizedCombinedEmission = combined;
    }
    const e = w.inputs.emissionRao;
    w.serverEmissionRao = ar.emissionRao(w.normalizedServerEmission, e);
    w.validatorEmissionRao = ar.emissionRao(w.normalizedValidatorEmission, e);
    w.emissionRao = ar.emissionRao(w.normalizedCombinedEmission, e);
  },
};
