import { describe, expect, it } from 'vitest';
import { maxAmountAdd, maxAmountRemove } from '../../../../src/consensus/amm/maxAmount.ts';
import { DEFAULT_QUOTE_WEIGHT_PARTS, type PoolState } from '../../../../src/consensus/amm/poolState.ts';
import { DEFAULT_SWAP_CONFIG, type SwapConfig } from '../../../../src/consensus/amm/swapStep.ts';
import { swapStepFloat } from '../../../../src/consensus/amm/swapStepFloat.ts';
import { U64_MAX } from '../../../../src/primitives/units.ts';

const TAO = 1_000_000_000n;
const NO_FEE: SwapConfig = { feeRateU16: 0, minimumReserveRao: 1n };

function pool(y: bigint, x: bigint, mechanism: 0 | 1 = 1): PoolState {
  return { taoReserveRao: y, alphaReserveRao: x, quoteWeightParts: DEFAULT_QUOTE_WEIGHT_PARTS, initialized: true, mechanism };
}

describe('maxAmountAdd / maxAmountRemove on the stable mechanism', () => {
  it('is all or nothing at price 1', () => {
    const stable = pool(5n, 5n, 0);
    expect(maxAmountAdd(stable, TAO, DEFAULT_SWAP_CONFIG)).toEqual({ ok: true, amountRao: U64_MAX });
    expect(maxAmountAdd(stable, TAO - 1n, DEFAULT_SWAP_CONFIG)).toEqual({ ok: true, amountRao: 0n });
    expect(maxAmountRemove(stable, TAO, DEFAULT_SWAP_CONFIG)).toEqual({ ok: true, amountRao: U64_MAX });
    expect(maxAmountRemove(stable, TAO + 1n, DEFAULT_SWAP_CONFIG)).toEqual({ ok: true, amountRao: 0n });
  });
});

describe('maxAmountAdd / maxAmountRemove on a dynamic pool', () => {
  const p = pool(1000n * TAO, 1000n * TAO);

  it('add: the TAO that moves a balanced pool from price 1 to price 2 is y·(√2 − 1), plus the fee', () => {
    expect(maxAmountAdd(p, 2n * TAO, NO_FEE)).toEqual({ ok: true, amountRao: 414_213_562_373n });
    const delta = 414_213_562_373n;
    expect(maxAmountAdd(p, 2n * TAO, DEFAULT_SWAP_CONFIG)).toEqual({ ok: true, amountRao: delta + (delta * 33n) / 65502n });
  });

  it('remove: the alpha that moves it from price 1 to price 0.5 is x·(√2 − 1)', () => {
    expect(maxAmountRemove(p, TAO / 2n, NO_FEE)).toEqual({ ok: true, amountRao: 414_213_562_373n });
  });

  it('fails with the swap error when the limit is already passed', () => {
    expect(maxAmountAdd(p, TAO, NO_FEE)).toEqual({ ok: false, error: 'PriceLimitExceeded' });
    expect(maxAmountRemove(p, 2n * TAO, NO_FEE)).toEqual({ ok: false, error: 'PriceLimitExceeded' });
  });

  it('is capped by the power clamp: a limit 10^6× the price allows about 17.4467× the reserve', () => {
    // (10^6)^0.5 = 1000 > 18.4467…, so the amount is y·(18.446744073709551615 − 1), floored.
    expect(maxAmountAdd(p, 1_000_000n * TAO, NO_FEE)).toEqual({ ok: true, amountRao: 17_446_744_073_709n });
  });

  it('takes the float step in float mode and lands within 1e-9 of the chain answer', () => {
    const chain = maxAmountAdd(p, 2n * TAO, DEFAULT_SWAP_CONFIG);
    const float = maxAmountAdd(p, 2n * TAO, DEFAULT_SWAP_CONFIG, swapStepFloat);
    if (!chain.ok || !float.ok) throw new Error('expected success');
    expect(Math.abs(Number(chain.amountRao - float.amountRao)) / Number(chain.amountRao)).toBeLessThan(1e-9);
  });
});
