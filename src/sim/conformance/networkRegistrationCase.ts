/**
 * Conformance kind `network_registration` (shared/spec/conformance.md §12): subnet lock cost,
 * the median price that seeds a new pool, the subnet chosen for pruning, and the dissolution payout.
 */
import type { PoolMechanism } from '../../consensus/amm/poolState.ts';
import { dissolvePayouts } from '../../consensus/subnets/dissolvePayouts.ts';
import { lockCostRao } from '../../consensus/subnets/lockCost.ts';
import { medianSubnetPriceU64F64 } from '../../consensus/subnets/medianSubnetPrice.ts';
import { networkToPrune } from '../../consensus/subnets/networkToPrune.ts';
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
} from './expectations.ts';

function netuidField(v: unknown, what: string): number {
  const x = numberField(v, what);
  if (!Number.isInteger(x) || x < 0 || x > 65535) throw new CaseFormatError(`${what}: not a netuid: ${x}`);
  return x;
}

function mechanismField(v: unknown, what: string): PoolMechanism {
  if (v === 0 || v === 1) return v;
  throw new CaseFormatError(`${what}: mechanism must be 0 or 1, got ${JSON.stringify(v)}`);
}

function compareInteger(field: string, index: string, got: bigint, expected: unknown, tol: Tolerance, failures: Failure[]): void {
  const e = bigintField(expected, `expect.${field}${index}`);
  if (!integerWithin(got, e, tol)) failures.push({ field, index, expected: e.toString(), got: got.toString() });
}

export function runNetworkRegistrationCase(c: Record<string, unknown>): Failure[] {
  const args = objectField(c.args, 'args');
  const expect = objectField(c.expect, 'expect');
  const tol = parseTolerance(expect.tolerance);
  const failures: Failure[] = [];
  switch (c.op) {
    case 'lock_cost': {
      const got = lockCostRao({
        lastLockRao: bigintField(args.last_lock, 'args.last_lock'),
        lastLockBlock: bigintField(args.last_lock_block, 'args.last_lock_block'),
        block: bigintField(args.block, 'args.block'),
        minLockRao: bigintField(args.min_lock, 'args.min_lock'),
        lockReductionIntervalBlocks: bigintField(args.lock_reduction_interval, 'args.lock_reduction_interval'),
        blockEmissionRao: bigintField(args.block_emission, 'args.block_emission'),
      });
      compareInteger('value', '', got, expect.value, tol, failures);
      return failures;
    }
    case 'median_subnet_price': {
      const subnets = arrayField(args.subnets, 'args.subnets').map((raw, i) => {
        const s = objectField(raw, `args.subnets[${i}]`);
        return {
          netuid: netuidField(s.netuid, `args.subnets[${i}].netuid`),
          added: boolField(s.added, `args.subnets[${i}].added`),
          pool: {
            taoReserveRao: bigintField(s.tao_reserve, `args.subnets[${i}].tao_reserve`),
            alphaReserveRao: bigintField(s.alpha_reserve, `args.subnets[${i}].alpha_reserve`),
            quoteWeightParts: bigintField(s.quote_weight, `args.subnets[${i}].quote_weight`),
            mechanism: mechanismField(s.mechanism, `args.subnets[${i}].mechanism`),
          },
        };
      });
      const got = medianSubnetPriceU64F64(subnets);
      const e = bigintField(expect.value, 'expect.value');
      if (!fixedWithin(got, e, 64, tol)) failures.push({ field: 'value', index: '', expected: e.toString(), got: got.toString() });
      return failures;
    }
    case 'network_to_prune': {
      const got = networkToPrune({
        block: bigintField(args.block, 'args.block'),
        networkImmunityPeriodBlocks: bigintField(args.network_immunity_period, 'args.network_immunity_period'),
        subnets: arrayField(args.subnets, 'args.subnets').map((raw, i) => {
          const s = objectField(raw, `args.subnets[${i}]`);
          return {
            netuid: netuidField(s.netuid, `args.subnets[${i}].netuid`),
            added: boolField(s.added, `args.subnets[${i}].added`),
            mechanism: mechanismField(s.mechanism, `args.subnets[${i}].mechanism`),
            movingPriceI96F32: bigintField(s.moving_price, `args.subnets[${i}].moving_price`),
            registeredAt: bigintField(s.registered_at, `args.subnets[${i}].registered_at`),
          };
        }),
      });
      if (tol.kind !== 'exact') throw new CaseFormatError('expect: a netuid is compared exactly');
      const expected = expect.value === null ? null : netuidField(expect.value, 'expect.value');
      if (got !== expected) failures.push({ field: 'value', index: '', expected: formatValue(expected), got: formatValue(got) });
      return failures;
    }
    case 'dissolve_payouts': {
      const staker = arrayField(args.staker_alpha, 'args.staker_alpha').map((a, i) => bigintField(a, `args.staker_alpha[${i}]`));
      const got = dissolvePayouts(bigintField(args.pot, 'args.pot'), staker, bigintField(args.protocol_alpha, 'args.protocol_alpha'));
      const value = objectField(expect.value, 'expect.value');
      const payouts = arrayField(value.payouts, 'expect.value.payouts');
      if (payouts.length !== got.payoutsRao.length) {
        failures.push({ field: 'payouts', index: 'length', expected: String(payouts.length), got: String(got.payoutsRao.length) });
      } else {
        payouts.forEach((e, i) => compareInteger('payouts', `[${i}]`, got.payoutsRao[i]!, e, tol, failures));
      }
      compareInteger('protocol_share', '', got.protocolShareRao, value.protocol_share, tol, failures);
      return failures;
    }
    default:
      throw new CaseFormatError(`unknown network_registration op ${JSON.stringify(c.op)}`);
  }
}
