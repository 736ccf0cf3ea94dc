import { describe, expect, it } from 'vitest';
import { assertInvariants } from '../../../../src/consensus/chain/checkInvariants.ts';
import { subnetOf, type ChainState } from '../../../../src/consensus/chain/chainState.ts';
import { BlockWorkspace, stepBlock, type BlockReport } from '../../../../src/consensus/chain/stepBlock.ts';
import { storeWeights } from '../../../../src/consensus/chain/subnetNeurons.ts';
import { halvingThresholdRao, MAX_TAO_ISSUANCE_RAO } from '../../../../src/consensus/supply/blockEmission.ts';
import { hotkeyStake } from '../../../../src/consensus/staking/stakeLedger.ts';
import { neuronHotkey, smallChain, TAO } from '../../../support/chainFixture.ts';

/** Every UID of every subnet weights every other UID equally (u16 max), at the current block. */
function setAllWeights(state: ChainState): void {
  for (const s of state.subnets) {
    for (let uid = 0; uid < s.neurons.n; uid++) {
      const row: [number, number][] = [];
      for (let j = 0; j < s.neurons.n; j++) if (j !== uid) row.push([j, 65535]);
      storeWeights(s.neurons, 0, uid, row, state.block);
    }
  }
}

function run(state: ChainState, blocks: number): BlockReport[] {
  const ws = new BlockWorkspace();
  const reports: BlockReport[] = [];
  for (let i = 0; i < blocks; i++) {
    const before = state.globals.totalIssuanceRao;
    const r = stepBlock(state, ws);
    // Snapshot the coinbase result: the workspace reuses it next block.
    reports.push({ ...r, coinbase: { ...r.coinbase } });
    expect(state.globals.totalIssuanceRao - before).toBe(r.mintedRao - r.coinbase.recycledTaoRao);
    assertInvariants(state);
  }
  return reports;
}

describe('stepBlock', () => {
  it('mints 1 TAO per block before the first halving, spends it on the pools and keeps the books balanced', () => {
    const state = smallChain();
    setAllWeights(state);
    const reports = run(state, 25);
    for (const r of reports) {
      expect(r.mintedRao).toBe(TAO);
      const c = r.coinbase;
      // Invariant 3: the credit is spent on injections, chain buys and stranded TAO, or recycled.
      expect(c.injectedTaoRao + c.chainBuyTaoRao + c.strandedTaoRao + c.recycledTaoRao).toBe(c.mintedRao);
    }
    expect(state.block).toBe(25);
    expect(state.totals.mintedTaoRao).toBe(25n * TAO);
  });

  it('runs each subnet epoch every tempo, drains its pending emission and turns it into stake', () => {
    const state = smallChain({ subnets: 2, neurons: 3 });
    setAllWeights(state);
    const stakeBefore = hotkeyStake(state.ledger, neuronHotkey(1, 2), 1);
    const reports = run(state, 40);
    const epochBlocks = (netuid: number): number[] => reports.flatMap((r) => r.epochs.filter((e) => e.netuid === netuid).map((e) => e.block));
    // tempo 10; the stagger now − (netuid mod tempo) saturates at 0 for a genesis at block 0, as on chain.
    expect(epochBlocks(1)).toEqual([10, 20, 30, 40]);
    expect(epochBlocks(2)).toEqual([10, 20, 30, 40]);
    for (const r of reports) {
      for (const e of r.epochs) {
        const d = e.distribution;
        const drained = e.drained.serverRao + e.drained.validatorRao + e.drained.rootRao + e.drained.ownerCutRao;
        expect(drained).toBeGreaterThan(0n);
        // Invariant 13: every drained alpha-rao is accounted for.
        expect(
          d.minerStakedRao + d.validatorStakedRao + d.delegateTakeRao + d.childkeyTakeRao + d.rootClaimableRao + d.rootTakeRao + d.ownerCutStakedRao + d.burnedRao + d.recycledRao + d.unownedRao + d.dustRao,
        ).toBe(drained);
      }
    }
    const s1 = subnetOf(state, 1)!.economy;
    // Right after its epoch at block 40, subnet 1 has accumulated nothing yet.
    expect(s1.pendingServerRao + s1.pendingValidatorRao + s1.pendingRootRao + s1.pendingOwnerCutRao).toBe(0n);
    expect(hotkeyStake(state.ledger, neuronHotkey(1, 2), 1)).toBeGreaterThan(stakeBefore);
  });

  it('halves the block emission exactly at the threshold', () => {
    const threshold = halvingThresholdRao(1);
    const state = smallChain({ chain: { issuanceRao: threshold - TAO - TAO / 2n } });
    const minted = run(state, 4).map((r) => r.mintedRao);
    // Issuance before each block: T−1.5, T−0.5, ≥ T … (less whatever was recycled).
    expect(minted[0]).toBe(TAO);
    expect(minted[1]).toBe(TAO);
    expect(state.globals.totalIssuanceRao).toBeGreaterThanOrEqual(threshold);
    expect(minted[3]).toBe(TAO / 2n);
  });

  it('clips the mint at the 21M TAO cap and then stops', () => {
    const state = smallChain({ chain: { issuanceRao: MAX_TAO_ISSUANCE_RAO - 300n } });
    const reports = run(state, 3);
    expect(reports[0]!.mintedRao).toBeLessThanOrEqual(300n);
    expect(state.globals.totalIssuanceRao).toBeLessThanOrEqual(MAX_TAO_ISSUANCE_RAO);
  });

  it('defers epochs beyond MaxEpochsPerBlock to the next block', () => {
    const state = smallChain({ subnets: 3, neurons: 1, chain: { globals: { maxEpochsPerBlock: 1 } } });
    for (const s of state.subnets) s.economy.lastEpochBlock = 0n;
    const reports = run(state, 12);
    const at10 = reports[9]!;
    expect(at10.epochs.map((e) => e.netuid)).toEqual([1]);
    expect(at10.deferred).toEqual([2, 3]);
    expect(reports[10]!.epochs.map((e) => e.netuid)).toEqual([2]);
    expect(reports[11]!.epochs.map((e) => e.netuid)).toEqual([3]);
  });

  it('is deterministic: the same genesis gives the same state, block for block', () => {
    const a = smallChain();
    const b = smallChain();
    setAllWeights(a);
    setAllWeights(b);
    run(a, 30);
    run(b, 30);
    expect(a).toEqual(b);
  });

  it('float mode runs the same loop and stays close to chain mode', () => {
    const chain = smallChain();
    const float = smallChain({ chain: { mode: 'float' } });
    setAllWeights(chain);
    setAllWeights(float);
    run(chain, 30);
    run(float, 30);
    for (const s of chain.subnets) {
      const f = subnetOf(float, s.netuid)!.economy;
      const rel = (x: bigint, y: bigint): number => Math.abs(Number(x - y)) / Math.max(1, Number(x));
      expect(rel(s.economy.pool.taoReserveRao, f.pool.taoReserveRao)).toBeLessThan(1e-6);
      expect(rel(s.economy.pool.alphaReserveRao, f.pool.alphaReserveRao)).toBeLessThan(1e-6);
    }
  });
});
