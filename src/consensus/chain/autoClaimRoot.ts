/**
 * The per-block root auto-claim (tokenomics.md §2.1 step 8, §4): every block, `NumRootClaim` = 5
 * coldkeys that hold root stake are picked pseudo-randomly and their root dividends are claimed on
 * every subnet, each by its own `RootClaimType`, as an unforced claim (amounts below
 * `RootClaimableThreshold` wait).
 *
 * Chain: pallets/subtensor/src/staking/claim_root.rs `run_auto_claim_root_divs` at 14bc6f9, which
 * draws the indices from the parent block hash. A simulation has no block hashes, so the indices
 * come from a fixed integer hash of (block, k): deterministic, independent of anything an agent
 * controls, and spread evenly over the coldkeys — which is what the chain's choice achieves.
 */
import { claimRoot } from '../staking/claimRoot.ts';
import { splitKey } from '../staking/stakeLedger.ts';
import { ROOT_NETUID } from '../staking/stakingSubnet.ts';
import { applyStaking } from './chainStaking.ts';
import type { ChainState } from './chainState.ts';

/** `NumRootClaim`. */
export const ROOT_CLAIMS_PER_BLOCK = 5;

const MASK64 = (1n << 64n) - 1n;

/** splitmix64 finaliser: a well-mixed 64-bit hash of x. */
function mix64(x: bigint): bigint {
  let z = (x + 0x9e3779b97f4a7c15n) & MASK64;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  return z ^ (z >> 31n);
}

/** Coldkeys holding root stake, sorted (the chain's `StakingColdkeys` index, in a fixed order). */
function rootStakingColdkeys(state: ChainState): string[] {
  const out = new Set<string>();
  for (const [k, pool] of state.ledger.stake) {
    if (splitKey(k).netuid !== ROOT_NETUID) continue;
    for (const [coldkey, shares] of pool.sharesRaw) if (shares > 0n) out.add(coldkey);
  }
  return [...out].sort();
}

/** Claims for up to 5 picked coldkeys; returns how many claims paid anything. */
export function autoClaimRoot(state: ChainState): number {
  if (state.ledger.rootClaimable.size === 0) return 0;
  const coldkeys = rootStakingColdkeys(state);
  if (coldkeys.length === 0) return 0;
  let paid = 0;
  for (let k = 0; k < ROOT_CLAIMS_PER_BLOCK; k++) {
    const index = Number(mix64(BigInt(state.block) * BigInt(ROOT_CLAIMS_PER_BLOCK) + BigInt(k)) % BigInt(coldkeys.length));
    const r = applyStaking(state, (ctx) => claimRoot(ctx, { coldkey: coldkeys[index]! }));
    if (r.ok) paid += r.claims.length;
  }
  return paid;
}
