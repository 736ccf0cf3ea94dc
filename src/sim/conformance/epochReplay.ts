/**
 * Replay state of a conformance `epoch` case (shared/spec/conformance.md §4): the subnet state,
 * its parsing from case JSON, the ops (`set_weights`, `write_state`, `replace_neuron`,
 * `reset_bonds`, `epoch`) and the gathering of epoch inputs from it.
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { runSubnetEpoch } from '../../consensus/epoch/mechanisms.ts';
import {
  gatherEpochInputs,
  hasDuplicateHotkeys,
  persistBonds,
  replaceNeuron,
  resetBondsTo,
  storeWeights,
  type MechanismStorage,
  type Row,
  type SubnetNeurons,
} from '../../consensus/chain/subnetNeurons.ts';
import type { EpochHyperparameters, EpochInputs, EpochOutput } from '../../consensus/epoch/types.ts';
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

export type { Row } from '../../consensus/chain/subnetNeurons.ts';

/** A replayed subnet: the neuron table plus what a case states directly (stakes, owner UID). */
export interface ReplayState extends SubnetNeurons {
  block: number;
  ownerUid: number | null;
  alphaStake: bigint[];
  rootStake: bigint[];
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

function parseMechanism(v: unknown, what: string): MechanismStorage {
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

export function gatherInputs(s: ReplayState, h: EpochHyperparameters, mechanism: number, emissionRao: bigint): EpochInputs {
  const ctx = { block: s.block, ownerUid: s.ownerUid, alphaStakeRao: s.alphaStake, rootStakeRao: s.rootStake, hyperparameters: h };
  const inputs = gatherEpochInputs(s, ctx, mechanism, emissionRao);
  if (inputs === null) throw new CaseFormatError(`mechanism ${mechanism} does not exist`);
  return inputs;
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
      const mechanism = numberField(op.mechanism, 'op.mechanism');
      if (s.mechanisms[mechanism] === undefined) throw new CaseFormatError('set_weights: unknown mechanism');
      storeWeights(s, mechanism, numberField(op.uid, 'op.uid'), rowField(op.weights, 'op.weights', u16), s.block);
      return;
    }
    case 'write_state':
      applyStateFields(s, objectField(op.state, 'op.state'));
      return;
    case 'replace_neuron': {
      const uid = numberField(op.uid, 'op.uid');
      s.alphaStake[uid] = bigintField(op.alpha_stake, 'op.alpha_stake');
      s.rootStake[uid] = bigintField(op.root_stake, 'op.root_stake');
      const hotkey = 'hotkey' in op ? (op.hotkey === null ? null : String(op.hotkey)) : (s.hotkeys?.[uid] ?? null);
      replaceNeuron(s, uid, hotkey, s.block);
      return;
    }
    case 'reset_bonds':
      if (ctx.bondsResetOn) resetBondsTo(s, numberField(op.uid, 'op.uid'));
      return;
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
