import { describe, expect, it } from 'vitest';
import { DEFAULT_QUOTE_WEIGHT_PARTS, PERQUINTILL_ONE } from '../../../../src/consensus/amm/poolState.ts';
import { newCoinbaseTally } from '../../../../src/consensus/coinbase/coinbaseTally.ts';
import { injectAndMaybeSwap } from '../../../../src/consensus/coinbase/injectAndMaybeSwap.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

const TAO = 1_000_000_000n;

describe('injectAndMaybeSwap', () => {
  it('chain-buys the excess on the old reserves, then adds alpha_in and tao_in, spending the credit exactly', () => {
    const s = eligibleSubnet(1); // 1000 / 1000, price 1
    const tally = newCoinbaseTally(TAO);
    injectAndMaybeSwap(s, 600_000_000n, 600_000_000n, 400_000_000n, 1n, tally);
    // Constant product: 10^12 · 4·10^8 / (10^12 + 4·10^8) = 399,840,063.97…
    const bought = 399_840_063n;
    expect(s.pool.taoReserveRao).toBe(1000n * TAO + 400_000_000n + 600_000_000n);
    expect(s.pool.alphaReserveRao).toBe(1000n * TAO - bought + 600_000_000n);
    expect(s.pool.quoteWeightParts).toBe(DEFAULT_QUOTE_WEIGHT_PARTS);
    expect([s.alphaOutRao, s.protocolAlphaRao, s.excessTaoRao, s.taoInEmissionRao, s.alphaInEmissionRao]).toEqual([
      bought,
      bought,
      400_000_000n,
      600_000_000n,
      600_000_000n,
    ]);
    expect(tally).toMatchObject({ creditRao: 0n, injectedTaoRao: 600_000_000n, chainBuyTaoRao: 400_000_000n, strandedTaoRao: 0n, chainBoughtAlphaRao: bought });
    expect(s.protocolFlowBlockRao).toBe(TAO);
  });

  it('refuses an injection that would push the weights out of [0.01, 0.99]: nothing is injected, the credit stays', () => {
    const s = eligibleSubnet(1, { pool: { taoReserveRao: TAO, alphaReserveRao: TAO } });
    const tally = newCoinbaseTally(2000n * TAO);
    injectAndMaybeSwap(s, 1000n * TAO, 0n, 0n, 1n, tally);
    expect(s.pool).toMatchObject({ taoReserveRao: TAO, alphaReserveRao: TAO, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS });
    expect(tally.creditRao).toBe(2000n * TAO);
    expect(s.taoInEmissionRao).toBe(0n);
  });

  it('strands the excess on the subnet account when the pool refuses the chain buy', () => {
    // Alpha reserve below the minimum reserve: ReservesTooLow.
    const s = eligibleSubnet(1, { pool: { alphaReserveRao: 999_999n } });
    const tally = newCoinbaseTally(TAO);
    injectAndMaybeSwap(s, 0n, 0n, TAO, 1_000_000n, tally);
    expect(tally).toMatchObject({ creditRao: 0n, strandedTaoRao: TAO, chainBuyTaoRao: 0n });
    expect(s.strandedTaoRao).toBe(TAO);
    expect(s.pool.taoReserveRao).toBe(1000n * TAO);
    expect(s.excessTaoRao).toBe(0n);
  });

  it('skips a chain buy or a TAO injection the remaining credit cannot cover (the alpha still goes in)', () => {
    const s = eligibleSubnet(1);
    const tally = newCoinbaseTally(5n);
    injectAndMaybeSwap(s, 6n, 6n, 7n, 1n, tally);
    expect(tally.creditRao).toBe(5n);
    expect(s.pool.taoReserveRao).toBe(1000n * TAO);
    expect(s.pool.alphaReserveRao).toBe(1000n * TAO + 6n);
    expect(s.taoInEmissionRao).toBe(0n);
    expect(s.excessTaoRao).toBe(0n);
  });

  it('resets a never-initialised pool to 0.5/0.5 for the chain buy', () => {
    const s = eligibleSubnet(1, { pool: { initialized: false, quoteWeightParts: PERQUINTILL_ONE / 4n } });
    const tally = newCoinbaseTally(1000n * TAO);
    injectAndMaybeSwap(s, 0n, 0n, 1000n * TAO, 1n, tally);
    expect(s.pool.initialized).toBe(true);
    expect(s.pool.quoteWeightParts).toBe(DEFAULT_QUOTE_WEIGHT_PARTS);
    expect(s.protocolAlphaRao).toBe(500n * TAO); // x/2 at 0.5/0.5 for Δ = y
  });

  it('chain-buys 1:1 on the stable mechanism', () => {
    const s = eligibleSubnet(1, { pool: { mechanism: 0 } });
    const tally = newCoinbaseTally(TAO);
    injectAndMaybeSwap(s, 0n, 0n, 300n, 1n, tally);
    expect(s.protocolAlphaRao).toBe(300n);
    expect(s.pool.alphaReserveRao).toBe(1000n * TAO - 300n);
  });

  it('resets SubnetExcessTao and SubnetTaoInEmission from the previous block', () => {
    const s = eligibleSubnet(1, { excessTaoRao: 99n, taoInEmissionRao: 98n });
    injectAndMaybeSwap(s, 0n, 0n, 0n, 1n, newCoinbaseTally(0n));
    expect([s.excessTaoRao, s.taoInEmissionRao]).toEqual([0n, 0n]);
  });
});
