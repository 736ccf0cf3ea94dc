/**
 * The share pool behind every (hotkey, subnet) stake (tokenomics.md §6.1, invariant 20): the pool's
 * value is `TotalHotkeyAlpha`, each coldkey holds shares (`Alpha`), and value_c = V·s_c/Σs. Emission
 * credited "to the hotkey" raises V, so every holder gains pro rata without touching a share;
 * emission credited "to (hotkey, coldkey)" mints shares at the current value per share.
 *
 * Chain: primitives/share-pool/src/lib.rs (`SharePool`) at 14bc6f9, with the storage adapter in
 * pallets/subtensor/src/staking/stake_utils.rs (`AlphaSharePoolDataOperations`). Rounding points,
 * all on U64F64 / I64F64 raws (value = raw / 2^64):
 *   - value per share vps = V ÷ D truncates (0 when D = 0 or the quotient overflows U64F64);
 *   - a holder's value = floor(vps ⊗ s), so Σ values ≤ V and each holder loses < 1 rao (plus
 *     D·2^-64 from the truncated vps);
 *   - new shares = update ÷ vps in I64F64, truncated toward zero (0 when vps = 0 or on overflow);
 *   - V itself is a u64 (`TotalHotkeyAlpha`) and only ever moves by whole rao.
 * A removal that would leave a holder with less than 10^-5 of its shares, or would make the value
 * per share of a year's emission exceed i64::MAX, removes the holder's whole position instead (the
 * chain's precision guard); the caller then receives the whole value, not the amount it asked for.
 */
import { U64F64, fromFloatLiteral } from '../../primitives/fixed.ts';

const U64_MAX = (1n << 64n) - 1n;
const U128_MAX = (1n << 128n) - 1n;
const I128_MAX = (1n << 127n) - 1n;
const I128_MIN = -(1n << 127n);
/** `U64F64::saturating_from_num(0.00001)`: a holder left with fewer shares than this fraction is removed. */
const MIN_REMAINING_SHARE_FRACTION_RAW = fromFloatLiteral(U64F64, 0.00001);
/** A year of block emission (2,628,000 TAO in rao) added to V by the precision guard. */
const YEAR_OF_EMISSION_RAO = 2_628_000_000_000_000n;
const I64_MAX = (1n << 63n) - 1n;

export interface SharePool {
  /** `TotalHotkeyAlpha`: the pool's value, rao or alpha-rao (u64). */
  totalValueRao: bigint;
  /** `TotalHotkeyShares`: Σ shares, U64F64 raw. */
  totalSharesRaw: bigint;
  /** `Alpha[(hotkey, coldkey, netuid)]`: shares per coldkey, U64F64 raw; holders with 0 shares are absent. */
  sharesRaw: Map<string, bigint>;
}

export function newSharePool(): SharePool {
  return { totalValueRao: 0n, totalSharesRaw: 0n, sharesRaw: new Map() };
}

export function cloneSharePool(pool: SharePool): SharePool {
  return { totalValueRao: pool.totalValueRao, totalSharesRaw: pool.totalSharesRaw, sharesRaw: new Map(pool.sharesRaw) };
}

function clampU64(x: bigint): bigint {
  return x < 0n ? 0n : x > U64_MAX ? U64_MAX : x;
}

/** U64F64 `checked_div(V, D).unwrap_or(0)`, both integers given as raws. */
function valuePerShareRaw(pool: SharePool): bigint {
  if (pool.totalSharesRaw === 0n) return 0n;
  const q = ((pool.totalValueRao << 64n) << 64n) / pool.totalSharesRaw;
  return q > U128_MAX ? 0n : q;
}

/** `get_value`: floor((V ÷ D) ⊗ s), saturating to u64. */
export function sharePoolValue(pool: SharePool, coldkey: string): bigint {
  const share = pool.sharesRaw.get(coldkey) ?? 0n;
  if (share === 0n) return 0n;
  let product = (valuePerShareRaw(pool) * share) >> 64n;
  if (product > U128_MAX) product = U128_MAX;
  return clampU64(product >> 64n);
}

/** Every holder's value, in coldkey order. */
export function sharePoolValues(pool: SharePool): [string, bigint][] {
  return [...pool.sharesRaw.keys()].sort().map((c) => [c, sharePoolValue(pool, c)]);
}

/** `update_value_for_all`: credit (or debit) the hotkey itself; shares are unchanged. */
export function sharePoolUpdateForAll(pool: SharePool, update: bigint): void {
  pool.totalValueRao = clampU64(pool.totalValueRao + update);
}

/** `I64F64(update).checked_div(I64F64(vps)).unwrap_or(0)`: shares minted (or burned) by an update. */
function sharesForUpdate(pool: SharePool, update: bigint): bigint {
  let vps = valuePerShareRaw(pool);
  if (vps > I128_MAX) vps = I128_MAX; // I64F64::saturating_from_num(U64F64)
  if (vps === 0n) return 0n;
  const q = ((update << 64n) << 64n) / vps; // BigInt division truncates toward zero, as fixed does
  return q > I128_MAX || q < I128_MIN ? 0n : q;
}

/**
 * `sim_update_value_for_one`: false when an update would mint no share at all (the value per share
 * is so high that the amount rounds to 0 shares); staking then fails with `InsufficientLiquidity`.
 */
export function sharePoolCanUpdate(pool: SharePool, update: bigint): boolean {
  if (pool.totalSharesRaw === 0n) return true;
  return sharesForUpdate(pool, update) !== 0n;
}

/**
 * `update_value_for_one`: credit (update > 0) or debit (update < 0) one holder, returning the
 * update actually applied (it differs from `update` only when the precision guard removes the
 * holder's whole position). Callers check beforehand that a debit does not exceed the holder's value.
 */
export function sharePoolUpdateForOne(pool: SharePool, coldkey: string, update: bigint): bigint {
  const current = pool.sharesRaw.get(coldkey) ?? 0n;
  const denominator = pool.totalSharesRaw;
  let actual = update;
  let newShare: bigint;
  let newDenominator: bigint;
  if (denominator === 0n) {
    // The first holder defines the share unit: one share per rao.
    const fixed = update > 0n ? clampU64(update) << 64n : 0n;
    newDenominator = fixed;
    newShare = fixed;
  } else {
    const shares = sharesForUpdate(pool, update);
    if (shares >= 0n) {
      newDenominator = satU128(denominator + shares);
      newShare = satU128(current + shares);
    } else {
      const initialValue = sharePoolValue(pool, coldkey);
      newDenominator = satU128(denominator + shares);
      newShare = satU128(current + shares);
      const remainingFraction = current === 0n ? 0n : safeDivU64F64(newShare, current);
      const yearValuePerShare =
        newDenominator === 0n ? 0n : safeDivU64F64(satU128((pool.totalValueRao + YEAR_OF_EMISSION_RAO) << 64n), newDenominator);
      if (remainingFraction < MIN_REMAINING_SHARE_FRACTION_RAW || yearValuePerShare > I64_MAX << 64n) {
        newShare = 0n;
        newDenominator = satU128(denominator - current);
        actual = -initialValue;
      }
    }
  }
  pool.totalSharesRaw = newDenominator;
  if (newShare === 0n) pool.sharesRaw.delete(coldkey);
  else pool.sharesRaw.set(coldkey, newShare);
  pool.totalValueRao = clampU64(pool.totalValueRao + actual);
  return actual;
}

function satU128(x: bigint): bigint {
  return x < 0n ? 0n : x > U128_MAX ? U128_MAX : x;
}

/** U64F64 `safe_div`: 0 for a zero divisor or an overflowing quotient. */
function safeDivU64F64(aRaw: bigint, bRaw: bigint): bigint {
  if (bRaw === 0n) return 0n;
  const q = (aRaw << 64n) / bRaw;
  return q > U128_MAX ? 0n : q;
}

/** Σ shares over holders equals the stored denominator (the pool's own consistency). */
export function sharePoolIsConsistent(pool: SharePool): boolean {
  let sum = 0n;
  for (const s of pool.sharesRaw.values()) sum += s;
  return sum === pool.totalSharesRaw;
}
