/**
 * `miner.sybil`, `miner.uid_sniper` and `validator.self_weighting`'s own miners in tiny runs of the
 * whole world (scenario → genesis → chain → agents), float mode, tempo 20, 12–16 UIDs.
 */
import { describe, expect, it } from 'vitest';
import { UidSniperMiner } from '../../../../src/agents/miners/uidSniperMiner.ts';
import { stepBlock } from '../../../../src/consensus/chain/stepBlock.ts';
import { genesisOf, runScenario } from '../../../../src/sim/run/runScenario.ts';
import type { NeuronRow, RunEvent } from '../../../../src/sim/run/records.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { agentViewOf } from '../../../../src/sim/world/agentViewOf.ts';
import { applyAction } from '../../../../src/sim/world/applyAction.ts';
import { scheduleAgent } from '../../../../src/sim/world/world.ts';

const TEMPO = 20;

interface Run {
  readonly neurons: NeuronRow[];
  readonly events: RunEvent[];
}

function run(text: string): Run {
  const neurons: NeuronRow[] = [];
  const events: RunEvent[] = [];
  runScenario(parseScenario(text, 'test.yaml'), { recorder: { metrics: () => undefined, neuron: (r) => neurons.push(r), event: (e) => events.push(e) } });
  return { neurons, events };
}

const registrations = (r: Run, agentPrefix: string): RunEvent[] => r.events.filter((e) => e.what === 'register' && (e.agent ?? '').startsWith(agentPrefix));

/** Burn fixed at 1 TAO (no growth, no decay), so how many registrations a balance buys is exact. */
const FIXED_BURN = 'burn: 1, min_burn: 0.5, burn_increase_mult: 1, burn_half_life: 0';

function sybilScenario(opts: { maxUids: number; sybilParams: string; sybilBalance?: number; validatorKind?: string; validatorParams?: string; blocks?: number }): string {
  return `
name: sybil
seed: 11
duration: {blocks: ${opts.blocks ?? 200}}
chain: {numeric: float}
subnets:
  - name: s
    tempo: ${TEMPO}
    pool: {tao: 5000, alpha: 100000}
    owner: {stake: 100}
    hyperparameters: {max_allowed_uids: ${opts.maxUids}, immunity_period: 30, min_non_immune_uids: 0, commit_reveal_weights_enabled: false, weights_set_rate_limit: 0, ${FIXED_BURN}}
    population:
      - {name: validators, kind: ${opts.validatorKind ?? 'validator.honest'}, count: 3, stake: {distribution: fixed, amount: 2000}, params: {noise_sd: 0${opts.validatorParams ?? ''}}}
      - {name: miners, kind: miner.honest, count: 4, params: {quality: {distribution: uniform, min: 0.3, max: 1}}}
      - {name: sybils, kind: miner.sybil, count: 2, balance: ${opts.sybilBalance ?? 0}, params: {${opts.sybilParams}}}
outputs: {cadence: epoch, detail: [summary, neurons, events]}
`;
}

describe('miner.sybil in the world', () => {
  it('holds identities × owners UIDs at genesis, each hotkey owned by its owner coldkey, and the UID check counts them', () => {
    const text = sybilScenario({ maxUids: 16, sybilParams: 'identities: 4, quality: {distribution: fixed, value: 0.1}' });
    const world = genesisOf(parseScenario(text, 'test.yaml'));
    const subnet = world.state.subnets[0]!;
    // 1 owner + 3 validators + 4 miners + 2 × 4 identities.
    expect(subnet.neurons.n).toBe(16);
    for (const owner of ['s.sybils.0', 's.sybils.1']) {
      const held = (subnet.neurons.hotkeys ?? []).filter((hk): hk is string => hk !== null && hk.startsWith(owner));
      expect(held).toEqual([owner, `${owner}.h1`, `${owner}.h2`, `${owner}.h3`]);
      for (const hk of held) expect(world.state.ledger.hotkeyOwner.get(hk)).toBe(owner);
    }
    // One UID short: the scenario check counts 4 UIDs per sybil owner.
    expect(() => parseScenario(text.replace('max_allowed_uids: 16', 'max_allowed_uids: 15'), 'test.yaml')).toThrow(/1 owner \+ 15 agent UIDs = 16 UIDs exceed max_allowed_uids = 15/);
  });

  it('earns one incentive share per identity: equal quality, equal pay on every identity', () => {
    const r = run(sybilScenario({ maxUids: 16, sybilParams: 'identities: 4, quality: {distribution: fixed, value: 0.1}' }));
    const lastBlock = Math.max(...r.neurons.map((n) => n.block));
    const sybilRows = r.neurons.filter((n) => n.block === lastBlock && n.group === 'sybils');
    expect(sybilRows.length).toBe(8);
    const credits = sybilRows.map((n) => n.incentiveCreditRao);
    expect(credits[0]!).toBeGreaterThan(0n);
    // Noise-free validators score equal qualities equally; rounding of u16 weights may differ by a rao or so.
    for (const c of credits) expect(Number(c - credits[0]!)).toBeLessThanOrEqual(2);
    expect(r.events.filter((e) => e.kind === 'action_rejected')).toEqual([]);
  });

  it('registers its identities by burn, one per interval, while its balance covers the burn', () => {
    // Owner 0 and 1 each have 2.5 TAO at a fixed 1 TAO burn: two registrations each, at blocks 1 and 51.
    const r = run(sybilScenario({ maxUids: 16, sybilBalance: 2.5, sybilParams: 'identities: 4, register_at_genesis: false, register_every_blocks: 50' }));
    const regs = registrations(r, 's.sybils.');
    expect(regs.map((e) => [e.block, e.agent, e.kind, (e.detail as { hotkey: string }).hotkey])).toEqual([
      [1, 's.sybils.0', 'action', 's.sybils.0'],
      [1, 's.sybils.1', 'action', 's.sybils.1'],
      [51, 's.sybils.0', 'action', 's.sybils.0.h1'],
      [51, 's.sybils.1', 'action', 's.sybils.1.h1'],
    ]);
    // Registered identities earn once validators have scored them.
    const lastBlock = Math.max(...r.neurons.map((n) => n.block));
    const held = r.neurons.filter((n) => n.block === lastBlock && n.group === 'sybils');
    expect(held.map((n) => n.hotkey).sort()).toEqual(['s.sybils.0', 's.sybils.0.h1', 's.sybils.1', 's.sybils.1.h1']);
    for (const n of held) expect(n.incentiveCreditRao).toBeGreaterThan(0n);
  });

  it('is favoured by a self-weighting validator that names its owner in own_coldkeys', () => {
    const base = { maxUids: 16, sybilParams: 'identities: 4, quality: {distribution: fixed, value: 0.1}', validatorKind: 'validator.self_weighting' };
    const plain = run(sybilScenario({ ...base, validatorParams: ', self_share: 0.5' }));
    const favoured = run(sybilScenario({ ...base, validatorParams: ', self_share: 0.5, own_coldkeys: [s.sybils.0], own_miners_share: 1' }));
    const lastBlock = Math.max(...plain.neurons.map((n) => n.block));
    const credit = (r: Run, prefix: string): bigint => r.neurons.filter((n) => n.block === lastBlock && n.hotkey.startsWith(prefix)).reduce((a, n) => a + n.incentiveCreditRao, 0n);
    // All three validators put half their weight on owner 0's four identities: owner 0 gains,
    // owner 1 (same quality, not favoured) loses.
    expect(credit(favoured, 's.sybils.0')).toBeGreaterThan(2n * credit(plain, 's.sybils.0'));
    expect(credit(favoured, 's.sybils.1')).toBeLessThan(credit(plain, 's.sybils.1'));
  });
});

/**
 * A full subnet (1 owner + 3 validators + 8 miners = 12 = max_allowed_uids) and one sniper with
 * 100 TAO. Validators commit (or set) weights once per tempo at a random phase; immunity 30 blocks,
 * so from the epoch of block 40 on every genesis UID is prunable.
 */
function sniperScenario(commitReveal: boolean, revealPeriod: number, sniperQuality: number): string {
  return `
name: snipe
seed: 5
duration: {blocks: 200}
chain: {numeric: float}
subnets:
  - name: s
    tempo: ${TEMPO}
    pool: {tao: 5000, alpha: 100000}
    owner: {stake: 100}
    hyperparameters: {max_allowed_uids: 12, immunity_period: 30, min_non_immune_uids: 0, commit_reveal_weights_enabled: ${commitReveal}, reveal_period: ${revealPeriod}, weights_set_rate_limit: 0, ${FIXED_BURN}}
    population:
      - {name: validators, kind: validator.honest, count: 3, stake: {distribution: fixed, amount: 2000}, params: {noise_sd: 0}}
      - {name: miners, kind: miner.honest, count: 8, params: {quality: {distribution: uniform, min: 0.3, max: 1}}}
      - {name: snipers, kind: miner.uid_sniper, count: 1, balance: 100, params: {quality: {distribution: fixed, value: ${sniperQuality}}}}
outputs: {cadence: epoch, detail: [summary, neurons, events]}
`;
}

/** The sniper's single registration, and its incentive credit at each epoch after it, in order. */
function snipe(r: Run): { block: number; uid: number; replaced: string; creditsAfter: bigint[] } {
  const regs = registrations(r, 's.snipers.');
  expect(regs.length).toBe(1);
  const e = regs[0]!;
  expect(e.kind).toBe('action');
  const d = e.detail as { uid: number; replaced: string };
  const creditsAfter = r.neurons.filter((n) => n.hotkey === 's.snipers.0' && n.block > e.block).sort((a, b) => a.block - b.block).map((n) => n.incentiveCreditRao);
  return { block: e.block, uid: d.uid, replaced: d.replaced, creditsAfter };
}

describe('miner.uid_sniper in the world', () => {
  it('registers right after an epoch onto the UID the chain prunes: the lowest emission past immunity', () => {
    const r = run(sniperScenario(false, 1, 0.05));
    const s = snipe(r);
    const epochBlocks = new Set(r.neurons.map((n) => n.block));
    expect(epochBlocks.has(s.block)).toBe(true);
    // The epoch it acted after: every genesis UID is past immunity (30 blocks) by then.
    expect(s.block).toBeGreaterThanOrEqual(30);
    const atEpoch = r.neurons.filter((n) => n.block === s.block && n.group !== 'owner');
    // Lowest stored Emission, ties by lower UID (all registered at genesis); the owner is never pruned.
    const expected = [...atEpoch].sort((a, b) => (a.emissionRao < b.emissionRao ? -1 : a.emissionRao > b.emissionRao ? 1 : a.uid - b.uid))[0]!;
    expect(s.uid).toBe(expected.uid);
    expect(s.replaced).toBe(expected.hotkey);
    // It chose to wait for a target with incentive: the replaced UID had earned some.
    expect(expected.incentiveCreditRao).toBeGreaterThan(0n);
    // Serving 0.05 afterwards, it is paid for its own (poor) work from the next epoch on.
    expect(s.creditsAfter[0]!).toBeGreaterThan(0n);
  });

  it('predicts, from its public view alone, the UID the chain then gives it', () => {
    // The world loop of runScenario by hand, so the sniper object can be inspected afterwards.
    const world = genesisOf(parseScenario(sniperScenario(false, 1, 0.05), 'test.yaml'));
    const sniper = world.agents.map((e) => e.agent).find((a): a is UidSniperMiner => a instanceof UidSniperMiner)!;
    let registered: RunEvent | null = null;
    while (world.state.block < 200 && registered === null) {
      stepBlock(world.state);
      const block = world.state.block;
      const due = world.wake.get(block);
      if (due === undefined) continue;
      world.wake.delete(block);
      for (const index of due.sort((a, b) => a - b)) {
        const agent = world.agents[index]!.agent;
        const decision = agent.act(agentViewOf(world, agent));
        for (const action of decision.actions) {
          const ev = applyAction(world, agent, action);
          if (ev !== null && ev.what === 'register') registered = ev;
        }
        scheduleAgent(world, index, decision.nextBlock, block);
      }
    }
    expect(registered?.kind).toBe('action');
    expect(sniper.snipes.length).toBe(1);
    expect(sniper.snipes[0]!.predictedUid).toBe((registered!.detail as { uid: number }).uid);
  });

  /*
   * Inheritance. The sniper serves quality 0, so honest validators that evaluate it give it no
   * weight: any incentive it earns comes from weights set for the UID's previous holder.
   * Registration zeroes other validators' stored weights to the UID, and the epoch drops a weight
   * whose row was last updated at or before the UID's registration block (outdated mask).
   */
  it('inherits nothing without commit-reveal', () => {
    const s = snipe(run(sniperScenario(false, 1, 0)));
    expect(s.creditsAfter.length).toBeGreaterThan(3);
    expect(s.creditsAfter.every((c) => c === 0n)).toBe(true);
  });

  it('inherits nothing under commit-reveal with reveal_period 1: the last commits for the old holder are revealed at the epoch it registers after', () => {
    // Commits of tempo k are revealed at the epoch closing it — the epoch the sniper acts after — so
    // every commit revealed later was made after its registration, evaluating it (quality 0).
    const s = snipe(run(sniperScenario(true, 1, 0)));
    expect(s.creditsAfter.length).toBeGreaterThan(3);
    expect(s.creditsAfter.every((c) => c === 0n)).toBe(true);
  });

  it('inherits exactly one epoch of the old holder’s weights under commit-reveal with reveal_period 2', () => {
    // Commits made in the tempo before its registration are revealed at the first epoch after it.
    // A reveal leaves LastUpdate at the commit block, but each validator has committed again since
    // the registration (LastUpdate moved past it, so the outdated mask keeps the row), and the
    // commit-reveal mask looks only at still-unrevealed commits — all made after the registration.
    // One epoch later the revealed rows are the validators' own evaluations of the sniper: zero.
    const r = run(sniperScenario(true, 2, 0));
    const s = snipe(r);
    expect(s.creditsAfter[0]!).toBeGreaterThan(0n);
    expect(s.creditsAfter.slice(1).every((c) => c === 0n)).toBe(true);
    expect(s.creditsAfter.length).toBeGreaterThan(3);
    // What it got is what the old holder was paid at the epoch it registered after: the same
    // validators' rows for the same column (stakes unchanged in between, no noise).
    const oldHolder = r.neurons.find((n) => n.block === s.block && n.hotkey === s.replaced)!;
    expect(s.creditsAfter[0]).toBe(oldHolder.incentiveCreditRao);
  });

  it('with reveal_period 3 inherits one epoch later: the first reveal is masked by a live pre-registration commit', () => {
    const s = snipe(run(sniperScenario(true, 3, 0)));
    expect(s.creditsAfter[0]).toBe(0n);
    expect(s.creditsAfter[1]!).toBeGreaterThan(0n);
    expect(s.creditsAfter.slice(2).every((c) => c === 0n)).toBe(true);
  });
});
