/**
 * Conformance kind `epoch` (shared/spec/conformance.md §4): one subnet replayed step by step —
 * weight sets, state edits, re-registrations, bond resets — with sparse Yuma epochs, checking
 * outputs, stored bonds, weights and traces after each step.
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { arithmeticFor } from '../../consensus/epoch/runEpoch.ts';
import { runSubnetEpoch } from '../../consensus/epoch/mechanisms.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../../consensus/epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs, EpochOutput, WeightCommit } from '../../consensus/epoch/types.ts';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  boolField,
  fixedWithin,
  formatValue,
  integerWithin,
  numberField,
  objectField,
  parseTolerance,
  rowField,
  safeIntField,
  u16FractionWithin,
  type Failure,
  type Tolerance,
} from './expectations.ts';

type Row = [number, number][];

interface MechanismState {
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

function u16(x: unknown, what: string): number {
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
interface StepRecord {
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

interface ReplayContext {
  readonly h: EpochHyperparameters;
  /** `BondsResetOn`: whether `reset_bonds` has an effect (not an epoch input). */
  readonly bondsResetOn: boolean;
  readonly mode: NumericMode;
}

function applyOp(s: ReplayState, ctx: ReplayContext, op: Record<string, unknown>, rec: StepRecord): void {
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

// ---------------------------------------------------------------------------------------------
// Expectations

const U16_OUTPUTS = ['consensus', 'incentive', 'dividends', 'validator_trust', 'stake_weight'] as const;
type U16Output = (typeof U16_OUTPUTS)[number];

function u16Output(rec: StepRecord, name: U16Output): Uint16Array | null {
  const o = rec.output ?? rec.merged;
  if (o === null) return null;
  switch (name) {
    case 'consensus':
      return o.consensusU16;
    case 'incentive':
      return o.incentiveU16;
    case 'dividends':
      return o.dividendsU16;
    case 'validator_trust':
      return o.validatorTrustU16;
    case 'stake_weight':
      return o.stakeWeightU16;
  }
}

function raoOutput(rec: StepRecord, name: string): readonly bigint[] | null {
  const o = rec.output ?? rec.merged;
  if (o === null) return null;
  if (name === 'server_emission') return o.serverEmissionRao;
  if (name === 'validator_emission') return o.validatorEmissionRao;
  if (name === 'emission') return o.emissionRao;
  return null;
}

/** Converts a backend value to an I32F32 raw (float mode rounds to the nearest raw). */
function toRaw(mode: NumericMode, x: number): bigint {
  return BigInt(mode === 'chain' ? x : Math.round(x * 4294967296));
}

function traceVector(rec: StepRecord, name: string): Float64Array | null {
  const t = rec.output?.trace;
  if (t === undefined) return null;
  switch (name) {
    case 'stake':
      return t.stake;
    case 'active_stake':
      return t.activeStake;
    case 'consensus':
      return t.consensus;
    case 'validator_trust':
      return t.validatorTrust;
    case 'incentive':
      return t.incentive;
    case 'dividends':
      return t.dividends;
    case 'normalized_server_emission':
      return t.normalizedServerEmission;
    case 'normalized_validator_emission':
      return t.normalizedValidatorEmission;
    case 'normalized_combined_emission':
      return t.normalizedCombinedEmission;
    default:
      return null;
  }
}

function traceMatrix(rec: StepRecord, name: string): SparseMatrix | null {
  const t = rec.output?.trace;
  if (t === undefined) return null;
  if (name === 'weights') return t.weights;
  if (name === 'bonds_delta') return t.bondsDelta;
  return null;
}

function bondValue(rec: StepRecord, i: number, j: number): number {
  let v = 0;
  for (const [c, x] of rec.bonds.get(i) ?? []) if (c === j) v = x;
  return v;
}

/** Resolves a relation path (`incentive.2`, `bonds.0.3`, `epoch_ran`, …) to an integer. */
function pathValue(rec: StepRecord, path: string): bigint {
  const parts = path.split('.');
  const head = parts[0]!;
  const uid = Number(parts[1]);
  if (head === 'bonds') return BigInt(bondValue(rec, uid, Number(parts[2])));
  if ((U16_OUTPUTS as readonly string[]).includes(head)) {
    const v = u16Output(rec, head as U16Output)?.[uid];
    if (v === undefined) throw new CaseFormatError(`relation path ${path}: no such output in this step`);
    return BigInt(v);
  }
  const rao = raoOutput(rec, head);
  if (rao !== null && rao[uid] !== undefined) return rao[uid]!;
  if (head === 'trace' && parts.length === 3) {
    const v = traceVector(rec, parts[1]!)?.[Number(parts[2])];
    if (v !== undefined) return toRaw(rec.output!.mode, v);
  }
  throw new CaseFormatError(`relation path ${path} cannot be resolved`);
}

function compareOp(lhs: bigint, op: string, rhs: bigint): boolean {
  switch (op) {
    case '==':
      return lhs === rhs;
    case '!=':
      return lhs !== rhs;
    case '<':
      return lhs < rhs;
    case '<=':
      return lhs <= rhs;
    case '>':
      return lhs > rhs;
    case '>=':
      return lhs >= rhs;
    default:
      throw new CaseFormatError(`unknown relation operator '${op}'`);
  }
}

function checkExpectations(
  stepIndex: number,
  expect: Record<string, unknown>,
  rec: StepRecord,
  history: StepRecord[],
  failures: Failure[],
): void {
  const prefix = `steps[${stepIndex}]`;
  const fail = (field: string, index: string, expected: unknown, got: unknown): void => {
    failures.push({ field: `${prefix}.${field}`, index, expected: formatValue(expected), got: formatValue(got) });
  };
  for (const [field, leaf] of Object.entries(expect)) {
    if (field === 'relations') {
      for (const r of arrayField(leaf, `${prefix}.relations`)) {
        const rel = objectField(r, `${prefix}.relations[]`);
        const operand = (x: unknown): bigint => {
          if (typeof x === 'string' && /^-?\d+$/.test(x)) return BigInt(x);
          if (typeof x === 'string') return pathValue(rec, x);
          const o = objectField(x, 'relation operand');
          const step = numberField(o.step, 'relation operand step');
          const past = history[step];
          if (past === undefined) throw new CaseFormatError(`relation refers to step ${step}, which has not run`);
          return pathValue(past, String(o.path));
        };
        const lhs = operand(rel.lhs);
        const rhs = operand(rel.rhs);
        const op = String(rel.op);
        if (!compareOp(lhs, op, rhs)) fail('relations', `${formatValue(rel.lhs)} ${op} ${formatValue(rel.rhs)}`, `${lhs} ${op} ${rhs}`, `${lhs} vs ${rhs}`);
      }
      continue;
    }
    const { value, tolerance } = objectField(leaf, `${prefix}.${field}`);
    const tol: Tolerance = parseTolerance(tolerance);
    if (field === 'epoch_ran') {
      const got = rec.epochRan ?? false;
      if (got !== boolField(value, field)) fail(field, '', value, got);
      continue;
    }
    if (rec.epochRan === false && field !== 'bonds' && field !== 'weights') {
      fail(field, '', value, 'epoch did not run');
      continue;
    }
    if (field === 'bonds') {
      for (const cell of arrayField(value, `${prefix}.bonds`)) {
        const [i, j, e] = arrayField(cell, 'bonds cell').map((x) => numberField(x, 'bonds cell')) as [number, number, number];
        const got = bondValue(rec, i, j);
        if (!integerWithin(BigInt(got), BigInt(e), tol)) fail(field, `[${i},${j}]`, e, got);
      }
      continue;
    }
    if (field === 'weights') {
      for (const [uid, row] of Object.entries(objectField(value, `${prefix}.weights`))) {
        const e = rowField(row, `${prefix}.weights.${uid}`, u16);
        const got = rec.weights.get(Number(uid)) ?? [];
        if (formatValue(e) !== formatValue(got)) fail(field, uid, e, got);
      }
      continue;
    }
    if (field === 'total_emission') {
      const o = rec.output ?? rec.merged;
      if (o === null) {
        fail(field, '', value, 'no epoch in this step');
        continue;
      }
      const got = [...o.serverEmissionRao, ...o.validatorEmissionRao].reduce((a, b) => a + b, 0n);
      const e = bigintField(value, field);
      if (!integerWithin(got, e, tol)) fail(field, '', e, got);
      continue;
    }
    const perUid = objectField(value, `${prefix}.${field}`);
    const base = field.endsWith('_fraction') ? field.slice(0, -'_fraction'.length) : field;
    if ((U16_OUTPUTS as readonly string[]).includes(base)) {
      const out = u16Output(rec, base as U16Output);
      if (out === null) {
        fail(field, '', value, 'no epoch in this step');
        continue;
      }
      for (const [uid, e] of Object.entries(perUid)) {
        const got = out[Number(uid)];
        if (got === undefined) {
          fail(field, uid, e, 'missing');
          continue;
        }
        const ok = base === field ? integerWithin(BigInt(got), BigInt(numberField(e, field)), tol) : u16FractionWithin(got, numberField(e, field), tol);
        if (!ok) fail(field, uid, e, base === field ? got : `${got}/65535`);
      }
      continue;
    }
    if (field === 'validator_permit' || field === 'active') {
      const o = rec.output ?? rec.merged;
      const vec = o === null ? null : field === 'active' ? o.active : o.newValidatorPermit;
      for (const [uid, e] of Object.entries(perUid)) {
        const got = vec?.[Number(uid)];
        if (got !== boolField(e, field)) fail(field, uid, e, got ?? 'missing');
      }
      continue;
    }
    const rao = raoOutput(rec, field);
    if (rao !== null || ['server_emission', 'validator_emission', 'emission'].includes(field)) {
      for (const [uid, e] of Object.entries(perUid)) {
        const got = rao?.[Number(uid)];
        const ev = bigintField(e, field);
        if (got === undefined || !integerWithin(got, ev, tol)) fail(field, uid, ev, got ?? 'missing');
      }
      continue;
    }
    if (field.startsWith('trace.')) {
      const name = field.slice('trace.'.length);
      const vec = traceVector(rec, name);
      const mat = vec === null ? traceMatrix(rec, name) : null;
      if (vec === null && mat === null) {
        fail(field, '', value, rec.output === null ? 'no single-mechanism epoch in this step' : 'not available for this variant');
        continue;
      }
      const mode = rec.output!.mode;
      for (const [uid, e] of Object.entries(perUid)) {
        if (vec !== null) {
          const got = vec[Number(uid)];
          const ev = bigintField(e, field);
          if (got === undefined || !fixedWithin(toRaw(mode, got), ev, 32, tol)) fail(field, uid, ev, got === undefined ? 'missing' : toRaw(mode, got));
          continue;
        }
        const expRow = rowField(e, `${field}.${uid}`, (x, w) => Number(bigintField(x, w)));
        const gotRow = (sparseToRows(mat!)[Number(uid)] ?? []).map(([c, v]) => [c, toRaw(mode, v)] as const);
        const ok =
          expRow.length === gotRow.length &&
          expRow.every(([c, v], k) => gotRow[k]![0] === c && fixedWithin(gotRow[k]![1], BigInt(v), 32, tol));
        if (!ok) fail(field, uid, expRow, gotRow);
      }
      continue;
    }
    throw new CaseFormatError(`${prefix}: unknown expectation '${field}'`);
  }
}

function snapshotRows(rows: Map<number, Row>): Map<number, Row> {
  return new Map([...rows].map(([k, r]) => [k, r.map(([c, v]) => [c, v] as [number, number])]));
}

export function runEpochCase(c: Record<string, unknown>, mode: NumericMode): Failure[] {
  // Validate the backend name early (throws for an unknown mode).
  arithmeticFor(mode);
  const hp = objectField(c.hyperparameters, 'hyperparameters');
  const ctx: ReplayContext = {
    h: parseEpochHyperparameters(hp),
    bondsResetOn: boolField(hp.bonds_reset_on, 'hyperparameters.bonds_reset_on'),
    mode,
  };
  const s = initialState(objectField(c.state, 'state'));
  const failures: Failure[] = [];
  const history: StepRecord[] = [];
  arrayField(c.steps, 'steps').forEach((raw, k) => {
    const step = objectField(raw, `steps[${k}]`);
    const block = safeIntField(step.block, `steps[${k}].block`);
    if (block < s.block) throw new CaseFormatError(`steps[${k}].block goes backwards`);
    s.block = block;
    const rec: StepRecord = { epochRan: null, output: null, merged: null, bonds: new Map(), weights: new Map() };
    for (const op of arrayField(step.ops, `steps[${k}].ops`)) applyOp(s, ctx, objectField(op, `steps[${k}].ops[]`), rec);
    rec.bonds = snapshotRows(s.mechanisms[0]?.bonds ?? new Map());
    rec.weights = snapshotRows(s.mechanisms[0]?.weights ?? new Map());
    history.push(rec);
    if (step.expect !== undefined) checkExpectations(k, objectField(step.expect, `steps[${k}].expect`), rec, history, failures);
  });
  return failures;
}
