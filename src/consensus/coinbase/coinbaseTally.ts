/**
 * Running totals of one coinbase, so a caller can check conservation without re-reading every
 * subnet (tokenomics.md §10 invariant 3: Σ(tao_in + excess) + recycled = minted, exactly). The
 * credit is what the block minted; every rao of it ends in exactly one of: a pool as injected TAO,
 * a pool as a chain buy, the subnet account as a refused chain buy ("stranded"), or recycled
 * (whatever credit is left at the end). Chain: pallets/subtensor/src/coinbase/run_coinbase.rs
 * `emit_to_subnets` / `inject_and_maybe_swap` at 14bc6f9, which spend the block's credit.
 */
export interface CoinbaseTally {
  /** Credit not spent yet, rao; what is left at the end is recycled. */
  creditRao: bigint;
  /** TAO added to pools as liquidity (Σ SubnetTaoInEmission), rao. */
  injectedTaoRao: bigint;
  /** TAO spent on chain buys (Σ SubnetExcessTao), rao. */
  chainBuyTaoRao: bigint;
  /** Excess TAO taken from the credit for a chain buy the pool refused, rao (see `SubnetEconomy.strandedTaoRao`). */
  strandedTaoRao: bigint;
  /** Alpha added to pools (Σ SubnetAlphaInEmission), alpha-rao of each subnet summed. */
  injectedAlphaRao: bigint;
  /** Alpha bought by chain buys (now protocol alpha), summed over subnets. */
  chainBoughtAlphaRao: bigint;
  /** alpha_out minted (Σ SubnetAlphaOutEmission), summed over subnets. */
  alphaOutRao: bigint;
  /** Root alpha recycled because root was not sold (taken back out of SubnetAlphaOut), summed over subnets. */
  recycledAlphaRao: bigint;
}

export function newCoinbaseTally(creditRao: bigint): CoinbaseTally {
  return {
    creditRao,
    injectedTaoRao: 0n,
    chainBuyTaoRao: 0n,
    strandedTaoRao: 0n,
    injectedAlphaRao: 0n,
    chainBoughtAlphaRao: 0n,
    alphaOutRao: 0n,
    recycledAlphaRao: 0n,
  };
}

export function resetCoinbaseTally(t: CoinbaseTally, creditRao: bigint): CoinbaseTally {
  t.creditRao = creditRao;
  t.injectedTaoRao = 0n;
  t.chainBuyTaoRao = 0n;
  t.strandedTaoRao = 0n;
  t.injectedAlphaRao = 0n;
  t.chainBoughtAlphaRao = 0n;
  t.alphaOutRao = 0n;
  t.recycledAlphaRao = 0n;
  return t;
}
