import { describe, expect, it } from 'vitest';
import { addStake } from '../../../../src/consensus/staking/addStake.ts';
import { balanceOf, stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { increaseStakeForHotkeyAndColdkey } from '../../../../src/consensus/staking/stakeUpdates.ts';
import { unstakeAll } from '../../../../src/consensus/staking/unstakeAll.ts';
import { expectRejected, TAO, world } from './stakingWorld.ts';

describe('unstakeAll', () => {
  it('sells the coldkey’s whole position on the hotkey on every subnet, root included', () => {
    const w = world();
    for (const [netuid, amount] of [[0, 5n * TAO], [1, 100n * TAO], [2, 400n * TAO]] as const) {
      expect(addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid, amountRao: amount }).ok).toBe(true);
    }
    // Bob's stake on the same hotkey is not touched.
    expect(addStake(w.ctx, { coldkey: 'bob', hotkey: 'hk-alice', netuid: 1, amountRao: 10n * TAO }).ok).toBe(true);
    const bobAlpha = stakeOf(w.ledger, 'hk-alice', 'bob', 1);
    const r = unstakeAll(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.unstaked.map((u) => u.netuid)).toEqual([0, 1, 2]);
    // Subnet 2 round trip: 400 TAO into 400/100 buys 50 alpha (e = 1/2); 50 alpha into 800/50 pays 400 TAO (e = 1/2).
    expect(r.unstaked[0]).toEqual({ netuid: 0, alphaRao: 5n * TAO, taoRao: 5n * TAO });
    expect(r.unstaked[2]).toEqual({ netuid: 2, alphaRao: 50n * TAO, taoRao: 400n * TAO });
    for (const netuid of [0, 1, 2]) expect(stakeOf(w.ledger, 'hk-alice', 'alice', netuid)).toBe(0n);
    expect(stakeOf(w.ledger, 'hk-alice', 'bob', 1)).toBe(bobAlpha);
    expect(balanceOf(w.ledger, 'alice')).toBe(1000n * TAO - 505n * TAO + r.taoRao);
  });

  it('skips subnets whose subtoken is disabled and positions whose sale would not validate', () => {
    const w = world();
    increaseStakeForHotkeyAndColdkey(w.ledger, 'hk-alice', 'alice', 3, TAO);
    w.sn(3).alphaOutRao = TAO;
    expect(addStake(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice', netuid: 1, amountRao: 100n * TAO }).ok).toBe(true);
    w.sn(1).pool = { ...w.sn(1).pool, taoReserveRao: 999_999n };
    const r = unstakeAll(w.ctx, { coldkey: 'alice', hotkey: 'hk-alice' });
    expect(r).toMatchObject({ ok: true, unstaked: [], taoRao: 0n });
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 3)).toBe(TAO);
    expect(stakeOf(w.ledger, 'hk-alice', 'alice', 1)).toBe(50n * TAO);
  });

  it('rejects an unregistered hotkey and changes nothing', () => {
    const w = world();
    expectRejected(w, () => unstakeAll(w.ctx, { coldkey: 'alice', hotkey: 'hk-ghost' }), 'HotKeyAccountNotExists');
  });
});
