/**
 * The neuron table of one subnet as the epoch sees it: UIDs, their hotkeys and registration
 * blocks, stored permits, and per mechanism the `Weights`, `Bonds` and `LastUpdate` storage.
 * Stake is not stored here — it belongs to hotkeys (staking ledger), and is gathered per UID when
 * an epoch runs (DESIGN.md habit 2: state is read by one gather function).
 *
 * Chain: pallets/subtensor/src/subnets/uids.rs (`append_neuron`, `replace_neuron`,
 * `clear_neuron`), epoch/run_epoch.rs (what the epoch reads and persists) at 14bc6f9.
 */
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs, WeightCommit } from '../epoch/types.ts';

/** A stored sparse row: `[uid, u16]` pairs in submission order, explicit zeros kept. */
export type Row = [number, number][];

export interface MechanismStorage {
  /** LastUpdate per UID; may be shorter than n (padded with 0 when read). */
  lastUpdate: number[];
  weights: Map<number, Row>;
  bonds: Map<number, Row>;
}

export interface MechanismCommit extends WeightCommit {
  readonly mechanism: number;
}

export interface SubnetNeurons {
  /** SubnetworkN. */
  n: number;
  /** Hotkey of each UID; `null` = not tracked (all distinct). */
  hotkeys: (string | null)[] | null;
  blockAtRegistration: number[];
  /** Stored permits from the last epoch; any length (missing entries = no permit). */
  validatorPermit: boolean[];
  /** `LastMechansimStepBlock`; 0 means `last_tempo = block − tempo` for the bond mask. */
  lastMechanismStepBlock: number;
  mechanisms: MechanismStorage[];
  /** Epoch index used for commit expiry. */
  currentEpoch: number;
  /** Unrevealed commits, chronological. */
  commits: MechanismCommit[];
}

export function emptyMechanism(): MechanismStorage {
  return { lastUpdate: [], weights: new Map(), bonds: new Map() };
}

function rowsToMatrix(rows: Map<number, Row>, n: number): SparseMatrix {
  let count = n;
  for (const uid of rows.keys()) count = Math.max(count, uid + 1);
  const list: Row[] = [];
  for (let i = 0; i < count; i++) list.push(rows.get(i) ?? []);
  return sparseFromRows(list, count);
}

export interface GatherContext {
  readonly block: number;
  readonly ownerUid: number | null;
  /** Stake the epoch sees per UID, after childkey inheritance. */
  readonly alphaStakeRao: readonly bigint[];
  readonly rootStakeRao: readonly bigint[];
  readonly hyperparameters: EpochHyperparameters;
}

/** Everything one mechanism's epoch reads (chain `epoch_mechanism` gather), or null if absent. */
export function gatherEpochInputs(s: SubnetNeurons, ctx: GatherContext, mechanism: number, emissionRao: bigint): EpochInputs | null {
  const m = s.mechanisms[mechanism];
  if (m === undefined) return null;
  return {
    n: s.n,
    currentBlock: ctx.block,
    lastUpdate: m.lastUpdate,
    blockAtRegistration: s.blockAtRegistration,
    alphaStakeRao: ctx.alphaStakeRao,
    rootStakeRao: ctx.rootStakeRao,
    ownerUid: ctx.ownerUid,
    validatorPermit: s.validatorPermit,
    weights: rowsToMatrix(m.weights, s.n),
    bonds: rowsToMatrix(m.bonds, s.n),
    commits: s.commits.filter((c) => c.mechanism === mechanism),
    currentEpochIndex: s.currentEpoch,
    lastMechanismStepBlock: s.lastMechanismStepBlock,
    emissionRao,
    hyperparameters: ctx.hyperparameters,
  };
}

/** The chain skips every epoch of a subnet whose Keys map holds a hotkey twice. */
export function hasDuplicateHotkeys(s: Pick<SubnetNeurons, 'hotkeys'>): boolean {
  if (s.hotkeys === null) return false;
  const seen = new Set<string>();
  for (const k of s.hotkeys) {
    if (k === null) continue;
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/** Persists a mechanism's new bonds; empty rows are deleted, as the chain removes them. */
export function persistBonds(m: MechanismStorage, bonds: SparseMatrix): void {
  m.bonds = new Map();
  sparseToRows(bonds).forEach((row, uid) => {
    if (row.length > 0) m.bonds.set(uid, row);
  });
}

/** `LastUpdate[m][uid] := block` (padding the vector with 0 as the chain reads missing entries). */
export function touchLastUpdate(m: MechanismStorage, uid: number, block: number): void {
  while (m.lastUpdate.length <= uid) m.lastUpdate.push(0);
  m.lastUpdate[uid] = block;
}

/** `Weights[m][uid] := row` as given, and `LastUpdate[m][uid] := block`. */
export function storeWeights(s: SubnetNeurons, mechanism: number, uid: number, row: Row, block: number): void {
  const m = s.mechanisms[mechanism];
  if (m === undefined) throw new RangeError(`mechanism ${mechanism} does not exist`);
  m.weights.set(uid, row);
  touchLastUpdate(m, uid, block);
}

/**
 * A new hotkey takes `uid` at `block` (chain `replace_neuron` + `clear_neuron`): its own weight and
 * bond rows go; other validators' *weights* to it become 0 (kept). Their bonds to it stay — the
 * epoch's recently-registered column mask handles those (required by epoch.test_outdated_weights).
 */
export function replaceNeuron(s: SubnetNeurons, uid: number, hotkey: string | null, block: number): void {
  s.blockAtRegistration[uid] = block;
  for (const m of s.mechanisms) {
    m.weights.delete(uid);
    m.bonds.delete(uid);
    for (const row of m.weights.values()) for (const e of row) if (e[0] === uid) e[1] = 0;
    touchLastUpdate(m, uid, block);
  }
  if (uid < s.validatorPermit.length) s.validatorPermit[uid] = false;
  if (s.hotkeys !== null) s.hotkeys[uid] = hotkey;
}

/** A new UID n at `block` (chain `append_neuron`); returns it. */
export function appendNeuron(s: SubnetNeurons, hotkey: string | null, block: number): number {
  const uid = s.n;
  s.n += 1;
  s.blockAtRegistration[uid] = block;
  for (const m of s.mechanisms) touchLastUpdate(m, uid, block);
  if (s.hotkeys !== null) s.hotkeys[uid] = hotkey;
  return uid;
}

/** `reset_bonds`: every stored bond entry whose column is `uid` goes, in every mechanism. */
export function resetBondsTo(s: SubnetNeurons, uid: number): void {
  for (const m of s.mechanisms) {
    for (const [i, row] of m.bonds) m.bonds.set(i, row.filter(([c]) => c !== uid));
  }
}
