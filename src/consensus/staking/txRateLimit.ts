/**
 * The rate-limit test shared by per-(hotkey, subnet) transactions such as `SetChildren` and
 * `SetChildkeyTake`. Chain: pallets/subtensor/src/utils/rate_limiting.rs
 * (`check_passes_rate_limit`) at 14bc6f9: a call passes when there is no previous call (a last
 * block of 0 counts as none) or when at least `limitBlocks` blocks have passed since it.
 */
export function passesRateLimit(lastBlock: number | undefined, block: number, limitBlocks: number): boolean {
  return lastBlock === undefined || lastBlock === 0 || block - lastBlock >= limitBlocks;
}
