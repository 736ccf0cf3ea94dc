/**
 * The neuron-registration price of a subnet (`Burn`): decays every block towards `MinBurn` with a
 * configurable half-life and jumps by `BurnIncreaseMult` on every registration
 * (shared/spec/tokenomics.md §8.1, conformance.md §10; invariant 22).
 * Chain at 14bc6f9: `update_registration_prices_for_networks` (run from `block_step`), the price bump
 * of burned registration and `RAORecycledForRegistration`, as pinned by
 * pallets/subtensor/src/tests/registration.rs.
 *
 * The decay factor is a Q32 integer f (value f/2^32): the largest f whose Q32 power f^h, computed
 * by square-and-multiply with a floor after every multiply, is ≤ 2^31 (one half). It depends only
 * on the half-life and is needed once per subnet per block, so it is cached per half-life.
 */
import { assert } from '../../primitives/assert.ts';
import { U64_MAX } from '../../primitives/units.ts';

const Q32_ONE = 1n << 32n;
const Q32_HALF = 1n << 31n;
const U64F64_ONE = 1n << 64n;

/** Bounds and growth of one subnet's registration price. */
export interface RegistrationBurnParams {
  /** `MinBurn`, rao. */
  readonly minBurnRao: bigint;
  /** `MaxBurn`, rao. */
  readonly maxBurnRao: bigint;
  /** `BurnHalfLife`, blocks (u16); 0 disables the decay. */
  readonly burnHalfLifeBlocks: number;
  /** `BurnIncreaseMult` as a U64F64 raw (1.26 → 1.26·2^64); values below 1 act as 1. */
  readonly burnIncreaseMultU64F64: bigint;
}

/** x·y/2^32 floored: one Q32 multiply. */
function mulQ32(x: bigint, y: bigint): bigint {
  return (x * y) >> 32n;
}

/** f^e in Q32 by right-to-left square-and-multiply, flooring after every multiply. */
export function powQ32(f: bigint, e: number): bigint {
  let result = Q32_ONE;
  let base = f;
  let rest = e;
  while (rest > 0) {
    if (rest & 1) result = mulQ32(result, base);
    rest >>>= 1;
    if (rest > 0) base = mulQ32(base, base);
  }
  return result;
}

const decayFactorCache = new Map<number, bigint>();

/**
 * The per-block decay factor f (Q32) for a half-life of h blocks: the largest f in [0, 2^32] with
 * powQ32(f, h) ≤ 2^31. powQ32 is non-decreasing in f, so a binary search finds it.
 */
export function burnDecayFactorQ32(halfLifeBlocks: number): bigint {
  assert(Number.isInteger(halfLifeBlocks) && halfLifeBlocks > 0, () => `half-life must be a positive integer, got ${halfLifeBlocks}`);
  const cached = decayFactorCache.get(halfLifeBlocks);
  if (cached !== undefined) return cached;
  let lo = 0n;
  let hi = Q32_ONE;
  while (lo < hi) {
    const mid = (lo + hi + 1n) >> 1n;
    if (powQ32(mid, halfLifeBlocks) <= Q32_HALF) lo = mid;
    else hi = mid - 1n;
  }
  decayFactorCache.set(halfLifeBlocks, lo);
  return lo;
}

function clampBurn(burnRao: bigint, p: RegistrationBurnParams): bigint {
  if (burnRao < p.minBurnRao) return p.minBurnRao;
  if (burnRao > p.maxBurnRao) return p.maxBurnRao;
  return burnRao;
}

/**
 * The burn after the registration-price step of block `block` (run at the start of every block,
 * tokenomics.md §2.1 step 1): floor(burn·f/2^32), clamped to [MinBurn, MaxBurn]. Nothing happens in
 * block ≤ 1 or when the half-life is 0 — the clamp belongs to the decay step, so a price left
 * outside the bounds by an admin change is only pulled back by the next decay or bump.
 */
export function decayBurnRao(burnRao: bigint, block: bigint, p: RegistrationBurnParams): bigint {
  if (p.burnHalfLifeBlocks === 0 || block <= 1n) return burnRao;
  return clampBurn(mulQ32(burnRao, burnDecayFactorQ32(p.burnHalfLifeBlocks)), p);
}

/**
 * The burn right after a successful registration (same block): floor(burn·max(mult, 1)) in U64F64,
 * saturating at u64::MAX, then clamped to [MinBurn, MaxBurn].
 */
export function bumpBurnRao(burnRao: bigint, p: RegistrationBurnParams): bigint {
  const mult = p.burnIncreaseMultU64F64 > U64F64_ONE ? p.burnIncreaseMultU64F64 : U64F64_ONE;
  const raised = (burnRao * mult) >> 64n;
  return clampBurn(raised > U64_MAX ? U64_MAX : raised, p);
}

/** One subnet's registration price and what registrations have recycled so far. */
export interface RegistrationBurnState {
  readonly burnRao: bigint;
  /** `RAORecycledForRegistration`: Σ of burns paid on this subnet. */
  readonly raoRecycledRao: bigint;
}

/** A registration: pays the current burn (recycled), then bumps the price. */
export function registerNeuron(state: RegistrationBurnState, p: RegistrationBurnParams): { state: RegistrationBurnState; burnPaidRao: bigint } {
  const burnPaidRao = state.burnRao;
  return {
    burnPaidRao,
    state: { burnRao: bumpBurnRao(state.burnRao, p), raoRecycledRao: state.raoRecycledRao + burnPaidRao },
  };
}
