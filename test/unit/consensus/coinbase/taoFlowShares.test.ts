import { describe, expect, it } from 'vitest';
import { DEFAULT_TAO_FLOW_PARAMS, type TaoFlowParams } from '../../../../src/consensus/coinbase/subnetEconomy.ts';
import {
  advanceFlowEmas,
  advanceFlowEmasFloat,
  flowSmoothingI64F64,
  recordProtocolFlow,
  recordTaoFlow,
  taoFlowSharesFloat,
  taoFlowSharesU64F64,
} from '../../../../src/consensus/coinbase/taoFlowShares.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE64 = 1n << 64n;
const I64_MAX = (1n << 63n) - 1n;
/** α = 1: each EMA step replaces the average by this block's flow. */
const INSTANT: TaoFlowParams = { ...DEFAULT_TAO_FLOW_PARAMS, smoothingRaw: I64_MAX };

function flows(user: bigint, protocol: bigint, netuid = 1) {
  return eligibleSubnet(netuid, { userFlowEmaI64F64: user * ONE64, protocolFlowEmaI64F64: protocol * ONE64 });
}

describe('flow counters and EMAs', () => {
  it('record accumulates the block’s flows', () => {
    const s = eligibleSubnet(1);
    recordTaoFlow(s, 100n);
    recordTaoFlow(s, -30n);
    recordProtocolFlow(s, 7n);
    expect(s.userFlowBlockRao).toBe(70n);
    expect(s.protocolFlowBlockRao).toBe(7n);
  });

  it('the default smoothing is 29,597,889,189,277/(2^63 − 1) ≈ 3.209e−6 as I64F64', () => {
    expect(Number(flowSmoothingI64F64(DEFAULT_TAO_FLOW_PARAMS)) / 2 ** 64).toBeCloseTo(3.209e-6, 9);
    expect(flowSmoothingI64F64(INSTANT)).toBe(ONE64);
  });

  it('α = 1 replaces the EMA by the block flow, α = 0 keeps it; both clear the block counters', () => {
    const s = eligibleSubnet(1, { userFlowEmaI64F64: 5n * ONE64, userFlowBlockRao: -40n, protocolFlowBlockRao: 9n });
    advanceFlowEmas([s], INSTANT);
    expect(s.userFlowEmaI64F64).toBe(-40n * ONE64);
    expect(s.protocolFlowEmaI64F64).toBe(9n * ONE64);
    expect(s.userFlowBlockRao).toBe(0n);
    expect(s.protocolFlowBlockRao).toBe(0n);
    const t = eligibleSubnet(1, { userFlowEmaI64F64: 5n * ONE64, userFlowBlockRao: 1000n });
    advanceFlowEmas([t], { ...DEFAULT_TAO_FLOW_PARAMS, smoothingRaw: 0n });
    expect(t.userFlowEmaI64F64).toBe(5n * ONE64);
    expect(t.userFlowBlockRao).toBe(0n);
  });

  it('the float EMA step agrees with the chain step', () => {
    const a = eligibleSubnet(1, { userFlowEmaI64F64: 123n * ONE64, userFlowBlockRao: 1_000_000_000n, protocolFlowBlockRao: 5_000n });
    const b = eligibleSubnet(1, { userFlowEmaI64F64: 123n * ONE64, userFlowBlockRao: 1_000_000_000n, protocolFlowBlockRao: 5_000n });
    advanceFlowEmas([a], DEFAULT_TAO_FLOW_PARAMS);
    advanceFlowEmasFloat([b], DEFAULT_TAO_FLOW_PARAMS);
    const ua = Number(a.userFlowEmaI64F64) / 2 ** 64;
    const ub = Number(b.userFlowEmaI64F64) / 2 ** 64;
    // 123·(1 − α) + 10^9·α ≈ 3332.
    expect(Math.abs(ua - ub) / ua).toBeLessThan(1e-12);
    expect(ua).toBeCloseTo(123 + 3.209e-6 * 1e9, -1);
  });
});

describe('taoFlowSharesU64F64', () => {
  const noCost: TaoFlowParams = { ...DEFAULT_TAO_FLOW_PARAMS, protocolCostWeightU16: 0 };

  it('splits by user-flow EMA: 3 and 1 rao per block give 3/4 and 1/4', () => {
    expect(taoFlowSharesU64F64([flows(3n, 0n, 1), flows(1n, 0n, 2)], noCost)).toEqual([(3n * ONE64) / 4n, ONE64 / 4n]);
  });

  it('subtracts the protocol’s own inflow and clips at 0', () => {
    // scores max(3 − 1, 0) = 2 and max(1 − 2, 0) = 0.
    expect(taoFlowSharesU64F64([flows(3n, 1n, 1), flows(1n, 2n, 2)], DEFAULT_TAO_FLOW_PARAMS)).toEqual([ONE64, 0n]);
  });

  it('applies the cutoff and the exponent: p = 2 turns 3:1 into 9:1', () => {
    const shares = taoFlowSharesU64F64([flows(3n, 0n, 1), flows(1n, 0n, 2)], { ...noCost, exponent: 2 })!;
    expect(Number(shares[0]!) / 2 ** 64).toBeCloseTo(0.9, 15);
    expect(Number(shares[1]!) / 2 ** 64).toBeCloseTo(0.1, 15);
    expect(taoFlowSharesU64F64([flows(3n, 0n, 1), flows(1n, 0n, 2)], { ...noCost, cutoffRao: 1n })).toEqual([ONE64, 0n]);
  });

  it('returns null when no subnet scores (the caller falls back to the price rule)', () => {
    expect(taoFlowSharesU64F64([flows(0n, 0n, 1), flows(-5n, 0n, 2)], noCost)).toBeNull();
    expect(taoFlowSharesFloat([flows(0n, 0n, 1), flows(-5n, 0n, 2)], noCost, new Float64Array(2))).toBe(false);
  });

  it('rejects a non-positive or fractional exponent', () => {
    expect(() => taoFlowSharesU64F64([flows(1n, 0n)], { ...noCost, exponent: 0 })).toThrow(RangeError);
    expect(() => taoFlowSharesU64F64([flows(1n, 0n)], { ...noCost, exponent: 1.5 })).toThrow(RangeError);
  });

  it('float shares agree with chain shares to 1e-15', () => {
    const subnets = [flows(7n, 2n, 1), flows(13n, 1n, 2), flows(2n, 5n, 3)];
    const params = { ...DEFAULT_TAO_FLOW_PARAMS, exponent: 2 };
    const chain = taoFlowSharesU64F64(subnets, params)!.map((x) => Number(x) / 2 ** 64);
    const out = new Float64Array(3);
    expect(taoFlowSharesFloat(subnets, params, out)).toBe(true);
    for (let i = 0; i < 3; i++) expect(Math.abs(chain[i]! - out[i]!)).toBeLessThan(1e-15);
  });
});
