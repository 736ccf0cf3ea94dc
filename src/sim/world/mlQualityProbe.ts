/**
 * The ground truth of a Proof-of-Intelligence subnet, for reports and tests: every ML miner's
 * quality measured on a held-out probe batch that neither miners nor validators ever draw (its
 * own seed), at the current simulated day, with the task of the subnet's ML agents. Quality is
 * 1 − the task's normalised loss, clamped at 0: 1 = perfect, 0 = no better than an uninformed
 * guess (predicting the mean; a uniform distribution over classes). For classification the
 * accuracy (share of the probe's labels the most probable class gets right) is given too. It reads
 * the world and queries miners side-effect free, so observing a run does not change it.
 */
import { isMlResponder } from '../../agents/ml/mlResponder.ts';
import { accuracy } from '../../agents/ml/crossEntropy.ts';
import type { MlTask } from '../../agents/ml/mlTask.ts';
import { mlTaskOf } from '../../agents/ml/mlTaskOf.ts';
import { taskDay } from '../../agents/ml/mlTaskSpec.ts';
import { subnetOf } from '../../consensus/chain/chainState.ts';
import { Rng } from '../../primitives/rng.ts';
import { queryUid } from './agentViewOf.ts';
import type { World } from './world.ts';

export const PROBE_BATCH_SIZE = 512;

export interface MlQualityRow {
  readonly uid: number;
  readonly hotkey: string;
  readonly group: string;
  readonly quality: number;
  /** Classification only: share of probe labels its most probable class gets right (rounded to 1e-6). */
  readonly accuracy?: number;
}

/** The task of the subnet's ML agents (the first agent given one), or null when it has none. */
export function subnetTaskOf(world: World, netuid: number): MlTask | null {
  for (const e of world.agents) {
    const task = e.agent.spec.task;
    if (e.agent.spec.netuid === netuid && task !== undefined) return mlTaskOf(task);
  }
  return null;
}

/** Quality of every UID on `netuid` held by an answering ML responder, by UID. */
export function mlQualityProbe(world: World, netuid: number): MlQualityRow[] {
  const task = subnetTaskOf(world, netuid);
  const subnet = subnetOf(world.state, netuid);
  if (task === null || subnet === undefined) return [];
  const day = taskDay(world.state.block, world.scenario.chain.blocksPerDay);
  const probe = task.sample(Rng.fromSeed(`ml-quality-probe/${world.state.block}`), PROBE_BATCH_SIZE, day, false);
  const byHotkey = new Map<string, World['agents'][number]['agent']>();
  for (const e of world.agents) if (e.active && isMlResponder(e.agent)) for (const hk of e.agent.spec.hotkeys) byHotkey.set(hk, e.agent);
  const rows: MlQualityRow[] = [];
  for (let uid = 0; uid < subnet.neurons.n; uid++) {
    const hotkey = subnet.neurons.hotkeys[uid];
    if (hotkey === null || hotkey === undefined) continue;
    const agent = byHotkey.get(hotkey);
    if (agent === undefined || !isMlResponder(agent)) continue;
    // Relayed answers are followed (a copier's quality is what it relays); lateness is ignored here.
    const answer = queryUid(world, netuid, uid, probe.inputs, probe.count, 0);
    if (answer === null || answer.predictions.length !== probe.count * task.outputDim) continue;
    const quality = Math.round(Math.max(0, 1 - task.normalisedLoss(answer.predictions, probe)) * 1e6) / 1e6;
    if (task.spec.kind === 'classification') {
      const hits = accuracy(answer.predictions, probe.targets, probe.count, task.outputDim);
      rows.push({ uid, hotkey, group: agent.spec.group, quality, accuracy: Math.round(hits * 1e6) / 1e6 });
    } else rows.push({ uid, hotkey, group: agent.spec.group, quality });
  }
  return rows;
}
