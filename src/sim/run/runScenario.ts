/**
 * The world loop (DESIGN.md data flow): genesis from the qualified scenario, then per block
 *
 *   1. the chain's block (stepBlock: burn decay, mint, coinbase, reveals, due epochs and their
 *      distribution, root auto-claim) — epochs are recorded as they happen;
 *   2. the scenario's events for this block, in file order;
 *   3. the agents due this block, in agent order: each sees a read-only view and returns actions,
 *      which are applied through the chain's extrinsics (a refusal becomes an event);
 *   4. `checkInvariants`: a violation stops the run with the block number. The ledger part of the
 *      audit is redone in full after anything that may touch the ledger, only for the epoch's
 *      subnets after a block whose only ledger change was epochs, and reused otherwise.
 *
 * Alongside, `GroupOutcomes` (groupOutcomes.ts) sees genesis, every scenario event (before and
 * after), every epoch — recorded or not — and the end, for the per-group totals of `RunSummary`;
 * `SubnetOutcomes` (subnetOutcomes.ts) sees every block, for the per-subnet TAO emission.
 *
 * Chain extrinsics run after the block's initialisation, as on chain, so "acting in block b" means
 * after stepBlock(b). All randomness comes from the scenario seed through named substreams
 * (`agent/<id>`), and every iteration is in a fixed order, so the same scenario and seed give the
 * same records byte for byte.
 */
import { assertInvariants, auditLedger, type LedgerAudit } from '../../consensus/chain/checkInvariants.ts';
import { subnetOf } from '../../consensus/chain/chainState.ts';
import { BlockWorkspace, stepBlock } from '../../consensus/chain/stepBlock.ts';
import { Arena } from '../../primitives/arena.ts';
import { Rng } from '../../primitives/rng.ts';
import type { Scenario } from '../scenario/scenario.ts';
import { agentViewOf } from '../world/agentViewOf.ts';
import { applyAction } from '../world/applyAction.ts';
import { applyScenarioEvent } from '../world/applyScenarioEvent.ts';
import { buildWorld } from '../world/genesis.ts';
import { applyReplayEpoch } from '../world/replaySubnet.ts';
import { scheduleAgent, type World } from '../world/world.ts';
import { GroupOutcomes, type GroupOutcome } from './groupOutcomes.ts';
import { SubnetOutcomes, type SubnetOutcome } from './subnetOutcomes.ts';
import type { RunEvent, RunRecorder } from './records.ts';
import { recordEpoch } from './recordEpoch.ts';
import { mlQualityEvent } from './mlQualityEvent.ts';
import { needsMlBackend } from '../../agents/ml/mlKinds.ts';
import { agentKindsUsed } from '../scenario/agentKindsUsed.ts';

export interface RunOptions {
  readonly recorder: RunRecorder;
  readonly onProgress?: (block: number, totalBlocks: number) => void;
  /** Checked every block; true stops the run with `RunInterrupted`. */
  readonly shouldStop?: () => boolean;
  /**
   * Called after each epoch has been recorded, with the live world (read only): tests, studies
   * and benches measure agents there (e.g. ML miners' quality on a held-out probe).
   */
  readonly onEpoch?: (world: World, netuid: number, block: number) => void;
}

export interface RunSummary {
  readonly blocks: number;
  readonly epochs: number;
  readonly finalIssuanceRao: bigint;
  readonly actions: number;
  readonly rejectedActions: number;
  /** Per (home netuid, group), over every epoch of the run (groupOutcomes.ts); sorted by netuid, group. */
  readonly groups: readonly GroupOutcome[];
  /** Per subnet: TAO emission and its share, prices (subnetOutcomes.ts); sorted by netuid. */
  readonly subnets: readonly SubnetOutcome[];
}

export class RunInterrupted extends Error {
  constructor(readonly block: number) {
    super(`run interrupted at block ${block}`);
    this.name = 'RunInterrupted';
  }
}

/** Decides which epochs to record under the scenario's output cadence. */
class Cadence {
  private readonly epochCount = new Map<number, number>();
  private readonly lastWindow = new Map<number, number>();
  constructor(private readonly s: Scenario) {}

  shouldRecord(netuid: number, block: number): boolean {
    const c = this.s.outputs.cadence;
    if (c.unit === 'epoch') {
      const k = (this.epochCount.get(netuid) ?? 0) + 1;
      this.epochCount.set(netuid, k);
      return k % c.every === 0;
    }
    // Block or day cadence: the first epoch of each window of cadenceBlocks.
    const window = Math.floor(block / this.s.outputs.cadenceBlocks);
    if (this.lastWindow.get(netuid) === window) return false;
    this.lastWindow.set(netuid, window);
    return true;
  }
}

export function runScenario(scenario: Scenario, options: RunOptions): RunSummary {
  const recorder = options.recorder;
  const detail = new Set(scenario.outputs.detail);
  const record = (e: RunEvent): void => {
    if (detail.has('events')) recorder.event(e);
  };
  const world = buildWorld(scenario, Rng.fromSeed(scenario.seed));
  const state = world.state;
  const outcomes = new GroupOutcomes(world);
  const subnetOutcomes = new SubnetOutcomes(state);
  const total = scenario.durationBlocks;
  record({ block: 0, kind: 'run_start', what: scenario.name, detail: { seed: scenario.seed, mode: state.mode, blocks: total, agents: world.agents.length } });
  let ledger: LedgerAudit = auditLedger(state);
  assertInvariants(state, ledger);

  const ws = new BlockWorkspace();
  const cadence = new Cadence(scenario);
  // One arena for every epoch of the run: each epoch is recorded in onEpoch, before the next reuses it.
  ws.epochArena = new Arena(1 << 20);
  let epochs = 0;
  ws.beforeEpoch = (subnet): void => {
    const cursor = world.replays.get(subnet.netuid);
    if (cursor !== undefined) applyReplayEpoch(subnet, cursor, state.block);
  };
  // Proof-of-Intelligence subnets: each recorded epoch also records every ML miner's held-out quality.
  const recordsMlQuality = detail.has('events') && needsMlBackend(agentKindsUsed(scenario));
  ws.onEpoch = (e): void => {
    epochs++;
    outcomes.onEpoch(subnetOf(state, e.netuid)!, e.output);
    if (cadence.shouldRecord(e.netuid, e.block)) {
      recordEpoch(world, state, subnetOf(state, e.netuid)!, e, recorder, detail.has('neurons'), detail.has('summary'));
      if (recordsMlQuality) {
        const q = mlQualityEvent(world, e.netuid, e.block);
        if (q !== null) recorder.event(q);
      }
    }
    options.onEpoch?.(world, e.netuid, e.block);
  };
  let eventIndex = 0;
  let actions = 0;
  let rejected = 0;
  while (state.block < total) {
    if (options.shouldStop?.() === true) throw new RunInterrupted(state.block);
    const report = stepBlock(state, ws);
    const block = state.block;
    // An epoch changes only its own subnet's stake; a root claim, action or event may change anything.
    let ledgerTouched = report.rootClaims > 0;

    const events = scenario.events;
    while (eventIndex < events.length && events[eventIndex]!.atBlock <= block) {
      outcomes.beforeEvent(events[eventIndex]!);
      for (const e of applyScenarioEvent(world, events[eventIndex]!)) record(e);
      outcomes.afterEvent();
      eventIndex++;
      ledgerTouched = true;
    }

    const due = world.wake.get(block);
    if (due !== undefined) {
      world.wake.delete(block);
      due.sort((a, b) => a - b);
      for (const index of due) {
        const entry = world.agents[index]!;
        if (!entry.active) continue;
        const decision = entry.agent.act(agentViewOf(world, entry.agent));
        for (const action of decision.actions) {
          const ev = applyAction(world, entry.agent, action);
          if (ev === null) continue;
          // Weight settings touch neither the ledger nor the neuron table (see auditLedger).
          if (action.type !== 'set_weights' && action.type !== 'commit_weights') ledgerTouched = true;
          actions++;
          if (ev.kind === 'action_rejected') rejected++;
          record(ev);
        }
        scheduleAgent(world, index, decision.nextBlock, block);
      }
    }

    subnetOutcomes.afterBlock(state);
    if (ledgerTouched) ledger = auditLedger(state);
    else if (report.epochs.length > 0) ledger = auditLedger(state, ledger, new Set(report.epochs.map((e) => e.netuid)));
    assertInvariants(state, ledger);
    options.onProgress?.(block, total);
  }
  record({ block: state.block, kind: 'run_end', what: scenario.name, detail: { epochs, actions, rejected_actions: rejected, issuance_rao: state.globals.totalIssuanceRao } });
  return { blocks: state.block, epochs, finalIssuanceRao: state.globals.totalIssuanceRao, actions, rejectedActions: rejected, groups: outcomes.finish(), subnets: subnetOutcomes.finish(state) };
}

/** For tests and notebooks: the world after genesis, without running. */
export function genesisOf(scenario: Scenario): World {
  return buildWorld(scenario, Rng.fromSeed(scenario.seed));
}
