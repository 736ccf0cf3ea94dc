/**
 * What coldkeys own, valued in TAO at the current spot prices: the free balance plus every stake
 * position the coldkey holds, on any hotkey of any subnet. Alpha is valued per subnet as
 * (Σ alpha of the coldkey on that subnet × spot price U64F64) >> 64, i.e. floored once per
 * (coldkey, subnet); root stake (netuid 0) is TAO already. This is a mark-to-market value, not
 * what unstaking would return (no slippage or fees), and root dividends not yet claimed
 * (`RootClaimable`) are not counted — they are not the coldkey's stake until claimed.
 */
import { spotPriceU64F64 } from '../../consensus/amm/spotPrice.ts';
import { subnetOf, type ChainState } from '../../consensus/chain/chainState.ts';
import { sharePoolValue } from '../../consensus/staking/sharePool.ts';
import { splitKey } from '../../consensus/staking/stakeLedger.ts';
import { ROOT_NETUID } from '../../consensus/staking/stakingSubnet.ts';

export interface ColdkeyWealth {
  /** Free TAO balance, rao. */
  readonly freeRao: bigint;
  /** Σ stake positions valued at spot prices, rao. */
  readonly stakeTaoRao: bigint;
}

/**
 * The wealth of each coldkey `include` accepts (all coldkeys with a balance or a stake position
 * when `include` is null). Coldkeys with nothing are absent from the result; read them as zero.
 */
export function coldkeyWealth(state: ChainState, include: ((coldkey: string) => boolean) | null): Map<string, ColdkeyWealth> {
  const ledger = state.ledger;
  // Alpha (or root TAO) per coldkey per netuid; sums are exact, so map order does not matter.
  const alphaByColdkey = new Map<string, Map<number, bigint>>();
  for (const [k, pool] of ledger.stake) {
    if (pool.sharesRaw.size === 0) continue;
    const { netuid } = splitKey(k);
    for (const coldkey of pool.sharesRaw.keys()) {
      if (include !== null && !include(coldkey)) continue;
      const value = sharePoolValue(pool, coldkey);
      if (value === 0n) continue;
      let perNet = alphaByColdkey.get(coldkey);
      if (perNet === undefined) {
        perNet = new Map();
        alphaByColdkey.set(coldkey, perNet);
      }
      perNet.set(netuid, (perNet.get(netuid) ?? 0n) + value);
    }
  }
  const priceU64F64 = new Map<number, bigint>();
  const priceOf = (netuid: number): bigint => {
    let p = priceU64F64.get(netuid);
    if (p === undefined) {
      const s = subnetOf(state, netuid);
      // A subnet that no longer exists has no pool to price its alpha against.
      p = s === undefined ? 0n : spotPriceU64F64(s.economy.pool);
      priceU64F64.set(netuid, p);
    }
    return p;
  };
  const out = new Map<string, ColdkeyWealth>();
  for (const [coldkey, perNet] of alphaByColdkey) {
    let stakeTaoRao = 0n;
    for (const [netuid, alpha] of perNet) stakeTaoRao += netuid === ROOT_NETUID ? alpha : (alpha * priceOf(netuid)) >> 64n;
    out.set(coldkey, { freeRao: ledger.balanceRao.get(coldkey) ?? 0n, stakeTaoRao });
  }
  for (const [coldkey, freeRao] of ledger.balanceRao) {
    if (out.has(coldkey) || freeRao === 0n || (include !== null && !include(coldkey))) continue;
    out.set(coldkey, { freeRao, stakeTaoRao: 0n });
  }
  return out;
}
