import { describe, expect, it } from 'vitest';
import { blocksUntilNextEpoch, drainDueEpochs, isEpochDue, MAX_BLOCKS_WITHOUT_EPOCH, U64_MAX } from '../../../../src/consensus/coinbase/epochSchedule.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

function pending(netuid: number, extra: Parameters<typeof eligibleSubnet>[1] = {}) {
  return eligibleSubnet(netuid, { pendingServerRao: 10n, pendingValidatorRao: 20n, pendingRootRao: 30n, pendingOwnerCutRao: 40n, ...extra });
}

describe('blocksUntilNextEpoch', () => {
  it('is LastEpochBlock + tempo − block, 0 once due and u64::MAX for tempo 0', () => {
    expect(blocksUntilNextEpoch(100n, 360, 200n)).toBe(260n);
    expect(blocksUntilNextEpoch(100n, 360, 460n)).toBe(0n);
    expect(blocksUntilNextEpoch(100n, 360, 9999n)).toBe(0n);
    expect(blocksUntilNextEpoch(100n, 0, 200n)).toBe(U64_MAX);
  });
});

describe('isEpochDue', () => {
  it('is due tempo blocks after the last epoch', () => {
    const s = pending(1, { tempoBlocks: 360, lastEpochBlock: 100n });
    expect(isEpochDue(s, 459n)).toBe(false);
    expect(isEpochDue(s, 460n)).toBe(true);
  });

  it('is due at an owner-triggered or deferred block, and forced after 50,400 blocks without an epoch', () => {
    expect(isEpochDue(pending(1, { lastEpochBlock: 100n, pendingEpochAt: 150n }), 150n)).toBe(true);
    expect(isEpochDue(pending(1, { lastEpochBlock: 100n, pendingEpochAt: 150n }), 149n)).toBe(false);
    expect(isEpochDue(pending(1, { tempoBlocks: 50_400, lastEpochBlock: 100n, blocksSinceLastStep: MAX_BLOCKS_WITHOUT_EPOCH + 1n }), 200n)).toBe(true);
    expect(isEpochDue(pending(1, { tempoBlocks: 50_400, lastEpochBlock: 100n, blocksSinceLastStep: MAX_BLOCKS_WITHOUT_EPOCH }), 200n)).toBe(false);
  });

  it('is never due with tempo 0', () => {
    expect(isEpochDue(pending(1, { tempoBlocks: 0, pendingEpochAt: 1n, blocksSinceLastStep: 10n ** 9n }), 10n ** 9n)).toBe(false);
  });
});

describe('drainDueEpochs', () => {
  it('drains a due subnet’s four accumulators and resets its counters', () => {
    const s = pending(1, { tempoBlocks: 10, lastEpochBlock: 0n, blocksSinceLastStep: 9n });
    const r = drainDueEpochs([s], 10n, 2);
    expect(r).toEqual({ ran: [{ netuid: 1, serverRao: 10n, validatorRao: 20n, rootRao: 30n, ownerCutRao: 40n }], skipped: [], deferred: [] });
    expect([s.pendingServerRao, s.pendingValidatorRao, s.pendingRootRao, s.pendingOwnerCutRao]).toEqual([0n, 0n, 0n, 0n]);
    expect([s.lastEpochBlock, s.blocksSinceLastStep, s.epochIndex, s.pendingEpochAt]).toEqual([10n, 0n, 1n, 0n]);
  });

  it('runs at most MaxEpochsPerBlock in netuid order and defers the rest to the next block', () => {
    const subnets = [3, 1, 2].map((n) => pending(n, { tempoBlocks: 10, lastEpochBlock: 0n }));
    const r = drainDueEpochs(subnets, 10n, 2);
    expect(r.ran.map((d) => d.netuid)).toEqual([1, 2]);
    expect(r.deferred).toEqual([3]);
    const third = subnets[0]!;
    expect(third.pendingEpochAt).toBe(11n);
    expect(third.pendingServerRao).toBe(10n);
    const next = drainDueEpochs(subnets, 11n, 2);
    expect(next.ran.map((d) => d.netuid)).toEqual([3]);
  });

  it('skips the epoch of a subnet with duplicate hotkeys: slot used, nothing drained, counter keeps growing', () => {
    const s = pending(1, { tempoBlocks: 10, lastEpochBlock: 0n, hotkeysConsistent: false, blocksSinceLastStep: 9n });
    const r = drainDueEpochs([s], 10n, 2);
    expect(r).toEqual({ ran: [], skipped: [1], deferred: [] });
    expect(s.pendingServerRao).toBe(10n);
    expect(s.blocksSinceLastStep).toBe(10n);
    expect(s.lastEpochBlock).toBe(10n);
    expect(s.epochIndex).toBe(1n);
  });

  it('only advances the counters of subnets that are not due', () => {
    const s = pending(1, { tempoBlocks: 10, lastEpochBlock: 5n, blocksSinceLastStep: 3n });
    expect(drainDueEpochs([s], 10n, 2)).toEqual({ ran: [], skipped: [], deferred: [] });
    expect(s.blocksSinceLastStep).toBe(4n);
    expect(s.pendingServerRao).toBe(10n);
  });
});
