/**
 * The ground truth of a Proof-of-Intelligence subnet, for reports and tests: every ML miner's
 * quality measured on a held-out probe batch that neither miners nor validators ever draw (its
 * own seed), at the current simulated day, with the task of the subnet's ML agents. Quality is
 * 1 − normalised loss (MSE / target variance), clamped at 0: 1 = perfect, 0 = no better than
 * predicting the mean. It reads the world and queries miners side-effect free, so observing a run
 * does not change it.
 */
import { MlMiner } from '../../agents/ml/mlMiner.ts';
import { MlValidator } from '../../agents/ml/mlValidator.ts';
import { isMlResponder } from '../../agents/ml/mlResponder.ts';
import { meanSquaredError, targetVariance, type TeacherTask } from '../../agents/ml/teacherTask.ts';
import { taskDay } from '../../agents/ml/mlTaskParams.ts';
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
}

/** The task of the subnet's first ML agent (miner or validator), or null when it has none. */
export function subnetTaskOf(world: World, netuid: number): TeacherTask | null {
  for (const e of world.agents) {
    const a = e.agent;
    if (a.spec.netuid === netuid && (a instanceof MlMiner || a instanceof MlValidator)) return a.task;
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
  const variance = targetVariance(probe.targets, probe.count);
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
    if (answer === null) continue;
    const quality = Math.max(0, 1 - meanSquaredError(answer.predictions, probe.targets) / variance);
    rows.push({ uid, hotkey, group: agent.spec.group, quality: Math.round(quality * 1e6) / 1e6 });
  }
  return rows;
}
