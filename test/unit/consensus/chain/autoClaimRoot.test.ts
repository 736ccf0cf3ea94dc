import { describe, expect, it } from 'vitest';
import { autoClaimRoot, ROOT_CLAIMS_PER_BLOCK } from '../../../../src/consensus/chain/autoClaimRoot.ts';
import { checkInvariants } from '../../../../src/consensus/chain/checkInvariants.ts';
import { createChain, subnetOf, type ChainState } from '../../../../src/consensus/chain/chainState.ts';
import { addGenesisSubnet } from '../../../../src/consensus/chain/genesisSubnet.ts';
import { increaseRootClaimable, rootOwed } from '../../../../src/consensus/staking/rootClaimable.ts';
import { stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { TAO } from '../../../support/chainFixture.ts';

const STAKERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

/** Eight root stakers on one validator hotkey, with 800 alpha of root dividends credited on subnet 1. */
function chainWithRootDividends(): ChainState {
  const state = createChain({
    issuanceRao: 10_000_000n * TAO,
    rootStakes: STAKERS.map((c) => ({ hotkey: 'rv', coldkey: c, taoRao: 1_000n * TAO })),
  });
  addGenesisSubnet(state, { netuid: 1, ownerColdkey: 'o', ownerHotkey: 'o-hk', taoReserveRao: 10_000n * TAO, alphaReserveRao: 100_000n * TAO });
  const s = subnetOf(state, 1)!;
  // Root dividends are alpha minted into SubnetAlphaOut and parked as a claimable rate.
  s.economy.alphaOutRao += 800n * TAO;
  increaseRootClaimable(state.ledger, 'rv', 1, 800n * TAO);
  state.ledger.rootClaimType.set('a', { kind: 'keep' });
  state.block = 1234;
  return state;
}

describe('autoClaimRoot', () => {
  it('claims for up to five root stakers per block, by their claim type, keeping the books balanced', () => {
    const state = chainWithRootDividends();
    const claims = autoClaimRoot(state);
    expect(claims).toBeGreaterThan(0);
    expect(claims).toBeLessThanOrEqual(ROOT_CLAIMS_PER_BLOCK);
    const claimed = STAKERS.filter((c) => rootOwed(state.ledger, 'rv', c, 1) === 0n);
    const untouched = STAKERS.filter((c) => rootOwed(state.ledger, 'rv', c, 1) > 0n);
    expect(claimed.length).toBe(claims);
    expect(claimed.length + untouched.length).toBe(STAKERS.length);
    for (const c of claimed) {
      if (c === 'a') expect(stakeOf(state.ledger, 'rv', 'a', 1)).toBeGreaterThan(0n); // Keep: alpha staked on the subnet
      else expect(stakeOf(state.ledger, 'rv', c, 0)).toBeGreaterThan(1_000n * TAO); // Swap: sold for TAO, restaked on root
    }
    expect(checkInvariants(state)).toEqual([]);
  });

  it('picks the same coldkeys for the same block and different ones for other blocks', () => {
    const picked = (block: number): string[] => {
      const state = chainWithRootDividends();
      state.block = block;
      autoClaimRoot(state);
      return STAKERS.filter((c) => rootOwed(state.ledger, 'rv', c, 1) === 0n);
    };
    expect(picked(1234)).toEqual(picked(1234));
    const choices = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((b) => picked(b).join(',')));
    expect(choices.size).toBeGreaterThan(1);
  });

  it('does nothing when nobody holds root stake or nothing is claimable', () => {
    const state = createChain({ issuanceRao: 10n * TAO });
    expect(autoClaimRoot(state)).toBe(0);
  });
});
