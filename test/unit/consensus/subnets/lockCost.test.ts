import { describe, expect, it } from 'vitest';
import { effectiveLockReductionIntervalBlocks, lockCostRao, type LockCostInput } from '../../../../src/consensus/subnets/lockCost.ts';

const TAO = 1_000_000_000n;
const base: LockCostInput = {
  lastLockRao: 2000n * TAO,
  lastLockBlock: 100n,
  block: 100n,
  minLockRao: 1000n * TAO,
  lockReductionIntervalBlocks: 100_800n,
  blockEmissionRao: TAO,
};

describe('effectiveLockReductionIntervalBlocks', () => {
  it('scales the interval by the block emission in TAO: halves at each halving, 0 without emission', () => {
    expect(effectiveLockReductionIntervalBlocks(100_800n, TAO)).toBe(100_800n);
    expect(effectiveLockReductionIntervalBlocks(100_800n, TAO / 2n)).toBe(50_400n);
    expect(effectiveLockReductionIntervalBlocks(57_600n, TAO / 4n)).toBe(14_400n);
    expect(effectiveLockReductionIntervalBlocks(100_800n, 0n)).toBe(0n);
  });
});

describe('lockCostRao', () => {
  it('is twice the last lock in the block of the last registration', () => {
    expect(lockCostRao(base)).toBe(4000n * TAO);
  });

  it('falls by floor(C/R) per block: 1008 blocks later 4000 TAO − 1008·19,841,269 rao', () => {
    // 2000 TAO / 100,800 = 19,841,269.84… rao per block.
    expect(lockCostRao({ ...base, block: 1108n })).toBe(4000n * TAO - 1008n * 19_841_269n);
  });

  it('never falls below the minimum lock', () => {
    expect(lockCostRao({ ...base, block: 10_000_000n })).toBe(1000n * TAO);
  });

  it('does not double before any registration (LastLockBlock = 0)', () => {
    expect(lockCostRao({ ...base, lastLockBlock: 0n, block: 0n })).toBe(2000n * TAO);
  });

  it('stops decaying when nothing is minted (R_eff = 0)', () => {
    expect(lockCostRao({ ...base, block: 50_000n, blockEmissionRao: 0n })).toBe(4000n * TAO);
  });

  it('decays twice as fast after a halving', () => {
    // R = 50,400 → 39,682,539 rao per block.
    expect(lockCostRao({ ...base, block: 200n, blockEmissionRao: TAO / 2n })).toBe(4000n * TAO - 100n * 39_682_539n);
  });

  it('treats a block before the last registration as 0 blocks elapsed', () => {
    expect(lockCostRao({ ...base, block: 50n })).toBe(4000n * TAO);
  });
});
