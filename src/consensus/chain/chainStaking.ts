/**
 * Staking extrinsics against a whole chain state: the staking code (../staking/) works on a ledger
 * and a subnet lookup; this binds both to a `ChainState` (root is netuid 0's stable pool, every other
 * netuid is a subnet's economy, so flow counters are recorded on it) and books what an operation
 * leaves owned by nobody — burned fees and TAO an operation strands — so the invariant checker's
 * TAO balance stays exact. Fees paid to the block author are already in the author's balance.
 */
import type { StakeEffects } from '../staking/stakeEffects.ts';
import { stakingContext, type StakingContext } from '../staking/stakingContext.ts';
import type { StakingSubnet } from '../staking/stakingSubnet.ts';
import { ROOT_NETUID } from '../staking/stakingSubnet.ts';
import { subnetOf, type ChainState } from './chainState.ts';

/** The staking context of `state` at its current block. */
export function chainStakingContext(state: ChainState): StakingContext {
  return stakingContext({
    ledger: state.ledger,
    subnet: (netuid: number): StakingSubnet | undefined => (netuid === ROOT_NETUID ? state.root : subnetOf(state, netuid)?.economy),
    params: { minStakeRao: state.minStakeRao },
    fees: { blockAuthorColdkey: state.blockAuthorColdkey, minimumReserveRao: state.globals.minimumReserveRao },
    block: state.block,
  });
}

/**
 * Books a successful operation into the chain totals: the TAO it left owned by nobody, and how many
 * times it credited root stake (each credit lets root-claim rounding overpay by up to 1 alpha-rao
 * per subnet; see `ChainTotals.rootStakeCredits`).
 */
export function bookStakeEffects(state: ChainState, effects: StakeEffects & { readonly claims?: readonly { readonly paidAs: string }[] }): void {
  state.totals.burnedTaoRao += effects.fees.burnedTaoRao + effects.strandedTaoRao;
  if (effects.claims !== undefined) {
    state.totals.rootStakeCredits += effects.claims.filter((c) => c.paidAs === 'swap').length;
  } else if (effects.pools.some((p) => p.netuid === ROOT_NETUID && p.taoReserveDeltaRao > 0n)) {
    state.totals.rootStakeCredits += 1;
  }
}

/**
 * Runs one staking operation on `state`: `op` gets the chain's staking context; on success its
 * effects are booked. Returns the operation's own result.
 */
export function applyStaking<R extends { readonly ok: boolean }>(state: ChainState, op: (ctx: StakingContext) => R): R {
  const result = op(chainStakingContext(state));
  if (result.ok && isEffects(result)) bookStakeEffects(state, result);
  return result;
}

function isEffects(r: object): r is StakeEffects {
  return 'fees' in r && 'strandedTaoRao' in r;
}
