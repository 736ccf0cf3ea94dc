/**
 * Conformance kind `swap` (shared/spec/conformance.md §7): a balancer pool and a list of ops —
 * swaps, max stake amounts, injections, price, the limit-order and power helpers, initialisation
 * — each with its own expectations. Successful swaps that are not simulations and accepted
 * injections change the pool for the steps after them.
 *
 * In `float` mode swaps (and the max amounts, which simulate swaps) run `swapStepFloat`; the
 * remaining ops are exact helpers with no float counterpart.
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { expScaled } from '../../consensus/amm/expScaled.ts';
import { initializeWeightsForPrice } from '../../consensus/amm/initializePool.ts';
import { applyInjection } from '../../consensus/amm/injectLiquidity.ts';
import { limitDeltaIn } from '../../consensus/amm/limitDeltaIn.ts';
import { maxAmountAdd, maxAmountRemove, type MaxAmountResult, type SwapStepFn } from '../../consensus/amm/maxAmount.ts';
import type { PoolMechanism, PoolState } from '../../consensus/amm/poolState.ts';
import { spotPriceU64F64 } from '../../consensus/amm/spotPrice.ts';
import { applySwapStep, swapStep, type SwapConfig, type SwapSide } from '../../consensus/amm/swapStep.ts';
import { swapStepFloat } from '../../consensus/amm/swapStepFloat.ts';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  boolField,
  decimal,
  fixedWithin,
  formatValue,
  integerWithin,
  numberField,
  objectField,
  parseTolerance,
  type Failure,
  type Tolerance,
  compareOp,
} from './expectations.ts';

/** One output of a step, typed so it is compared in its own unit. */
type SwapValue =
  | { readonly type: 'int'; readonly value: bigint }
  | { readonly type: 'u64f64'; readonly value: bigint }
  | { readonly type: 'bool'; readonly value: boolean }
  | { readonly type: 'text'; readonly value: string };

interface StepOutput {
  /** Chain error name, or null on success. */
  readonly error: string | null;
  readonly fields: ReadonlyMap<string, SwapValue>;
}

interface SwapRun {
  pool: PoolState;
  readonly config: SwapConfig;
  readonly step: SwapStepFn;
}

const int = (value: bigint): SwapValue => ({ type: 'int', value });
const u64f64 = (value: bigint): SwapValue => ({ type: 'u64f64', value });

function parsePool(v: unknown): { pool: PoolState; config: SwapConfig } {
  const o = objectField(v, 'pool');
  const mechanism = numberField(o.mechanism, 'pool.mechanism');
  if (mechanism !== 0 && mechanism !== 1) throw new CaseFormatError(`pool.mechanism: expected 0 or 1, got ${mechanism}`);
  const feeRate = numberField(o.fee_rate, 'pool.fee_rate');
  if (!Number.isInteger(feeRate) || feeRate < 0 || feeRate > 65535) throw new CaseFormatError(`pool.fee_rate: ${feeRate} is not a u16`);
  return {
    pool: {
      taoReserveRao: bigintField(o.tao_reserve, 'pool.tao_reserve'),
      alphaReserveRao: bigintField(o.alpha_reserve, 'pool.alpha_reserve'),
      quoteWeightParts: bigintField(o.quote_weight, 'pool.quote_weight'),
      initialized: true,
      mechanism: mechanism as PoolMechanism,
    },
    config: { feeRateU16: feeRate, minimumReserveRao: bigintField(o.minimum_reserve, 'pool.minimum_reserve') },
  };
}

function sideField(v: unknown, what: string): SwapSide {
  if (v === 'buy' || v === 'sell') return v;
  throw new CaseFormatError(`${what}: expected "buy" or "sell", got ${JSON.stringify(v)}`);
}

function maxAmountOutput(r: MaxAmountResult): StepOutput {
  return r.ok ? { error: null, fields: new Map([['value', int(r.amountRao)]]) } : { error: r.error, fields: new Map() };
}

/** Runs one op against the pool, updating it where the op commits. */
function runOp(run: SwapRun, op: Record<string, unknown>, what: string): StepOutput {
  const name = op.op;
  switch (name) {
    case 'swap': {
      const side = sideField(op.side, `${what}.side`);
      const order = {
        side,
        amountRao: bigintField(op.amount, `${what}.amount`),
        limitPriceRao: bigintField(op.limit_price_rao, `${what}.limit_price_rao`),
        dropFees: boolField(op.drop_fees, `${what}.drop_fees`),
      };
      const simulate = op.simulate === undefined ? false : boolField(op.simulate, `${what}.simulate`);
      const r = run.step(run.pool, order, run.config);
      if (!r.ok) return { error: r.error, fields: new Map() };
      if (!simulate) run.pool = applySwapStep(run.pool, side, r);
      return {
        error: null,
        fields: new Map<string, SwapValue>([
          ['amount_paid_in', int(r.amountPaidInRao)],
          ['amount_paid_out', int(r.amountPaidOutRao)],
          ['fee_paid', int(r.feePaidRao)],
          ['price_direction', { type: 'text', value: r.priceDirection }],
        ]),
      };
    }
    case 'max_amount_add':
      return maxAmountOutput(maxAmountAdd(run.pool, bigintField(op.limit_price_rao, `${what}.limit_price_rao`), run.config, run.step));
    case 'max_amount_remove':
      return maxAmountOutput(maxAmountRemove(run.pool, bigintField(op.limit_price_rao, `${what}.limit_price_rao`), run.config, run.step));
    case 'inject': {
      const r = applyInjection(run.pool, bigintField(op.tao, `${what}.tao`), bigintField(op.alpha, `${what}.alpha`));
      run.pool = r.pool;
      return {
        error: null,
        fields: new Map<string, SwapValue>([
          ['accepted', { type: 'bool', value: r.accepted }],
          ['quote_weight', int(run.pool.quoteWeightParts)],
          ['price', u64f64(spotPriceU64F64(run.pool))],
        ]),
      };
    }
    case 'price':
      return { error: null, fields: new Map([['value', u64f64(spotPriceU64F64(run.pool))]]) };
    case 'limit_delta_in': {
      const value = limitDeltaIn(
        run.pool,
        sideField(op.side, `${what}.side`),
        bigintField(op.current_price, `${what}.current_price`),
        bigintField(op.target_price, `${what}.target_price`),
        bigintField(op.reserve, `${what}.reserve`),
      );
      return { error: null, fields: new Map([['value', int(value)]]) };
    }
    case 'exp_scaled': {
      const value = expScaled(run.pool, bigintField(op.reserve, `${what}.reserve`), bigintField(op.delta, `${what}.delta`), boolField(op.base_quote, `${what}.base_quote`));
      return { error: null, fields: new Map([['value', u64f64(value)]]) };
    }
    case 'initialize': {
      const w = initializeWeightsForPrice(run.pool, bigintField(op.price, `${what}.price`));
      if (w !== null) run.pool = { ...run.pool, quoteWeightParts: w };
      return {
        error: null,
        fields: new Map<string, SwapValue>([
          ['price', u64f64(spotPriceU64F64(run.pool))],
          ['quote_weight', int(run.pool.quoteWeightParts)],
        ]),
      };
    }
    default:
      throw new CaseFormatError(`${what}: unknown swap op ${JSON.stringify(name)}`);
  }
}

/**
 * A tolerance leaf; `{"abs": "500000"}` (a decimal string, as the injection cases write their
 * Perquintill tolerances) is read like the JSON number it spells.
 */
function toleranceField(t: unknown): Tolerance {
  if (typeof t === 'object' && t !== null && 'abs' in t) {
    const a = (t as { abs: unknown }).abs;
    if (typeof a === 'string') {
      const d = decimal(a);
      return { kind: 'abs', numerator: d.numerator, scale: d.scale };
    }
  }
  return parseTolerance(t);
}

function compareValue(got: SwapValue, expected: unknown, tol: Tolerance, field: string): boolean {
  switch (got.type) {
    case 'int':
      return integerWithin(got.value, bigintField(expected, field), tol);
    case 'u64f64':
      return fixedWithin(got.value, bigintField(expected, field), 64, tol);
    case 'bool':
      return got.value === boolField(expected, field);
    case 'text':
      return got.value === expected;
  }
}

/** An integer path value of a step's output (relations compare raws). */
function pathValue(out: StepOutput | undefined, path: string): bigint | string {
  if (out === undefined) throw new CaseFormatError(`relation refers to a step that has not run`);
  const v = out.fields.get(path);
  if (v === undefined) return out.error === null ? `no field ${path}` : `error ${out.error}`;
  if (v.type === 'int' || v.type === 'u64f64') return v.value;
  throw new CaseFormatError(`relation path ${path} is not numeric`);
}

function checkStep(k: number, expect: Record<string, unknown>, out: StepOutput, history: readonly StepOutput[], failures: Failure[]): void {
  const prefix = `steps[${k}]`;
  const fail = (field: string, index: string, expected: unknown, got: unknown): void => {
    failures.push({ field: `${prefix}.${field}`, index, expected: formatValue(expected), got: formatValue(got) });
  };
  if (!('error' in expect) && out.error !== null) fail('error', '', null, out.error);
  for (const [field, leaf] of Object.entries(expect)) {
    if (field === 'relations') {
      for (const r of arrayField(leaf, `${prefix}.relations`)) {
        const rel = objectField(r, `${prefix}.relations[]`);
        const operand = (x: unknown): bigint | string => {
          if (typeof x === 'string' && /^-?\d+$/.test(x)) return BigInt(x);
          if (typeof x === 'string') return pathValue(out, x);
          const o = objectField(x, 'relation operand');
          return pathValue(history[numberField(o.step, 'relation operand step')], String(o.path));
        };
        const lhs = operand(rel.lhs);
        const rhs = operand(rel.rhs);
        const op = String(rel.op);
        const index = `${formatValue(rel.lhs)} ${op} ${formatValue(rel.rhs)}`;
        if (typeof lhs === 'string' || typeof rhs === 'string') fail('relations', index, 'numeric operands', `${lhs} vs ${rhs}`);
        else if (!compareOp(lhs, op, rhs)) fail('relations', index, `${lhs} ${op} ${rhs}`, `${lhs} vs ${rhs}`);
      }
      continue;
    }
    const { value, tolerance } = objectField(leaf, `${prefix}.${field}`);
    const tol = toleranceField(tolerance);
    if (field === 'error') {
      if (value !== out.error) fail(field, '', value, out.error);
      continue;
    }
    const got = out.fields.get(field);
    if (got === undefined) {
      fail(field, '', value, out.error === null ? `no field ${field} for this op` : `error ${out.error}`);
      continue;
    }
    if (!compareValue(got, value, tol, `${prefix}.${field}`)) fail(field, '', value, got.value);
  }
}

export function runSwapCase(c: Record<string, unknown>, mode: NumericMode): Failure[] {
  const { pool, config } = parsePool(c.pool);
  const run: SwapRun = { pool, config, step: mode === 'float' ? swapStepFloat : swapStep };
  const failures: Failure[] = [];
  const history: StepOutput[] = [];
  arrayField(c.steps, 'steps').forEach((raw, k) => {
    const op = objectField(raw, `steps[${k}]`);
    const out = runOp(run, op, `steps[${k}]`);
    history.push(out);
    if (op.expect !== undefined) checkStep(k, objectField(op.expect, `steps[${k}].expect`), out, history, failures);
  });
  return failures;
}
