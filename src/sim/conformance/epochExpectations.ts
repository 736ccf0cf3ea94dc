/**
 * Expectations of a conformance `epoch` step (shared/spec/conformance.md §4): stored outputs,
 * fractions, rao amounts, bonds, weights, traces and relations, compared in each field's unit.
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { sparseToRows, type SparseMatrix } from '../../consensus/epoch/sparseMatrix.ts';
import type { StepRecord } from './epochReplay.ts';
import { u16 } from './epochReplay.ts';
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
  u16FractionWithin,
  type Failure,
  type Tolerance,
  compareOp,
} from './expectations.ts';

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

export function checkExpectations(
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
