/**
 * Conformance kind `coinbase` (shared/spec/conformance.md §8): the emission side of the chain's
 * `run_coinbase` replayed on a set of subnets — whole coinbase blocks, `emit_to_subnets` with a
 * given emission, and the pieces (terms, shares, eligibility, root_prop, moving price) — with
 * storage edits between steps, checking subnet fields, issuance/stake deltas, terms, shares and
 * relations after each step.
 */
import { emitToSubnets } from '../../consensus/coinbase/emitToSubnets.ts';
import { rootProportionFloat, rootProportionU96F32, taoWeightFraction } from '../../consensus/coinbase/rootProportion.ts';
import { runCoinbase } from '../../consensus/coinbase/runCoinbase.ts';
import { subnetBlockEmissionsFloat, subnetBlockEmissionsU96F32, subnetSharesFloat } from '../../consensus/coinbase/subnetBlockEmissions.ts';
import { alphaIssuanceRao, type SubnetEconomy } from '../../consensus/coinbase/subnetEconomy.ts';
import { subnetTermsFloat, subnetTermsU96F32 } from '../../consensus/coinbase/subnetTerms.ts';
import { subnetsToEmitTo } from '../../consensus/coinbase/subnetsToEmitTo.ts';
import { updateMovingPrice, updateMovingPriceFloat } from '../../consensus/coinbase/updateMovingPrice.ts';
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { GLOBAL_FIELDS, SUBNET_FIELDS, parseCoinbaseGlobals, parseCoinbaseSubnet, writeFields, type CaseGlobals, type FieldValue } from './coinbaseState.ts';
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
  type Failure,
  type Tolerance,
  compareOp,
} from './expectations.ts';

interface CoinbaseState {
  readonly g: CaseGlobals;
  readonly subnets: SubnetEconomy[];
}

/** What one step produced, keyed as the case's expectation paths. */
interface StepResult {
  readonly subnets: Map<number, Record<string, FieldValue>>;
  readonly globals: Map<string, bigint>;
  readonly terms: Map<number, Record<string, bigint>>;
  readonly emissions: Map<number, bigint>;
  readonly shares: Map<number, bigint>;
  netuids: number[] | null;
  value: bigint | null;
}

const TERM_NAMES = ['tao_in', 'alpha_in', 'alpha_out', 'excess'] as const;

/** A float64 value as the nearest raw with `fracBits` fractional bits (float mode only). */
function toRaw(x: number, fracBits: number): bigint {
  return BigInt(Math.round(x * 2 ** fracBits));
}

function subnetOf(state: CoinbaseState, netuid: number, what: string): SubnetEconomy {
  const s = state.subnets.find((x) => x.netuid === netuid);
  if (s === undefined) throw new CaseFormatError(`${what}: no subnet ${netuid}`);
  return s;
}

function subnetsOf(state: CoinbaseState, netuids: unknown, what: string): SubnetEconomy[] {
  return arrayField(netuids, what).map((n, i) => subnetOf(state, numberField(n, `${what}[${i}]`), what));
}

function snapshot(state: CoinbaseState): Map<number, Record<string, FieldValue>> {
  const out = new Map<number, Record<string, FieldValue>>();
  for (const s of state.subnets) {
    const rec: Record<string, FieldValue> = {};
    for (const [name, spec] of Object.entries(SUBNET_FIELDS)) rec[name] = spec.read(s);
    out.set(s.netuid, rec);
  }
  return out;
}

/** `{netuid: U96F32 raw}` of an op, in netuid order. */
function emissionMap(v: unknown, what: string): [number, bigint][] {
  return Object.entries(objectField(v, what))
    .map(([k, x]): [number, bigint] => [Number(k), bigintField(x, `${what}.${k}`)])
    .sort((a, b) => a[0] - b[0]);
}

function applyOp(state: CoinbaseState, op: Record<string, unknown>, mode: NumericMode, what: string): StepResult {
  const result: StepResult = { subnets: new Map(), globals: new Map(), terms: new Map(), emissions: new Map(), shares: new Map(), netuids: null, value: null };
  const { globals } = state.g;
  switch (op.op) {
    case 'run_coinbase': {
      const emission = bigintField(op.block_emission_rao, `${what}.block_emission_rao`);
      const repeat = op.repeat === undefined ? 1 : numberField(op.repeat, `${what}.repeat`);
      let issuance = 0n;
      let stake = 0n;
      let recycled = 0n;
      for (let k = 0; k < repeat; k++) {
        const r = runCoinbase(globals, state.subnets, emission, state.g.block, mode);
        issuance += r.totalIssuanceDeltaRao;
        stake += r.totalStakeDeltaRao;
        recycled += r.recycledTaoRao;
      }
      result.globals.set('total_issuance_delta', issuance).set('total_stake_delta', stake).set('recycled', recycled);
      break;
    }
    case 'emit_to_subnets': {
      const subnets = subnetsOf(state, op.netuids, `${what}.netuids`);
      const given = new Map(emissionMap(op.tao_emission, `${what}.tao_emission`));
      const credit = bigintField(op.credit, `${what}.credit`);
      const tally = emitToSubnets(
        globals,
        subnets,
        subnets.map((s) => given.get(s.netuid) ?? 0n),
        boolField(op.root_sell_flag, `${what}.root_sell_flag`),
        credit,
        mode,
      );
      const stake = tally.injectedTaoRao + tally.chainBuyTaoRao;
      globals.totalIssuanceRao += credit - tally.creditRao;
      globals.totalStakeRao += stake;
      result.globals.set('total_issuance_delta', credit - tally.creditRao).set('total_stake_delta', stake).set('recycled', tally.creditRao);
      break;
    }
    case 'subnet_terms':
      for (const [netuid, te] of emissionMap(op.tao_emission, `${what}.tao_emission`)) {
        const s = subnetOf(state, netuid, what);
        if (mode === 'chain') {
          const t = subnetTermsU96F32(globals, s, te);
          result.terms.set(netuid, { tao_in: t.taoIn, alpha_in: t.alphaIn, alpha_out: t.alphaOut, excess: t.excess });
        } else {
          const t = subnetTermsFloat(globals, s, Number(te) / 2 ** 32);
          result.terms.set(netuid, { tao_in: toRaw(t.taoIn, 32), alpha_in: toRaw(t.alphaIn, 32), alpha_out: toRaw(t.alphaOut, 32), excess: toRaw(t.excess, 32) });
        }
      }
      break;
    case 'subnet_emissions': {
      const subnets = subnetsOf(state, op.netuids, `${what}.netuids`);
      const emission = bigintField(op.block_emission_rao, `${what}.block_emission_rao`);
      if (mode === 'chain') {
        const r = subnetBlockEmissionsU96F32(globals, subnets, emission);
        subnets.forEach((s, i) => {
          result.shares.set(s.netuid, r.shares[i]!);
          result.emissions.set(s.netuid, r.emissions[i]!);
        });
      } else {
        const shares = subnetSharesFloat(globals, subnets, new Float64Array(subnets.length));
        const emissions = subnetBlockEmissionsFloat(globals, subnets, Number(emission), new Float64Array(subnets.length));
        subnets.forEach((s, i) => {
          result.shares.set(s.netuid, toRaw(shares[i]!, 64));
          result.emissions.set(s.netuid, toRaw(emissions[i]!, 32));
        });
      }
      break;
    }
    case 'subnets_to_emit_to':
      result.netuids = subnetsToEmitTo(state.subnets).map((s) => s.netuid);
      break;
    case 'root_proportion': {
      const s = subnetOf(state, numberField(op.netuid, `${what}.netuid`), what);
      result.value =
        mode === 'chain'
          ? rootProportionU96F32(globals.rootTaoRao, globals.taoWeightRaw, alphaIssuanceRao(s))
          : toRaw(rootProportionFloat(Number(globals.rootTaoRao), taoWeightFraction(globals.taoWeightRaw), Number(alphaIssuanceRao(s))), 32);
      break;
    }
    case 'update_moving_price': {
      const s = subnetOf(state, numberField(op.netuid, `${what}.netuid`), what);
      const times = op.times === undefined ? 1 : numberField(op.times, `${what}.times`);
      for (let k = 0; k < times; k++) {
        if (mode === 'chain') updateMovingPrice(s, state.g.block, globals.subnetMovingAlphaI96F32);
        else updateMovingPriceFloat(s, state.g.block, Number(globals.subnetMovingAlphaI96F32) / 2 ** 32);
      }
      break;
    }
    case 'set_subnet':
      writeFields(SUBNET_FIELDS, subnetOf(state, numberField(op.netuid, `${what}.netuid`), what), objectField(op.fields, `${what}.fields`), `${what}.fields`);
      break;
    case 'set_globals':
      writeFields(GLOBAL_FIELDS, state.g, objectField(op.fields, `${what}.fields`), `${what}.fields`);
      break;
    default:
      throw new CaseFormatError(`${what}: unknown op ${JSON.stringify(op.op)}`);
  }
  (result as { subnets: Map<number, Record<string, FieldValue>> }).subnets = snapshot(state);
  return result;
}

/** Resolves a relation path (`subnets.1.alpha_in`, `globals.recycled`, `shares.2`, `value`, …) to an integer. */
function pathValue(r: StepResult, path: string): bigint {
  const [head, a, b] = path.split('.');
  let v: FieldValue | undefined;
  if (head === 'subnets') v = r.subnets.get(Number(a))?.[b ?? ''];
  else if (head === 'globals') v = r.globals.get(a ?? '');
  else if (head === 'terms') v = r.terms.get(Number(a))?.[b ?? ''];
  else if (head === 'emissions') v = r.emissions.get(Number(a));
  else if (head === 'shares') v = r.shares.get(Number(a));
  else if (head === 'value') v = r.value;
  else if (head === 'netuids' && r.netuids !== null) v = a === undefined ? undefined : BigInt(r.netuids[Number(a)] ?? -1);
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw new CaseFormatError(`relation path ${path} cannot be resolved`);
}

function within(got: bigint, expected: bigint, fracBits: number, tol: Tolerance): boolean {
  return fracBits === 0 ? integerWithin(got, expected, tol) : fixedWithin(got, expected, fracBits, tol);
}

function checkStep(r: StepResult, history: readonly StepResult[], expect: Record<string, unknown>, what: string, failures: Failure[]): void {
  const fail = (field: string, index: string, expected: unknown, got: unknown): void => {
    failures.push({ field: `${what}.${field}`, index, expected: formatValue(expected), got: formatValue(got) });
  };
  const leaf = (x: unknown, where: string): { value: unknown; tol: Tolerance } => {
    const o = objectField(x, where);
    return { value: o.value, tol: parseTolerance(o.tolerance) };
  };
  const checkNumber = (field: string, index: string, got: bigint | undefined | null, x: unknown, fracBits: number): void => {
    const { value, tol } = leaf(x, `${what}.${field}`);
    const e = bigintField(value, `${what}.${field}`);
    if (got === undefined || got === null || !within(got, e, fracBits, tol)) fail(field, index, e, got ?? 'missing');
  };
  for (const [field, x] of Object.entries(expect)) {
    switch (field) {
      case 'subnets':
        for (const [netuid, fields] of Object.entries(objectField(x, `${what}.subnets`))) {
          const rec = r.subnets.get(Number(netuid));
          for (const [name, l] of Object.entries(objectField(fields, `${what}.subnets.${netuid}`))) {
            const spec = SUBNET_FIELDS[name];
            if (spec === undefined) throw new CaseFormatError(`${what}.subnets.${netuid}: unknown field '${name}'`);
            const got = rec?.[name];
            const { value, tol } = leaf(l, `${what}.subnets.${netuid}.${name}`);
            const ok =
              typeof got === 'boolean'
                ? got === boolField(value, name)
                : got === null || value === null
                  ? got === value
                  : got !== undefined && within(got, bigintField(value, name), spec.fracBits, tol);
            if (!ok) fail(`subnets.${netuid}.${name}`, '', value, got ?? 'missing');
          }
        }
        break;
      case 'globals':
        for (const [name, l] of Object.entries(objectField(x, `${what}.globals`))) checkNumber(`globals.${name}`, '', r.globals.get(name), l, 0);
        break;
      case 'terms':
        for (const [netuid, fields] of Object.entries(objectField(x, `${what}.terms`))) {
          for (const [name, l] of Object.entries(objectField(fields, `${what}.terms.${netuid}`))) {
            if (!(TERM_NAMES as readonly string[]).includes(name)) throw new CaseFormatError(`${what}.terms.${netuid}: unknown term '${name}'`);
            checkNumber(`terms.${netuid}.${name}`, '', r.terms.get(Number(netuid))?.[name], l, 32);
          }
        }
        break;
      case 'emissions':
        for (const [netuid, l] of Object.entries(objectField(x, `${what}.emissions`))) checkNumber('emissions', netuid, r.emissions.get(Number(netuid)), l, 32);
        break;
      case 'shares':
        for (const [netuid, l] of Object.entries(objectField(x, `${what}.shares`))) checkNumber('shares', netuid, r.shares.get(Number(netuid)), l, 64);
        break;
      case 'value':
        checkNumber('value', '', r.value, x, 32);
        break;
      case 'netuids': {
        const { value } = leaf(x, `${what}.netuids`);
        const e = arrayField(value, `${what}.netuids`).map((n) => numberField(n, `${what}.netuids`));
        if (r.netuids === null || formatValue(e) !== formatValue(r.netuids)) fail('netuids', '', e, r.netuids ?? 'missing');
        break;
      }
      case 'relations':
        for (const rel of arrayField(x, `${what}.relations`)) {
          const o = objectField(rel, `${what}.relations[]`);
          const operand = (v: unknown): bigint => {
            if (typeof v === 'string' && /^-?\d+$/.test(v)) return BigInt(v);
            if (typeof v === 'string') return pathValue(r, v);
            const p = objectField(v, 'relation operand');
            const past = history[numberField(p.step, 'relation operand step')];
            if (past === undefined) throw new CaseFormatError(`relation refers to step ${String(p.step)}, which has not run`);
            return pathValue(past, String(p.path));
          };
          const lhs = operand(o.lhs);
          const rhs = operand(o.rhs);
          const op = String(o.op);
          if (!compareOp(lhs, op, rhs)) fail('relations', `${formatValue(o.lhs)} ${op} ${formatValue(o.rhs)}`, `${op} holds`, `${lhs} vs ${rhs}`);
        }
        break;
      default:
        throw new CaseFormatError(`${what}: unknown expectation '${field}'`);
    }
  }
}

export function runCoinbaseCase(c: Record<string, unknown>, mode: NumericMode): Failure[] {
  const g = parseCoinbaseGlobals(c.globals, 'globals');
  const subnets = arrayField(c.subnets, 'subnets').map((s, i) => parseCoinbaseSubnet(s, `subnets[${i}]`));
  subnets.sort((a, b) => a.netuid - b.netuid);
  const state: CoinbaseState = { g, subnets };
  const failures: Failure[] = [];
  const history: StepResult[] = [];
  arrayField(c.steps, 'steps').forEach((raw, k) => {
    const what = `steps[${k}]`;
    const op = objectField(raw, what);
    const result = applyOp(state, op, mode, what);
    history.push(result);
    if (op.expect !== undefined) checkStep(result, history, objectField(op.expect, `${what}.expect`), what, failures);
  });
  return failures;
}
