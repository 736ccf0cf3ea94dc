/**
 * A small network for the staking operation tests: root (stable, 1:1) and a few dynamic subnets
 * with round reserves, so swap outputs can be worked out by hand (0.5/0.5 weights make every swap
 * constant-product, and reserve ratios like 1/2 or 4/5 keep the chain's floors exact).
 *
 *   netuid 0  root, stable
 *   netuid 1  100 TAO / 100 alpha, fee 0          (price 1)
 *   netuid 2  400 TAO / 100 alpha, fee 0          (price 4)
 *   netuid 3  100 TAO / 100 alpha, subtoken disabled
 *   netuid 4  100 TAO / 100 alpha, default fee 33/65535
 *   netuid 5  100 TAO / 100 alpha, default fee 33/65535
 *
 * Hotkeys: `hk-alice` (owned by alice), `hk-bob` (owned by bob). Alice holds 1,000 TAO, bob 100 TAO.
 */
import { expect } from 'vitest';
import type { PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS } from '../../../../src/consensus/amm/poolState.ts';
import { stakingContext, type StakingContext } from '../../../../src/consensus/staking/stakingContext.ts';
import type { StakingParams } from '../../../../src/consensus/staking/stakingParams.ts';
import { addBalance, createStakeLedger, registerHotkey, type StakeLedger } from '../../../../src/consensus/staking/stakeLedger.ts';
import { subnetLookup, type StakingSubnet } from '../../../../src/consensus/staking/stakingSubnet.ts';

export const TAO = 1_000_000_000n;

export function pool(taoReserveRao: bigint, alphaReserveRao: bigint, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao, alphaReserveRao, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS, initialized: true, mechanism };
}

export interface World {
  readonly ledger: StakeLedger;
  readonly subnets: StakingSubnet[];
  readonly ctx: StakingContext;
  sn(netuid: number): StakingSubnet;
}

export interface WorldOptions {
  readonly params?: Partial<StakingParams>;
  readonly author?: string;
  readonly block?: number;
}

export function world(o: WorldOptions = {}): World {
  const ledger = createStakeLedger();
  const subnets: StakingSubnet[] = [
    { netuid: 0, pool: pool(0n, 0n, 0), alphaOutRao: 0n },
    { netuid: 1, pool: pool(100n * TAO, 100n * TAO), alphaOutRao: 0n, feeRateU16: 0 },
    { netuid: 2, pool: pool(400n * TAO, 100n * TAO), alphaOutRao: 0n, feeRateU16: 0 },
    { netuid: 3, pool: pool(100n * TAO, 100n * TAO), alphaOutRao: 0n, feeRateU16: 0, subtokenEnabled: false },
    { netuid: 4, pool: pool(100n * TAO, 100n * TAO), alphaOutRao: 0n },
    { netuid: 5, pool: pool(100n * TAO, 100n * TAO), alphaOutRao: 0n },
  ];
  registerHotkey(ledger, 'hk-alice', 'alice');
  registerHotkey(ledger, 'hk-bob', 'bob');
  addBalance(ledger, 'alice', 1000n * TAO);
  addBalance(ledger, 'bob', 100n * TAO);
  const ctx = stakingContext({
    ledger,
    subnet: subnetLookup(subnets),
    ...(o.params === undefined ? {} : { params: o.params }),
    fees: { blockAuthorColdkey: o.author },
    ...(o.block === undefined ? {} : { block: o.block }),
  });
  return {
    ledger,
    subnets,
    ctx,
    sn(netuid) {
      const s = subnets.find((x) => x.netuid === netuid);
      if (s === undefined) throw new Error(`no subnet ${netuid}`);
      return s;
    },
  };
}

/** A deep copy of everything an operation may write. */
export function snapshot(w: World): unknown {
  return structuredClone({ ledger: w.ledger, subnets: w.subnets });
}

/** Runs `op`, expects it to fail with `reason`, and the world to be exactly as before. */
export function expectRejected(w: World, op: () => { ok: boolean }, reason: string): void {
  const before = snapshot(w);
  expect(op()).toEqual({ ok: false, reason });
  expect(snapshot(w)).toEqual(before);
}
