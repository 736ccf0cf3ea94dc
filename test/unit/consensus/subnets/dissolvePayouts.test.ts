import { describe, expect, it } from 'vitest';
import { dissolvePayouts } from '../../../../src/consensus/subnets/dissolvePayouts.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';

describe('dissolvePayouts', () => {
  it('pays pro rata when the pot divides evenly', () => {
    expect(dissolvePayouts(100n, [1n, 2n], 1n)).toEqual({ payoutsRao: [25n, 50n], protocolShareRao: 25n });
  });

  it('hands the leftover rao to the largest remainders, ties to the earlier claimant', () => {
    // 10 over three equal stakes: 3 each, 1 left → the first staker.
    expect(dissolvePayouts(10n, [1n, 1n, 1n], 0n)).toEqual({ payoutsRao: [4n, 3n, 3n], protocolShareRao: 0n });
    // 10 over (1, 2, 4) of 7: exact 1.43, 2.86, 5.71 → floors 1, 2, 5 (8), remainders 3, 6, 5 → +1 to 2nd and 3rd.
    expect(dissolvePayouts(10n, [1n, 2n, 4n], 0n)).toEqual({ payoutsRao: [1n, 3n, 6n], protocolShareRao: 0n });
  });

  it('gives a staker with no alpha nothing', () => {
    expect(dissolvePayouts(10n, [0n, 1n, 1n], 1n)).toEqual({ payoutsRao: [0n, 4n, 3n], protocolShareRao: 3n });
  });

  it('keeps the whole pot for the protocol when nobody holds alpha', () => {
    expect(dissolvePayouts(77n, [0n, 0n], 0n)).toEqual({ payoutsRao: [0n, 0n], protocolShareRao: 77n });
    expect(dissolvePayouts(77n, [], 0n)).toEqual({ payoutsRao: [], protocolShareRao: 77n });
  });

  it('pays nothing from an empty pot', () => {
    expect(dissolvePayouts(0n, [3n, 4n], 5n)).toEqual({ payoutsRao: [0n, 0n], protocolShareRao: 0n });
  });

  it('rejects negative amounts', () => {
    expect(() => dissolvePayouts(-1n, [1n], 0n)).toThrow(AssertionError);
    expect(() => dissolvePayouts(1n, [-1n], 0n)).toThrow(AssertionError);
  });
});
