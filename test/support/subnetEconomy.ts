/**
 * Builders for the coinbase tests: a subnet that is eligible for emission (start_call done,
 * subtoken enabled, registration allowed, TAO side enabled) around a 0.5/0.5 pool, with any field
 * overridden, and an I96F32 / U64F64 raw from a simple fraction.
 */
import type { PoolState } from '../../src/consensus/amm/poolState.ts';
import { newSubnetEconomy, type SubnetEconomy } from '../../src/consensus/coinbase/subnetEconomy.ts';

export interface SubnetSpec extends Partial<Omit<SubnetEconomy, 'pool' | 'netuid'>> {
  readonly pool?: Partial<PoolState>;
}

/** An eligible, initialised, dynamic subnet with reserves 1000 TAO / 1000 alpha unless overridden. */
export function eligibleSubnet(netuid: number, spec: SubnetSpec = {}): SubnetEconomy {
  const s = newSubnetEconomy({ netuid, taoReserveRao: 1_000_000_000_000n, alphaReserveRao: 1_000_000_000_000n });
  s.firstEmissionBlock = 1n;
  s.subtokenEnabled = true;
  s.registrationAllowed = true;
  s.emissionEnabled = true;
  s.pool.initialized = true;
  const { pool, ...rest } = spec;
  Object.assign(s, rest);
  if (pool !== undefined) s.pool = { ...s.pool, ...pool };
  return s;
}

/** n/d as a raw with `frac` fractional bits, floored. */
export function fixedRaw(n: bigint, d: bigint, frac: bigint): bigint {
  return (n << frac) / d;
}

/** A deep copy of a subnet (bigints and the pool object), so a test can run the same input twice. */
export function cloneSubnet(s: SubnetEconomy): SubnetEconomy {
  return { ...s, pool: { ...s.pool } };
}
