/**
 * Replay state of a conformance `epoch` case (shared/spec/conformance.md §4): the subnet state,
 * its parsing from case JSON, the ops (`set_weights`, `write_state`, `replace_neuron`,
 * `reset_bonds`, `epoch`) and the gathering of epoch inputs from it.
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { runSubnetEpoch } from '../../consensus/epoch/mechanisms.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../../consensus/epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs, EpochOutput, WeightCommit } from '../../consensus/epoch/types.ts';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  boolField,
  numberField,
  objectField,
  rowField,
  safeIntField,
} from './expectations.ts';

export type Row = [number, number][];

export interface MechanismState {
  lastUpdate: number[];
  weights: Map<number, Row>;
  bonds: Map<number, Row>;
}

interface CaseCommit extends WeightCommit {
  readonly mechanism: number;
}

export interface ReplayState {
  block: number;
  n: number;
  ownerUid: number | null;
  hotkeys: (string | null)[] | null;
  alphaStake: bigint[];
  rootStake: bigint[];
  blockAtRegistration: number[];
  validatorPermit: boolean[];
  lastMechanismStepBlock: number;
  mechanisms: MechanismState[];
  currentEpoch: number;
  commits: CaseCommit[];
}

export function parseEpochHyperparameters(h: Record<string, unknown>): EpochHyperparameters {
  const alphaValues = arrayField(h.alpha_values, 'hyperparameters.alpha_values');
  return {
    tempoBlocks: numberField(h.tempo, 'hyperparameters.tempo'),
    kappaU16: numberField(h.kappa, 'hyperparameters.kappa'),
    bondsPenaltyU16: numberField(h.bonds_penalty, 'hyperparameters.bonds_penalty'),
    bondsMovingAveragePpm: safeIntField(h.bonds_moving_average, 'hyperparameters.bonds_moving_average'),
    yuma3On: boolField(h.yuma3_on, 'hyperparameters.yuma3_on'),
    liquidAlphaOn: boolField(h.liquid_alpha_on, 'hyperparameters.liquid_alpha_on'),
    alphaLowU16: numberField(alphaValues[0], 'hyperparameters.alpha_values[0]'),
    alphaHighU16: numberField(alphaValues[1], 'hyperparameters.alpha_values[1]'),
    alphaSigmoidSteepness: numberField(h.alpha_sigmoid_steepness, 'hyperparameters.alpha_sigmoid_steepness'),
    activityCutoffFactorMilli: numberField(h.activity_cutoff_factor_milli, 'hyperparameters.activity_cutoff_factor_milli'),
    maxAllowedValidators: numberField(h.max_allowed_validators, 'hyperparameters.max_allowed_validators'),
    commitRevealWeightsEnabled: boolField(h.commit_reveal_weights_enabled, 'hyperparameters.commit_reveal_weights_enabled'),
    revealPeriodEpochs: safeIntField(h.reveal_period_epochs, 'hyperparameters.reveal_period_epochs'),
    stakeThresholdRao: bigintField(h.stake_threshold, 'hyperparameters.stake_threshold'),
    taoWeightRaw: bigintField(h.tao_weight, 'hyperparameters.tao_weight'),
  };
}

export function u16(x: unknown, what: string): number {
  const v = numberField(x, what);
  if (!Number.isInteger(v) || v < 0 || v > 65535) throw new CaseFormatError(`${what}: ${v} is not a u16`);
  return v;
}

function parseRows(v: unknown, what: string): Map<number, Row> {
  const rows = new Map<number, Row>();
  for (const [uid, row] of Object.entries(objectField(v, what))) rows.set(Number(uid), rowField(row, `${what}.${uid}`, u16));
  return rows;
}

function parseMechanism(v: unknown, what: string): MechanismState {
  const m = objectField(v, what);
  return {
    lastUpdate: arrayField(m.last_update, `${what}.last_update`).map((x, i) => safeIntField(x, `${what}.last_update[${i}]`)),
    weights: parseRows(m.weights, `${what}.weights`),
    bonds: parseRows(m.bonds, `${what}.bonds`),
  };
}

/** Applies the listed top-level `state` fields (used at start and by `write_state`). */
function applyStateFields(s: ReplayState, fields: Record<string, unknown>): void {
  for (const [key, v] of Object.entries(fields)) {
    const what = `state.${key}`;
    switch (key) {
      case 'block':
        s.block = safeIntField(v, what);
        break;
      case 'n':
        s.n = numberField(v, what);
        break;
      case 'owner_uid':
        s.ownerUid = v === null ? null : numberField(v, what);
        break;
      case 'hotkeys':
        s.hotkeys = v === null ? null : arrayField(v, what).map((h) => (h === null ? null : String(h)));
        break;
      case 'alpha_stake':
        s.alphaStake = arrayField(v, what).map((x, i) => bigintField(x, `${what}[${i}]`));
        break;
      case 'root_stake':
        s.rootStake = arrayField(v, what).map((x, i) => bigintField(x, `${what}[${i}]`));
        break;
      case 'block_at_registration':
        s.blockAtRegistration = arrayField(v, what).map((x, i) => safeIntField(x, `${what}[${i}]`));
        break;
      case 'validator_permit':
        s.validatorPermit = arrayField(v, what).map((x, i) => boolField(x, `${what}[${i}]`));
        break;
      case 'last_mechanism_step_block':
        s.lastMechanismStepBlock = safeIntField(v, what);
        break;
      case 'mechanisms':
        s.mechanisms = arrayField(v, what).map((m, i) => parseMechanism(m, `${what}[${i}]`));
        break;
      case 'commit_reveal': {
        const cr = objectField(v, what);
        s.currentEpoch = safeIntField(cr.current_epoch, `${what}.current_epoch`);
        s.commits = arrayField(cr.commits, `${what}.commits`).map((c, i) => {
          const o = objectField(c, `${what}.commits[${i}]`);
          const kind = o.kind;
          if (kind !== 'hash' && kind !== 'timelocked') throw new CaseFormatError(`${what}.commits[${i}].kind: unknown '${String(kind)}'`);
          return {
            uid: numberField(o.uid, `${what}.commits[${i}].uid`),
            block: safeIntField(o.block, `${what}.commits[${i}].block`),
            epoch: safeIntField(o.epoch, `${what}.commits[${i}].epoch`),
            kind,
            mechanism: o.mechanism === undefined ? 0 : numberField(o.mechanism, `${what}.commits[${i}].mechanism`),
          };
        });
        break;
      }
      default:
        throw new CaseFormatError(`${what}: unknown state field`);
    }
  }
}

export function initialState(state: Record<string, unknown>): ReplayState {
  const s: ReplayState = {
    block: 0,
    n: 0,
    ownerUid: null,
    hotkeys: null,
    alphaStake: [],
    rootStake: [],
    blockAtRegistration: [],
    validatorPermit: [],
    lastMechanismStepBlock: 0,
    mechanisms: [],
    currentEpoch: 0,
    commits: [],
  };
  applyStateFields(s, state);
  return s;
}

function rowsToMatrix(rows: Map<number, Row>, n: number): SparseMatrix {
  let count = n;
  for (const uid of rows.keys()) count = Math.max(count, uid + 1);
  const list: Row[] = [];
  for (let i = 0; i < count; i++) list.push(rows.get(i) ?? []);
  return sparseFromRows(list, count);
}

export function gatherInputs(s: ReplayState, h: EpochHyperparameters, mechanism: number, emissionRao: bigint): EpochInputs {
  const m = s.mechanisms[mechanism];
  if (m === undefined) throw new CaseFormatError(`mechanism ${mechanism} does not exist`);
  return {
    n: s.n,
    currentBlock: s.block,
    lastUpdate: m.lastUpdate,
    blockAtRegistration: s.blockAtRegistration,
    alphaStakeRao: s.alphaStake,
    rootStakeRao: s.rootStake,
    ownerUid: s.ownerUid,
    validatorPermit: s.validatorPermit,
    weights: rowsToMatrix(m.weights, s.n),
    bonds: rowsToMatrix(m.bonds, s.n),
    commits: s.commits.filter((c) => c.mechanism === mechanism),
    currentEpochIndex: s.currentEpoch,
    lastMechanismStepBlock: s.lastMechanismStepBlock,
    emissionRao,
    hyperparameters: h,
  };
}

function hasDuplicateHotkeys(s: ReplayState): boolean {
  if (s.hotkeys === null) return false;
  const seen = new Set<string>();
  for (const k of s.hotkeys) {
    if (k === null) continue;
    if (seen.has(k)) return true;
    seen.add(k);
  }
  return false;
}

/** Persists a mechanism's new bonds (rows for every uid; empty rows are deleted). */
function persistBonds(m: MechanismState, bonds: SparseMatrix): void {
  m.bonds = new Map();
  sparseToRows(bonds).forEach((row, uid) => {
    if (row.length > 0) m.bonds.set(uid, row);
  });
}

/** What an epoch step produced, for expectations and relations. */
export interface StepRecord {
  epochRan: boolean | null;
  /** Outputs of one mechanism's epoch (trace available). */
  output: EpochOutput | null;
  /** Merged outputs of a multi-mechanism subnet epoch (no trace). */
  merged: Omit<EpochOutput, 'trace' | 'bondsU16' | 'incentiveU16' | 'mode' | 'variant'> & { incentiveU16: Uint16Array } | null;
  bonds: Map<number, Row>;
  weights: Map<number, Row>;
}

function runEpochOp(
  s: ReplayState,
  h: EpochHyperparameters,
  op: Record<string, unknown>,
  mode: NumericMode,
  rec: StepRecord,
): void {
  const emission = bigintField(op.emission_rao, 'op.emission_rao');
  if (hasDuplicateHotkeys(s)) {
    rec.epochRan = false;
    return;
  }
  rec.epochRan = true;
  const onlyMechanism = op.mechanism === undefined ? null : numberField(op.mechanism, 'op.mechanism');
  if (onlyMechanism !== null || s.mechanisms.length === 1) {
    const m = onlyMechanism ?? 0;
    const result = runSubnetEpoch(1, emission, (_i, e) => gatherInputs(s, h, m, e), { mode });
    const out = result.mechanisms[0]!;
    persistBonds(s.mechanisms[m]!, out.bondsU16);
    s.validatorPermit = [...out.newValidatorPermit];
    rec.output = out;
    return;
  }
  const result = runSubnetEpoch(s.mechanisms.length, emission, (m, e) => gatherInputs(s, h, m, e), { mode });
  result.mechanisms.forEach((o, m) => persistBonds(s.mechanisms[m]!, o.bondsU16));
  s.validatorPermit = [...result.newValidatorPermit];
  rec.merged = { ...result, incentiveU16: result.incentiveU16[0]! };
}

function padLastUpdate(m: MechanismState, uid: number): void {
  while (m.lastUpdate.length <= uid) m.lastUpdate.push(0);
}

export interface ReplayContext {
  readonly h: EpochHyperparameters;
  /** `BondsResetOn`: whether `reset_bonds` has an effect (not an epoch input). */
  readonly bondsResetOn: boolean;
  readonly mode: NumericMode;
}

export function applyOp(s: ReplayState, ctx: ReplayContext, op: Record<string, unknown>, rec: StepRecord): void {
  const { h, mode } = ctx;
  switch (op.op) {
    case 'set_weights': {
      const m = s.mechanisms[numberField(op.mechanism, 'op.mechanism')];
      if (m === undefined) throw new CaseFormatError('set_weights: unknown mechanism');
      const uid = numberField(op.uid, 'op.uid');
      m.weights.set(uid, rowField(op.weights, 'op.weights', u16));
      padLastUpdate(m, uid);
      m.lastUpdate[uid] = s.block;
      return;
    }
    case 'write_state':
      applyStateFields(s, objectField(op.state, 'op.state'));
      return;
    case 'replace_neuron': {
      const uid = numberField(op.uid, 'op.uid');
      s.blockAtRegistration[uid] = s.block;
      s.alphaStake[uid] = bigintField(op.alpha_stake, 'op.alpha_stake');
      s.rootStake[uid] = bigintField(op.root_stake, 'op.root_stake');
      for (const m of s.mechanisms) {
        // subtensor `clear_neuron`: the uid's own weight and bond rows go; other validators'
        // *weights* to it become 0 (kept). Their bonds to it stay — the epoch's
        // recently-registered column mask handles those.
        m.weights.delete(uid);
        m.bonds.delete(uid);
        for (const row of m.weights.values()) for (const e of row) if (e[0] === uid) e[1] = 0;
        padLastUpdate(m, uid);
        m.lastUpdate[uid] = s.block;
      }
      if (uid < s.validatorPermit.length) s.validatorPermit[uid] = false;
      if (s.hotkeys !== null && 'hotkey' in op) s.hotkeys[uid] = op.hotkey === null ? null : String(op.hotkey);
      return;
    }
    case 'reset_bonds': {
      if (!ctx.bondsResetOn) return;
      const uid = numberField(op.uid, 'op.uid');
      for (const m of s.mechanisms) {
        for (const [i, row] of m.bonds) m.bonds.set(i, row.filter(([c]) => c !== uid));
      }
      return;
    }
    case 'epoch':
      runEpochOp(s, h, op, mode, rec);
      return;
    default:
      throw new CaseFormatError(`unknown op '${String(op.op)}'`);
  }
}

/** A deep copy of stored rows, recorded after each step for relations. */
export function snapshotRows(rows: Map<number, Row>): Map<number, Row> {
  return new Map([...rows].map(([k, r]) => [k, r.map(([c, v]) => [c, v] as [number, number])]));
}
