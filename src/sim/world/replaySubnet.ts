/**
 * Driving a subnet from a replay file (src/sim/scenario/replayFile.ts) instead of agents: at
 * genesis the subnet gets V + M UIDs (validators 0..V−1, miners V..V+M−1; UID 0 is the owner
 * hotkey), and right before each of its epochs the next entry of the file sets the stake the epoch
 * sees, the validators' weight rows (stored as `set_weights` would store them, LastUpdate = now)
 * and the validators' permits. After the last entry the last one repeats, so a short file can be
 * run for as long as the scenario lasts. Bonds, consensus and emission then follow the chain's
 * rules for the subnet's Yuma variant and hyperparameters.
 */
import type { SubnetChain } from '../../consensus/chain/chainState.ts';
import { weightRow } from '../../consensus/chain/setWeights.ts';
import { storeWeights } from '../../consensus/chain/subnetNeurons.ts';
import type { ReplayData } from '../scenario/replayFile.ts';

export interface ReplayCursor {
  readonly data: ReplayData;
  /** Index of the next epoch entry. */
  next: number;
}

/** Hotkey of a replay UID. */
export function replayHotkey(subnetName: string, uid: number): string {
  return `${subnetName}.replay.${uid}`;
}

/**
 * u16 inputs for `weightRow` (which max-upscales them as `set_weights` does). A row that is already
 * u16 integers (archived chain weights) goes through unchanged, so the chain's own upscale
 * rounding applies bit-exactly; a row of arbitrary non-negative reals is first scaled so its largest
 * entry is 65535 (rounded to nearest), keeping its proportions to u16 resolution.
 */
export function replayRowToU16(row: readonly number[]): number[] {
  let max = 0;
  for (const w of row) if (w > max) max = w;
  if (max <= 65535 && row.every(Number.isInteger)) return [...row];
  return row.map((w) => Math.round((w / max) * 65535));
}

/** Loads the next entry into the subnet before its epoch. */
export function applyReplayEpoch(subnet: SubnetChain, cursor: ReplayCursor, block: number): void {
  const { data } = cursor;
  const entry = data.epochs[Math.min(cursor.next, data.epochs.length - 1)]!;
  cursor.next++;
  const n = subnet.neurons.n;
  const alphaStakeRao = Array.from({ length: n }, (_v, uid) => entry.stakesRao[uid] ?? 0n);
  subnet.epochStakeOverride = { alphaStakeRao, rootStakeRao: new Array<bigint>(n).fill(0n) };
  const minerUids = Array.from({ length: data.miners }, (_v, j) => data.validators + j);
  entry.weights.forEach((row, i) => {
    storeWeights(subnet.neurons, 0, i, weightRow(minerUids, replayRowToU16(row)), block);
  });
  subnet.neurons.validatorPermit = Array.from({ length: n }, (_v, uid) => uid < data.validators);
}
