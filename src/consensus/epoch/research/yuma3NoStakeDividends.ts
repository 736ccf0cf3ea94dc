/**
 * Research variant `yuma3_no_stake_dividends`: Yuma3 with dividends that are not weighted by the
 * validator's stake.
 *
 * What it changes against the chain: only the `dividends` step. Subtensor's Yuma3 branch
 * (`epoch/run_epoch.rs::epoch_mechanism` with Yuma3On = true, commit 14bc6f9f; spec/yuma.md
 * §2.11) computes D = normalize(A ∘ (column-normalize(B') · I)) — a validator's bonds times the
 * incentive, multiplied by its active stake A. Here D = normalize(1[A > 0] ∘ (column-normalize(B')
 * · I)): the bond term alone, for the validators the chain would pay at all (active, with a permit
 * and stake; the indicator keeps an inactive validator's stale bonds from paying, as A does on
 * chain). Every other step — consensus, incentive, bonds and their storage, the emission split — is
 * the chain's own.
 *
 * Why study it: in Yuma3 bonds are per-validator weight proportions, not stake-weighted, so the
 * stake factor in the dividends is where stake enters a validator's reward. Without it, a small
 * validator that weights like a large one earns as much, which shows what that factor protects
 * against (validator splitting, cheap copiers).
 */
import { colNormalizeSparse, matmulTransposeSparse, normalizeInPlace } from '../math.ts';
import { YUMA3, type EpochVariant } from '../chainVariants.ts';
import { deriveEpochVariant } from '../deriveEpochVariant.ts';
import type { EpochStep, EpochWork } from '../types.ts';

export const noStakeDividendsStep: EpochStep = {
  name: 'dividends',
  description: "D = normalize(1[A > 0] ∘ (column-normalize(B') · I)): Yuma3's dividends without the stake factor",
  run(w: EpochWork): void {
    const normalizedBonds = colNormalizeSparse(w, w.emaBonds, w.n);
    const perValidator = matmulTransposeSparse(w, normalizedBonds, w.incentive);
    const d = w.mem.f64(w.n);
    const activeStake = w.activeStake;
    for (let i = 0; i < w.n; i++) if (activeStake[i]! > 0) d[i] = perValidator[i] ?? 0;
    w.dividends = normalizeInPlace(w, d);
  },
};

export const YUMA3_NO_STAKE_DIVIDENDS: EpochVariant = deriveEpochVariant(YUMA3, {
  name: 'yuma3_no_stake_dividends',
  description: 'Research: Yuma3 with dividends not weighted by validator stake, D = normalize(1[A > 0] ∘ (B̂ · I)); every other step is the chain’s.',
  replace: { dividends: noStakeDividendsStep },
});
