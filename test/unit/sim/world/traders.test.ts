/**
 * The five trader kinds in a small two-subnet world, run through the simulator: their actions are
 * applied by the chain (add_stake / remove_stake with its fees and checks), nothing is refused,
 * stakes appear and disappear as each behaviour says, and the invariants hold every block.
 *
 * `runScenario` gives the events and checks the invariants; the chain state in between is read by
 * stepping the same world with its building blocks (stepBlock, agent views, applyAction) — the
 * test first checks that this stepping yields exactly runScenario's action events.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { spotPriceU64F64 } from '../../../../src/consensus/amm/spotPrice.ts';
import { assertInvariants, auditLedger } from '../../../../src/consensus/chain/checkInvariants.ts';
import { BlockWorkspace, stepBlock } from '../../../../src/consensus/chain/stepBlock.ts';
import { balanceOf, hotkeyStake, stakeOf } from '../../../../src/consensus/staking/stakeLedger.ts';
import { runScenario, genesisOf } from '../../../../src/sim/run/runScenario.ts';
import type { RunEvent } from '../../../../src/sim/run/records.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import type { Scenario } from '../../../../src/sim/scenario/scenario.ts';
import { agentViewOf } from '../../../../src/sim/world/agentViewOf.ts';
import { applyAction } from '../../../../src/sim/world/applyAction.ts';
import { scheduleAgent, type World } from '../../../../src/sim/world/world.ts';

const TAO = 1_000_000_000n;

// 100 blocks a day (block_seconds 864); alpha: tempo 20, beta: tempo 30. Pools start at 1 TAO per
// alpha, so the sum of the EMA prices exceeds 1 and root dividends are paid (root_sell_flag).
const YAML = `
name: traders
seed: 11
duration: {blocks: 1400}
chain:
  numeric: float
  block_seconds: 864
  root_stakes:
    - {hotkey: alpha.validators.0, coldkey: alpha.validators.0, tao: 1000}
subnets:
  - name: alpha
    tempo: 20
    pool: {tao: 5000, alpha: 5000}
    hyperparameters: {max_allowed_uids: 16, commit_reveal_weights_enabled: false}
    population:
      - {name: validators, kind: validator.honest, count: 3, stake: {distribution: fixed, amount: 3000}}
      - {name: miners, kind: miner.honest, count: 6}
      - {name: whales, kind: trader.whale, count: 1, balance: 500, params: {enter_day: 5, hold_days: 2, pause_days: 1, repeat: 2}}
      - {name: pumpers, kind: trader.pump_for_share, count: 1, balance: 300, params: {start_day: 1, tranches: 4, pump_days: 1, hold_days: 1, exit_tranches: 3, exit_days: 1}}
      - {name: farmers, kind: trader.emission_farmer, count: 1, balance: 100, params: {amount_tao: 50, blocks_before_epoch: 2, hold_epochs: 1, cycle_epochs: 3}}
      - {name: rooters, kind: trader.root_staker, count: 1, balance: 200, params: {stake_fraction: 0.5, add_every_days: 3}}
      - {name: stakers, kind: trader.staker, count: 1, balance: 200, params: {rebalance_every_days: 1}}
  - name: beta
    tempo: 30
    pool: {tao: 5000, alpha: 5000}
    hyperparameters: {max_allowed_uids: 16, commit_reveal_weights_enabled: false}
    population:
      - {name: validators, kind: validator.honest, count: 2, stake: {distribution: fixed, amount: 500}}
      - {name: miners, kind: miner.honest, count: 6}
outputs: {cadence: epoch, detail: [events]}
`;

const WHALE = 'alpha.whales.0';
const PUMPER = 'alpha.pumpers.0';
const FARMER = 'alpha.farmers.0';
const ROOTER = 'alpha.rooters.0';
const STAKER = 'alpha.stakers.0';

/** The world loop without scenario events or records; calls `inspect` after every block. */
function stepWorld(world: World, inspect: (world: World) => void): RunEvent[] {
  const state = world.state;
  const ws = new BlockWorkspace();
  const events: RunEvent[] = [];
  while (state.block < world.scenario.durationBlocks) {
    stepBlock(state, ws);
    const due = world.wake.get(state.block);
    if (due !== undefined) {
      world.wake.delete(state.block);
      for (const index of due.sort((a, b) => a - b)) {
        const entry = world.agents[index]!;
        const decision = entry.agent.act(agentViewOf(world, entry.agent));
        for (const action of decision.actions) {
          const ev = applyAction(world, entry.agent, action);
          if (ev !== null) events.push(ev);
        }
        scheduleAgent(world, index, decision.nextBlock, state.block);
      }
    }
    assertInvariants(state, auditLedger(state));
    inspect(world);
  }
  return events;
}

interface Sample {
  readonly block: number;
  readonly balanceRao: bigint;
  /** The trader's alpha on each alpha hotkey it touched (netuid 1), and its root stake (netuid 0). */
  readonly alphaRao: bigint;
  readonly rootRao: bigint;
  /** Spot price of alpha (netuid 1), rao per alpha. */
  readonly alphaPriceRao: bigint;
}

let scenario: Scenario;
let runEvents: RunEvent[];
let rejected: number;
let stepped: RunEvent[];
const samples = new Map<string, Sample[]>();
let rootValidatorStakeRao = 0n;

const mine = (events: readonly RunEvent[], agent: string, what?: string): RunEvent[] => events.filter((e) => e.agent === agent && (what === undefined || e.what === what));

beforeAll(() => {
  scenario = parseScenario(YAML, 'traders.yaml');
  runEvents = [];
  const summary = runScenario(scenario, { recorder: { metrics: () => undefined, neuron: () => undefined, event: (e) => runEvents.push(e) } });
  rejected = summary.rejectedActions;
  const world = genesisOf(scenario);
  const alphaHotkeys = world.state.subnets.flatMap((sn) => sn.neurons.hotkeys.filter((h): h is string => h !== null));
  const traders = [WHALE, PUMPER, FARMER, ROOTER, STAKER];
  for (const t of traders) samples.set(t, []);
  stepped = stepWorld(world, (w) => {
    const ledger = w.state.ledger;
    for (const t of traders) {
      const alphaRao = alphaHotkeys.reduce((sum, h) => sum + stakeOf(ledger, h, t, 1) + stakeOf(ledger, h, t, 2), 0n);
      const rootRao = alphaHotkeys.reduce((sum, h) => sum + stakeOf(ledger, h, t, 0), 0n);
      const alphaPriceRao = (spotPriceU64F64(w.state.subnets[0]!.economy.pool) * TAO) >> 64n;
      samples.get(t)!.push({ block: w.state.block, balanceRao: balanceOf(ledger, t), alphaRao, rootRao, alphaPriceRao });
    }
    rootValidatorStakeRao = hotkeyStake(ledger, 'alpha.validators.0', 0);
  });
}, 120_000);

const at = (agent: string, block: number): Sample => samples.get(agent)!.find((s) => s.block === block)!;
const blockOf = (e: RunEvent): number => e.block;
const alphaOf = (e: RunEvent): bigint => e.detail!['alpha_rao'] as bigint;
/** The stake a buy credited, as the ledger then reads it: share-pool rounding may show 1 alpha-rao less. */
const expectHolds = (held: bigint, credited: bigint): void => {
  expect(credited - held).toBeGreaterThanOrEqual(0n);
  expect(credited - held).toBeLessThanOrEqual(1n);
};

describe('traders in a simulated world', () => {
  it('run with nothing refused, and the stepped world reproduces the run’s action events', () => {
    expect(rejected).toBe(0);
    const actions = runEvents.filter((e) => e.kind === 'action' || e.kind === 'action_rejected');
    expect(stepped).toEqual(actions);
    for (const t of [WHALE, PUMPER, FARMER, ROOTER, STAKER]) expect(mine(actions, t).length, t).toBeGreaterThan(0);
  });

  it('trader.whale: stakes at day 5, holds 2 days, sells everything; twice, a day apart', () => {
    const adds = mine(runEvents, WHALE, 'add_stake');
    const removes = mine(runEvents, WHALE, 'remove_stake');
    expect(adds.map(blockOf)).toEqual([500, 800]);
    expect(removes.map(blockOf)).toEqual([700, 1000]);
    expect(adds[0]!.detail!['amount_rao']).toBe(500n * TAO);
    // It holds alpha only between entry and exit, and none after.
    expect(at(WHALE, 499).alphaRao).toBe(0n);
    expectHolds(at(WHALE, 500).alphaRao, alphaOf(adds[0]!));
    expect(at(WHALE, 699).alphaRao).toBeGreaterThan(at(WHALE, 500).alphaRao);
    expect(at(WHALE, 700).alphaRao).toBe(0n);
    expect(at(WHALE, 700).balanceRao - at(WHALE, 699).balanceRao).toBe(removes[0]!.detail!['tao_rao']);
    // Its exit sold all it held, the dividends of the epoch at block 700 (run before it acted) included.
    expect(alphaOf(removes[0]!)).toBeGreaterThan(at(WHALE, 699).alphaRao);
    expect(at(WHALE, 1400).alphaRao).toBe(0n);
    expect(at(WHALE, 1400).balanceRao).toBeGreaterThan(0n);
  });

  it('trader.pump_for_share: four buys over day 1 raise the price, three sales from day 3 leave it with no alpha', () => {
    const adds = mine(runEvents, PUMPER, 'add_stake');
    const removes = mine(runEvents, PUMPER, 'remove_stake');
    expect(adds.map(blockOf)).toEqual([100, 125, 150, 175]);
    expect(adds.map((e) => e.detail!['amount_rao'])).toEqual([75n * TAO, 75n * TAO, 75n * TAO, 75n * TAO]);
    // Each tranche lifts the price in its block (75 TAO into a ~5000-TAO pool: ~3 % by x·y = k).
    for (const b of [100, 125, 150, 175]) expect(at(PUMPER, b).alphaPriceRao).toBeGreaterThan((at(PUMPER, b - 1).alphaPriceRao * 102n) / 100n);
    expect(removes.map(blockOf)).toEqual([300, 333, 366]);
    // Sales of a third, a half, then all of what it held when it sold (the alpha left after the sale
    // plus the alpha sold; epochs at blocks 300 and 366... pay dividends just before it acts).
    const heldBefore = (e: RunEvent): bigint => at(PUMPER, e.block).alphaRao + alphaOf(e);
    expect(alphaOf(removes[0]!)).toBe(heldBefore(removes[0]!) / 3n);
    expect(alphaOf(removes[1]!)).toBe(heldBefore(removes[1]!) / 2n);
    expect(at(PUMPER, 299).alphaRao).toBeGreaterThan(0n);
    expect(at(PUMPER, 366).alphaRao).toBe(0n);
    expect(at(PUMPER, 366).balanceRao).toBe(removes.reduce((s, e) => s + (e.detail!['tao_rao'] as bigint), 0n));
  });

  it('trader.emission_farmer: buys 2 blocks before an epoch, sells at it, every third epoch, and earns dividends meanwhile', () => {
    const adds = mine(runEvents, FARMER, 'add_stake');
    const removes = mine(runEvents, FARMER, 'remove_stake');
    expect(adds.length).toBeGreaterThanOrEqual(10);
    expect(removes.length).toBeGreaterThanOrEqual(adds.length - 1);
    for (let k = 0; k < removes.length; k++) {
      const buy = adds[k]!;
      const sell = removes[k]!;
      // Alpha's epochs fall every 20 blocks; the buy is 2 blocks before one, the sale at it.
      expect(sell.block - buy.block).toBe(2);
      expectHolds(at(FARMER, buy.block).alphaRao, alphaOf(buy));
      expect(at(FARMER, sell.block).alphaRao).toBe(0n);
      // It sold more alpha than it bought: the epoch paid it its share of the validator's dividends.
      expect(sell.detail!['alpha_rao'] as bigint).toBeGreaterThan(buy.detail!['alpha_rao'] as bigint);
      if (k > 0) expect(buy.block - adds[k - 1]!.block).toBe(60);
    }
  });

  it('trader.root_staker: stakes half its balance on root with the root validator, adds every 3 days, and its root stake grows by claims', () => {
    const adds = mine(runEvents, ROOTER, 'add_stake');
    expect(adds.map(blockOf)).toEqual([1, 301, 601, 901, 1201]);
    expect(adds.every((e) => e.detail!['netuid'] === 0 && e.detail!['hotkey'] === 'alpha.validators.0')).toBe(true);
    expect(adds[0]!.detail!['amount_rao']).toBe(100n * TAO);
    expect(adds[1]!.detail!['amount_rao']).toBe(50n * TAO);
    const staked = adds.reduce((s, e) => s + (e.detail!['amount_rao'] as bigint), 0n);
    // Auto-claims swapped root dividends into more root stake; the free balance only shrank.
    expect(at(ROOTER, 1400).rootRao).toBeGreaterThan(staked);
    expect(at(ROOTER, 1400).balanceRao).toBe(200n * TAO - staked);
    expect(rootValidatorStakeRao).toBeGreaterThan(1000n * TAO + staked);
  });

  it('trader.staker: stakes 90 % of its balance at home, then moves to the subnet whose validators earn more per alpha', () => {
    const adds = mine(runEvents, STAKER, 'add_stake');
    const removes = mine(runEvents, STAKER, 'remove_stake');
    // Block 1: no epoch has run, every yield is 0, and the tie goes to its home subnet.
    expect(adds[0]!.block).toBe(1);
    expect(adds[0]!.detail!['netuid']).toBe(1);
    expect(adds[0]!.detail!['amount_rao']).toBe(180n * TAO);
    expect(at(STAKER, 1).balanceRao).toBe(20n * TAO);
    // A day later: beta's validators hold 1000 alpha against alpha's ~9000 for a similar emission,
    // so beta pays several times more per alpha even with its own stake added. It sells, then
    // re-stakes all it got back (its balance minus the 20 TAO it keeps liquid) on beta's top validator.
    expect(removes.map(blockOf)).toEqual([101]);
    expect(adds.slice(1).map((e) => [e.block, e.detail!['netuid'], e.detail!['hotkey']])).toEqual([[102, 2, 'beta.validators.0']]);
    expect(adds[1]!.detail!['amount_rao']).toBe(removes[0]!.detail!['tao_rao']);
    expect(at(STAKER, 1400).alphaRao).toBeGreaterThan(alphaOf(adds[1]!));
    expect(at(STAKER, 1400).balanceRao).toBe(20n * TAO);
  });
});

describe('the agent view of a trader', () => {
  it('lists root stake holders largest first and shows the chain’s min stake', () => {
    const s = parseScenario(
      `
name: rootview
duration: {blocks: 10}
chain:
  min_stake: 0.5
  root_stakes:
    - {hotkey: rv-small, coldkey: c1, tao: 10}
    - {hotkey: rv-big, coldkey: c2, tao: 30}
    - {hotkey: rv-b, coldkey: c3, tao: 10}
subnets:
  - name: a
    tempo: 10
    pool: {tao: 100, alpha: 100}
    population:
      - {name: rooters, kind: trader.root_staker, count: 1, balance: 5}
`,
      'rootview.yaml',
    );
    const world = genesisOf(s);
    const entry = world.agents.find((e) => e.agent.spec.id === 'a.rooters.0')!;
    const view = agentViewOf(world, entry.agent);
    expect(view.root.validators).toEqual([
      { hotkey: 'rv-big', stakeRao: 30n * TAO },
      { hotkey: 'rv-b', stakeRao: 10n * TAO },
      { hotkey: 'rv-small', stakeRao: 10n * TAO },
    ]);
    expect(view.minStakeRao).toBe(500_000_000n);
    // A trader holds no UID and has its balance.
    expect(view.self.uid).toBeNull();
    expect(view.self.balanceRao).toBe(5n * TAO);
  });
});
