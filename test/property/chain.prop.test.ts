/**
 * The whole chain under random use (tokenomics.md §10; issue 3 item 7): random sequences of blocks,
 * stakes, unstakes, neuron and subnet registrations and weight settings, with `checkInvariants`
 * after every step — issuance ≤ 21M, TAO conserved exactly (burns tracked), alpha accounting,
 * share pools, burn bounds, nothing negative. Per block: minted = the emission formula at the
 * issuance before the block, clipped at the cap, and ΔTotalIssuance = minted − recycled. Per epoch:
 * every drained alpha-rao is accounted for. fast-check shrinks a failing sequence to a minimal one.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { burnedRegister } from '../../src/consensus/chain/burnedRegister.ts';
import { applyStaking } from '../../src/consensus/chain/chainStaking.ts';
import { auditLedger, checkInvariants } from '../../src/consensus/chain/checkInvariants.ts';
import type { ChainState } from '../../src/consensus/chain/chainState.ts';
import { addGenesisNeuron } from '../../src/consensus/chain/genesisSubnet.ts';
import { registerNetwork, setSubnetEmissionEnabled, startCall } from '../../src/consensus/chain/registerNetwork.ts';
import { BlockWorkspace, stepBlock } from '../../src/consensus/chain/stepBlock.ts';
import { storeWeights } from '../../src/consensus/chain/subnetNeurons.ts';
import { addStake } from '../../src/consensus/staking/addStake.ts';
import { removeStake } from '../../src/consensus/staking/removeStake.ts';
import { balanceOf, splitKey, stakeOf } from '../../src/consensus/staking/stakeLedger.ts';
import { mintForBlockRao, MAX_TAO_ISSUANCE_RAO } from '../../src/consensus/supply/blockEmission.ts';
import { smallChain, TAO } from '../support/chainFixture.ts';

const COLDKEYS = ['whale', 'ck-1-0', 'ck-1-1', 'ck-2-0', 'owner-ck-1', 'ck-2-2'] as const;
const HOTKEYS = ['hk-1-0', 'hk-1-1', 'hk-2-0', 'hk-2-1', 'owner-hk-1', 'root-validator', 'fresh-a', 'fresh-b'] as const;

type Action =
  | { kind: 'blocks'; count: number }
  | { kind: 'stake'; coldkey: number; hotkey: number; netuid: number; percent: number }
  | { kind: 'unstake'; position: number; percent: number }
  | { kind: 'register'; coldkey: number; hotkey: number; netuid: number }
  | { kind: 'registerNetwork'; coldkey: number }
  | { kind: 'weights'; netuid: number; uid: number; seed: number };

const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('blocks' as const), count: fc.integer({ min: 1, max: 12 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('stake' as const),
      coldkey: fc.nat(COLDKEYS.length - 1),
      hotkey: fc.nat(HOTKEYS.length - 1),
      netuid: fc.nat(3),
      percent: fc.integer({ min: 0, max: 100 }),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('unstake' as const),
      position: fc.nat(),
      percent: fc.integer({ min: 1, max: 100 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant('register' as const), coldkey: fc.nat(COLDKEYS.length - 1), hotkey: fc.nat(HOTKEYS.length - 1), netuid: fc.nat(3) }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('registerNetwork' as const), coldkey: fc.nat(COLDKEYS.length - 1) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('weights' as const), netuid: fc.integer({ min: 1, max: 3 }), uid: fc.nat(7), seed: fc.nat() }) },
);

/** How often each kind of step did something, so a run that exercises nothing fails loudly. */
const coverage = { blocks: 0, epochs: 0, stakes: 0, unstakes: 0, registrations: 0, networks: 0, rootClaims: 0, incrementalAudits: 0 };

function apply(state: ChainState, a: Action, ws: BlockWorkspace): void {
  switch (a.kind) {
    case 'blocks':
      for (let i = 0; i < a.count; i++) {
        const issuance = state.globals.totalIssuanceRao;
        const auditBefore = auditLedger(state);
        const r = stepBlock(state, ws);
        coverage.blocks++;
        coverage.rootClaims += r.rootClaims;
        // The incremental ledger audit the world loop uses after an epoch-only block equals a full one.
        if (r.rootClaims === 0 && r.epochs.length > 0) {
          const incremental = auditLedger(state, auditBefore, new Set(r.epochs.map((e) => e.netuid)));
          const full = auditLedger(state);
          expect([incremental.violations, incremental.balancesRao, incremental.stakedPerNetuid, incremental.unclaimedRootPerNetuid]).toEqual([
            full.violations,
            full.balancesRao,
            full.stakedPerNetuid,
            full.unclaimedRootPerNetuid,
          ]);
          coverage.incrementalAudits++;
        }
        coverage.epochs += r.epochs.length;
        expect(r.mintedRao).toBe(mintForBlockRao(issuance));
        expect(state.globals.totalIssuanceRao).toBe(issuance + r.mintedRao - r.coinbase.recycledTaoRao);
        for (const e of r.epochs) {
          const d = e.distribution;
          const drained = e.drained.serverRao + e.drained.validatorRao + e.drained.rootRao + e.drained.ownerCutRao;
          const accounted = d.minerStakedRao + d.validatorStakedRao + d.delegateTakeRao + d.childkeyTakeRao + d.rootClaimableRao + d.rootTakeRao + d.ownerCutStakedRao + d.burnedRao + d.recycledRao + d.unownedRao + d.dustRao;
          expect(accounted).toBe(drained);
        }
        expectSound(state, `block ${state.block}`);
      }
      return;
    case 'stake':
    {
      // A share of the coldkey's free balance (0 % and 100 % included: both edges must be handled).
      const coldkey = COLDKEYS[a.coldkey]!;
      const amountRao = (balanceOf(state.ledger, coldkey) * BigInt(a.percent)) / 100n;
      if (applyStaking(state, (ctx) => addStake(ctx, { coldkey, hotkey: HOTKEYS[a.hotkey]!, netuid: a.netuid, amountRao })).ok) coverage.stakes++;
      return;
    }
    case 'unstake': {
      // Pick one of the positions that exist, so unstakes mostly hit real stake.
      const positions: { netuid: number; hotkey: string; coldkey: string }[] = [];
      for (const k of [...state.ledger.stake.keys()].sort()) {
        const { netuid, accounts } = splitKey(k);
        for (const coldkey of [...state.ledger.stake.get(k)!.sharesRaw.keys()].sort()) positions.push({ netuid, hotkey: accounts[0]!, coldkey });
      }
      const p = positions[a.position % Math.max(1, positions.length)];
      if (p === undefined) return;
      const held = stakeOf(state.ledger, p.hotkey, p.coldkey, p.netuid);
      if (applyStaking(state, (ctx) => removeStake(ctx, { ...p, alphaRao: (held * BigInt(a.percent)) / 100n })).ok) coverage.unstakes++;
      return;
    }
    case 'register':
      // Mostly the coldkey's own fresh hotkeys; sometimes a known one (already registered or foreign).
      if (burnedRegister(state, { coldkey: COLDKEYS[a.coldkey]!, hotkey: a.hotkey < 4 ? `${COLDKEYS[a.coldkey]!}/hk${a.hotkey}` : HOTKEYS[a.hotkey]!, netuid: a.netuid }).ok) coverage.registrations++;
      return;
    case 'registerNetwork': {
      const coldkey = COLDKEYS[a.coldkey]!;
      const r = registerNetwork(state, { coldkey, hotkey: `net-hk-${coldkey}` });
      if (r.ok) {
        coverage.networks++;
        startCall(state, { coldkey, netuid: r.netuid });
        setSubnetEmissionEnabled(state, r.netuid, true);
      }
      return;
    }
    case 'weights': {
      const s = state.subnets.find((x) => x.netuid === a.netuid);
      if (s === undefined || a.uid >= s.neurons.n) return;
      const row: [number, number][] = [];
      for (let j = 0; j < s.neurons.n; j++) if (j !== a.uid) row.push([j, (a.seed * (j + 7)) % 65536]);
      storeWeights(s.neurons, 0, a.uid, row, state.block);
      return;
    }
  }
}

function expectSound(state: ChainState, where: string): void {
  const v = checkInvariants(state);
  expect(v, `after ${where}`).toEqual([]);
}

describe('the chain under random sequences of blocks, stakes, unstakes and registrations', () => {
  it('keeps every invariant after every step (chain mode)', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 40 }), (actions) => {
        const state = smallChain({ subnets: 2, neurons: 3, chain: { network: { rateLimitBlocks: 5, subnetLimit: 3, immunityPeriodBlocks: 20 } } });
        const ws = new BlockWorkspace();
        for (const a of actions) {
          apply(state, a, ws);
          expectSound(state, JSON.stringify(a));
        }
      }),
      { seed: 0x3c4a1, numRuns: 150 },
    );
  });

  it('keeps every invariant in float mode, and with a block author collecting fees', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 25 }), fc.boolean(), (actions, author) => {
        const state = smallChain({ subnets: 2, neurons: 3, chain: { mode: 'float', network: { rateLimitBlocks: 5 } } });
        if (author) state.blockAuthorColdkey = 'author';
        const ws = new BlockWorkspace();
        for (const a of actions) {
          apply(state, a, ws);
          expectSound(state, JSON.stringify(a));
        }
      }),
      { seed: 0x3c4a2, numRuns: 80 },
    );
  });

  it('keeps every invariant while root dividends flow and are auto-claimed (Σ EMA prices > 1)', () => {
    fc.assert(
      fc.property(fc.array(action, { minLength: 1, maxLength: 30 }), (actions) => {
        // Pools at 0.75 TAO per alpha: the EMA prices sum to 1.5, so root alpha is paid as dividends.
        const state = smallChain({ subnets: 2, neurons: 3, subnet: { taoReserveRao: 150_000n * TAO, alphaReserveRao: 200_000n * TAO } });
        // The root validator validates on both subnets, so its root stake earns root dividends.
        for (const s of state.subnets) {
          const uid = addGenesisNeuron(state, s.netuid, 'root-validator', 'root-ck');
          storeWeights(s.neurons, 0, uid, [[1, 65535], [2, 30000], [3, 10000]], 0);
        }
        const ws = new BlockWorkspace();
        for (const a of actions) {
          apply(state, a, ws);
          expectSound(state, JSON.stringify(a));
        }
      }),
      { seed: 0x3c4a4, numRuns: 60 },
    );
  });

  it('never mints past the cap, whatever the starting issuance', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: MAX_TAO_ISSUANCE_RAO - 50n * TAO, max: MAX_TAO_ISSUANCE_RAO }), fc.integer({ min: 1, max: 80 }), (issuance, blocks) => {
        const state = smallChain({ subnets: 1, neurons: 1, chain: { issuanceRao: issuance } });
        const ws = new BlockWorkspace();
        for (let i = 0; i < blocks; i++) {
          stepBlock(state, ws);
          expect(state.globals.totalIssuanceRao).toBeLessThanOrEqual(MAX_TAO_ISSUANCE_RAO);
        }
        expectSound(state, `${blocks} blocks`);
      }),
      { seed: 0x3c4a3, numRuns: 30 },
    );
  });

  it('exercised every kind of step (the properties above are not vacuous)', () => {
    for (const [kind, count] of Object.entries(coverage)) expect(count, `${kind}: ${JSON.stringify(coverage)}`).toBeGreaterThan(20);
  });
});
