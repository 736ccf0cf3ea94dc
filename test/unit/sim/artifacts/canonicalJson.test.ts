import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../src/sim/artifacts/canonicalJson.ts';

describe('canonicalJson', () => {
  it('sorts keys at every depth, writes bigint as decimal strings and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [2n, undefined], c: 'x' }, u: undefined, n: null })).toBe('{"a":{"c":"x","d":["2",null]},"b":1,"n":null}');
    expect(canonicalJson(-12345678901234567890n)).toBe('"-12345678901234567890"');
    expect(canonicalJson([Number.NaN, Infinity, 0.5, true])).toBe('[null,null,0.5,true]');
  });

  it('refuses values JSON cannot carry faithfully (functions, class instances)', () => {
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/cannot write a function at 'f'/);
    expect(() => canonicalJson({ m: new Map() })).toThrow(/cannot write a Map at 'm'/);
  });

  it('gives the same text whatever order the keys were inserted in, and parses back to the same data', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string(), fc.boolean())), (dict) => {
        const reversed = Object.fromEntries(Object.entries(dict).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(dict));
        expect(JSON.parse(canonicalJson(dict))).toEqual(dict);
      }),
      { numRuns: 300 },
    );
  });
});
