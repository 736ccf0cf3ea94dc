/**
 * Conformance kind `math` (shared/spec/conformance.md §5): pure calls of the chain's epoch math
 * functions, evaluated with the same code the epoch uses, in `chain` mode.
 */
import { chainArithmetic } from '../../consensus/epoch/chainArithmetic.ts';
import {
  colClipSparse,
  interpolateSparse,
  isTopk,
  makeMathContext,
  matEmaAlphaSparse,
} from '../../consensus/epoch/math.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../../consensus/epoch/sparseMatrix.ts';
import { checkVecMaxLimited, vecU16MaxUpscaleToU16 } from '../../consensus/epoch/u16Math.ts';
import { weightedMedian, weightedMedianColSparse } from '../../consensus/epoch/weightedMedian.ts';
import { fixedProportionToU16 } from '../../primitives/fixed.ts';
import { expSafe } from '../../primitives/fixedExp.ts';
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
  type Failure,
  type Tolerance,
} from './expectations.ts';

const ar = chainArithmetic;
const cx = () => makeMathContext(ar);

/** An I32F32 raw that must be exact in a float64 (all math-case inputs except exp_safe's). */
function raw(v: unknown, what: string): number {
  const b = bigintField(v, what);
  if (b > 2n ** 53n || b < -(2n ** 53n)) throw new CaseFormatError(`${what}: raw ${b} exceeds the float64 fast path`);
  return Number(b);
}

function rawVector(v: unknown, what: string): Float64Array {
  return Float64Array.from(arrayField(v, what).map((x, i) => raw(x, `${what}[${i}]`)));
}

function sparseArg(v: unknown, what: string): SparseMatrix {
  return sparseFromRows(arrayField(v, what).map((r, i) => rowField(r, `${what}[${i}]`, raw)));
}

type MathResult =
  | { readonly type: 'fixed'; readonly value: bigint }
  | { readonly type: 'fixedVector'; readonly value: readonly bigint[] }
  | { readonly type: 'sparse'; readonly value: readonly (readonly [number, bigint])[][] }
  | { readonly type: 'u16'; readonly value: number }
  | { readonly type: 'u16Vector'; readonly value: readonly number[] }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'boolVector'; readonly value: readonly boolean[] };

function sparseResult(m: SparseMatrix): MathResult {
  return { type: 'sparse', value: sparseToRows(m).map((row) => row.map(([c, v]) => [c, BigInt(v)] as const)) };
}

/** Evaluates one chain math function on the case's arguments. */
export function evaluateMathFunction(fn: string, args: Record<string, unknown>): MathResult {
  switch (fn) {
    case 'weighted_median':
      return {
        type: 'fixed',
        value: BigInt(weightedMedian(rawVector(args.stake, 'args.stake'), rawVector(args.score, 'args.score'), raw(args.minority, 'args.minority'))),
      };
    case 'weighted_median_col_sparse': {
      const columns = numberField(args.columns, 'args.columns');
      const r = weightedMedianColSparse(cx(), rawVector(args.stake, 'args.stake'), sparseArg(args.weights, 'args.weights'), columns, raw(args.majority, 'args.majority'));
      return { type: 'fixedVector', value: Array.from(r, (x) => BigInt(x)) };
    }
    case 'col_clip_sparse':
      return sparseResult(colClipSparse(cx(), sparseArg(args.matrix, 'args.matrix'), rawVector(args.thresholds, 'args.thresholds')));
    case 'interpolate_sparse':
      return sparseResult(
        interpolateSparse(cx(), sparseArg(args.mat1, 'args.mat1'), sparseArg(args.mat2, 'args.mat2'), numberField(args.columns, 'args.columns'), raw(args.ratio, 'args.ratio')),
      );
    case 'mat_ema_alpha_sparse': {
      const alpha = arrayField(args.alpha, 'args.alpha').map((r, i) => rawVector(r, `args.alpha[${i}]`));
      const newM = sparseArg(args.new, 'args.new');
      let columns = 0;
      for (const r of alpha) columns = Math.max(columns, r.length);
      const out = matEmaAlphaSparse(cx(), newM, sparseArg(args.old, 'args.old'), columns, (i, j) => alpha[i]?.[j]);
      return sparseResult(out);
    }
    case 'exp_safe':
      return { type: 'fixed', value: expSafe(bigintField(args.x, 'args.x')) };
    case 'vec_u16_max_upscale_to_u16':
      return { type: 'u16Vector', value: vecU16MaxUpscaleToU16(arrayField(args.values, 'args.values').map((x, i) => numberField(x, `args.values[${i}]`))) };
    case 'check_vec_max_limited':
      return {
        type: 'bool',
        value: checkVecMaxLimited(arrayField(args.values, 'args.values').map((x, i) => numberField(x, `args.values[${i}]`)), numberField(args.max_limit, 'args.max_limit')),
      };
    case 'is_topk':
      return { type: 'boolVector', value: isTopk(cx(), rawVector(args.values, 'args.values'), numberField(args.k, 'args.k'), false) };
    case 'fixed_proportion_to_u16':
      return { type: 'u16', value: fixedProportionToU16(bigintField(args.x, 'args.x')) };
    default:
      throw new CaseFormatError(`math function '${fn}' is not implemented`);
  }
}

function compareFixed(field: string, index: string, got: bigint, expected: unknown, tol: Tolerance, failures: Failure[]): void {
  const e = bigintField(expected, `${field}${index}`);
  if (!fixedWithin(got, e, 32, tol)) failures.push({ field, index, expected: e.toString(), got: got.toString() });
}

/** Compares a result with `expect = {value, tolerance}`. */
export function compareMathResult(result: MathResult, expect: Record<string, unknown>, failures: Failure[]): void {
  const tol = parseTolerance(expect.tolerance);
  const field = 'value';
  const expected = expect.value;
  const lengthMismatch = (exp: unknown[], got: number): boolean => {
    if (exp.length === got) return false;
    failures.push({ field, index: 'length', expected: String(exp.length), got: String(got) });
    return true;
  };
  switch (result.type) {
    case 'fixed':
      compareFixed(field, '', result.value, expected, tol, failures);
      return;
    case 'fixedVector': {
      const exp = arrayField(expected, 'expect.value');
      if (lengthMismatch(exp, result.value.length)) return;
      exp.forEach((e, i) => compareFixed(field, `[${i}]`, result.value[i]!, e, tol, failures));
      return;
    }
    case 'sparse': {
      const exp = arrayField(expected, 'expect.value');
      if (lengthMismatch(exp, result.value.length)) return;
      exp.forEach((row, i) => {
        const er = rowField(row, `expect.value[${i}]`, (x, w) => Number(bigintField(x, w)));
        const expRow = arrayField(row, `expect.value[${i}]`) as [number, string][];
        const gotRow = result.value[i]!;
        const sameColumns = er.length === gotRow.length && er.every(([c], k) => gotRow[k]![0] === c);
        if (!sameColumns) {
          failures.push({ field, index: `row ${i}`, expected: formatValue(expRow), got: formatValue(gotRow) });
          return;
        }
        expRow.forEach(([c, v], k) => compareFixed(field, `[${i}][col ${c}]`, gotRow[k]![1], v, tol, failures));
      });
      return;
    }
    case 'u16': {
      const e = numberField(expected, 'expect.value');
      if (!integerWithin(BigInt(result.value), BigInt(e), tol)) failures.push({ field, index: '', expected: String(e), got: String(result.value) });
      return;
    }
    case 'u16Vector': {
      const exp = arrayField(expected, 'expect.value');
      if (lengthMismatch(exp, result.value.length)) return;
      exp.forEach((e, i) => {
        const ev = numberField(e, `expect.value[${i}]`);
        if (!integerWithin(BigInt(result.value[i]!), BigInt(ev), tol)) failures.push({ field, index: `[${i}]`, expected: String(ev), got: String(result.value[i]) });
      });
      return;
    }
    case 'bool': {
      const e = boolField(expected, 'expect.value');
      if (e !== result.value) failures.push({ field, index: '', expected: String(e), got: String(result.value) });
      return;
    }
    case 'boolVector': {
      const exp = arrayField(expected, 'expect.value');
      if (lengthMismatch(exp, result.value.length)) return;
      exp.forEach((e, i) => {
        const ev = boolField(e, `expect.value[${i}]`);
        if (ev !== result.value[i]) failures.push({ field, index: `[${i}]`, expected: String(ev), got: String(result.value[i]) });
      });
      return;
    }
  }
}

export function runMathCase(c: Record<string, unknown>): Failure[] {
  const fn = c.function;
  if (typeof fn !== 'string') throw new CaseFormatError('math case without a function name');
  const result = evaluateMathFunction(fn, objectField(c.args, 'args'));
  const failures: Failure[] = [];
  compareMathResult(result, objectField(c.expect, 'expect'), failures);
  return failures;
}
