/**
 * Sizing trades so the chain rarely refuses them. An add_stake must offer at least `DefaultMinStake`
 * plus the fee a min-stake buy pays, and a partial remove_stake must pay out at least the min stake
 * (a full exit is exempt) — staking/addStake.ts and removeStake.ts. Traders keep a margin of twice
 * the min stake: the fee (0.05 % by default) and the price impact of a small trade are far below it.
 * Amounts are in rao; prices in rao per alpha (the view's `priceRao`).
 */
import type { AgentView } from '../agentView.ts';

const RAO_PER_TAO = 1_000_000_000n;

/** The smallest trade a trader sends, rao (TAO offered, or the TAO value of a partial sale). */
export function minTradeRao(view: AgentView): bigint {
  return 2n * view.minStakeRao;
}

/** `fraction` of `amountRao`, rounded down (fraction in [0, 1], resolved to 1e-9). */
export function fractionOfRao(amountRao: bigint, fraction: number): bigint {
  const partsPerBillion = BigInt(Math.round(fraction * 1e9));
  return (amountRao * partsPerBillion) / RAO_PER_TAO;
}

/** What `alphaRao` is worth at the spot price, rao (before fees and price impact). */
export function alphaValueRao(alphaRao: bigint, priceRao: bigint): bigint {
  return (alphaRao * priceRao) / RAO_PER_TAO;
}

/**
 * The TAO a buy offers: `wantedRao` capped at the free balance, or 0 when that is below the
 * trade minimum (the trader then skips the buy instead of sending one the chain refuses).
 */
export function buyAmountRao(view: AgentView, wantedRao: bigint): bigint {
  const amount = wantedRao < view.self.balanceRao ? wantedRao : view.self.balanceRao;
  return amount >= minTradeRao(view) ? amount : 0n;
}

/**
 * Alpha to sell from a position of `heldAlphaRao` when `wantedAlphaRao` of it is meant to go: the
 * whole position when the sale would leave a remainder, or take a slice, worth less than the trade
 * minimum (so the sale is a full exit, which the chain always accepts); else the wanted amount.
 */
export function sellAlphaRao(view: AgentView, heldAlphaRao: bigint, wantedAlphaRao: bigint, priceRao: bigint): bigint {
  if (wantedAlphaRao >= heldAlphaRao) return heldAlphaRao;
  const min = minTradeRao(view);
  if (alphaValueRao(wantedAlphaRao, priceRao) < min || alphaValueRao(heldAlphaRao - wantedAlphaRao, priceRao) < min) return heldAlphaRao;
  return wantedAlphaRao;
}

/** Days (fractions allowed) → blocks (at least `floor`), rounded to the nearest block. */
export function daysToBlocks(days: number, blocksPerDay: number, floor = 0): number {
  const blocks = Math.round(days * blocksPerDay);
  return blocks < floor ? floor : blocks;
}
