/**
 * How a dissolved subnet's TAO pot is split (shared/spec/tokenomics.md §8.4 "Dissolution
 * settlement", conformance.md §12 `dissolve_payouts`; invariant 25). Every staker is paid pro rata
 * to the alpha it holds; protocol-owned alpha (and, for subnets registered after the refund
 * deployment, `SubnetAlphaIn`) is one more claimant whose share nobody receives — it is recycled.
 * Floors first, then the leftover rao go one each to the largest remainders, so the payouts and
 * the protocol share add up to the pot exactly.
 * Chain at 14bc6f9: the payout step of subnet dissolution, as pinned by
 * pallets/subtensor/src/tests/networks.rs `dissolve_*`.
 */
import { assert } from '../../primitives/assert.ts';

export interface DissolvePayouts {
  /** Rao paid to each staker, in the order given (0 for a staker with no alpha). */
  readonly payoutsRao: bigint[];
  /** Rao not paid to anyone (the protocol claimant's share; the whole pot if nobody holds alpha). */
  readonly protocolShareRao: bigint;
}

/**
 * Largest-remainder split of `potRao` over the stakers' alpha and the protocol alpha. Remainder ties
 * go to the earlier claimant: stakers in the order given, the protocol last.
 */
export function dissolvePayouts(potRao: bigint, stakerAlpha: readonly bigint[], protocolAlpha: bigint): DissolvePayouts {
  assert(potRao >= 0n, () => `pot must be ≥ 0, got ${potRao}`);
  assert(protocolAlpha >= 0n && stakerAlpha.every((a) => a >= 0n), 'alpha amounts must be ≥ 0');
  const claims = [...stakerAlpha, protocolAlpha];
  const total = claims.reduce((s, a) => s + a, 0n);
  if (total === 0n) return { payoutsRao: stakerAlpha.map(() => 0n), protocolShareRao: potRao };
  const shares = claims.map((a) => (potRao * a) / total);
  const remainders = claims.map((a) => (potRao * a) % total);
  let leftover = potRao - shares.reduce((s, x) => s + x, 0n);
  // Array.prototype.sort is stable, so equal remainders keep claimant order. leftover = Σ rem / total
  // is smaller than the number of non-zero remainders, so a claimant with remainder 0 (e.g. no
  // alpha) never gets a leftover rao.
  const order = claims.map((_, i) => i).sort((i, j) => (remainders[j]! > remainders[i]! ? 1 : remainders[j]! < remainders[i]! ? -1 : 0));
  for (const i of order) {
    if (leftover === 0n) break;
    shares[i] = shares[i]! + 1n;
    leftover -= 1n;
  }
  return { payoutsRao: shares.slice(0, -1), protocolShareRao: shares[shares.length - 1]! };
}
