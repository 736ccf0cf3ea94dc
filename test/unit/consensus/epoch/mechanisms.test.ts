import { describe, expect, it } from 'vitest';
import {
  mechanismWeightU64F64,
  runSubnetEpoch,
  splitEmission,
  weightedAccU16,
} from '../../../../src/consensus/epoch/mechanisms.ts';
import { runEpoch } from '../../../../src/consensus/epoch/runEpoch.ts';
import type { EpochInputs, EpochOutput } from '../../../../src/consensus/epoch/types.ts';
import { Arena } from '../../../../src/primitives/arena.ts';
import { AssertionError } from '../../../../src/primitives/assert.ts';
import { snapshotOutput } from '../../../support/epochOutput.ts';
import { makeInputs, twoValidators } from './fixture.ts';

const TWO_64 = 1n << 64n;


describe('splitEmission', () => {
  it('splits evenly with the remainder going to mechanism 0', () => {
    expect(splitEmission(10n, 3)).toEqual([4n, 3n, 3n]);
    expect(splitEmission(9n, 3)).toEqual([3n, 3n, 3n]);
    expect(splitEmission(1_000_000_001n, 2)).toEqual([500_000_001n, 500_000_000n]);
  });

  it('hands the whole emission to a single mechanism', () => {
    expect(splitEmission(123n, 1)).toEqual([123n]);
    expect(splitEmission(0n, 2)).toEqual([0n, 0n]);
  });

  it('splits by u16 parts with floor(E·part/65535) and the remainder to mechanism 0', () => {
    // floor(1000·32768/65535) = 500, floor(1000·32767/65535) = 499; one rao left over.
    expect(splitEmission(1000n, 2, [32768, 32767])).toEqual([501n, 499n]);
    expect(splitEmission(1000n, 2, [0, 65535])).toEqual([0n, 1000n]);
    expect(splitEmission(1000n, 2, [65535, 0])).toEqual([1000n, 0n]);
  });

  it('treats an empty split as an even split', () => {
    expect(splitEmission(10n, 2, [])).toEqual([5n, 5n]);
  });

  it('refuses bad mechanism counts and splits', () => {
    expect(() => splitEmission(10n, 0)).toThrow(AssertionError);
    expect(() => splitEmission(10n, 1.5)).toThrow(AssertionError);
    expect(() => splitEmission(10n, 2, [65535])).toThrow(AssertionError);
    expect(() => splitEmission(10n, 2, [30000, 30000])).toThrow(AssertionError);
  });
});

describe('weightedAccU16 and mechanismWeightU64F64', () => {
  it('forms the weight E_m/E as a U64F64 quotient, 0 when E is 0', () => {
    expect(mechanismWeightU64F64(1n, 2n)).toBe(1n << 63n);
    expect(mechanismWeightU64F64(5n, 5n)).toBe(TWO_64);
    expect(mechanismWeightU64F64(1n, 3n)).toBe(TWO_64 / 3n);
    expect(mechanismWeightU64F64(7n, 0n)).toBe(0n);
  });

  it('accumulates existing + floor(added · weight), saturating at 65535', () => {
    expect(weightedAccU16(0, 65535, 1n << 63n)).toBe(32767);
    expect(weightedAccU16(32767, 65535, 1n << 63n)).toBe(65534);
    expect(weightedAccU16(10, 3, TWO_64 / 3n)).toBe(10); // 3 · (1/3 − ε) floors to 0
    expect(weightedAccU16(65535, 65535, TWO_64)).toBe(65535);
    expect(weightedAccU16(5, 100, 0n)).toBe(5);
  });
});

describe('runSubnetEpoch', () => {
  it('equals runEpoch with one mechanism', () => {
    const inputs = twoValidators(60, 40);
    const subnet = runSubnetEpoch(1, inputs.emissionRao, (_m, e) => ({ ...inputs, emissionRao: e }));
    const single = runEpoch(inputs);
    expect(subnet.mechanismEmissionRao).toEqual([inputs.emissionRao]);
    expect(snapshotOutput(subnet.mechanisms[0]!)).toEqual(snapshotOutput(single));
    expect([...subnet.serverEmissionRao]).toEqual([...single.serverEmissionRao]);
    expect(Array.from(subnet.consensusU16)).toEqual(Array.from(single.consensusU16));
    expect(subnet.incentiveU16.map((x) => Array.from(x))).toEqual([Array.from(single.incentiveU16)]);
  });

  it('passes the mode and variant through to the mechanism epochs', () => {
    const inputs = twoValidators(60, 40);
    const subnet = runSubnetEpoch(1, 1000n, (_m, e) => ({ ...inputs, emissionRao: e }), { mode: 'float', variant: 'yuma3' });
    expect(subnet.mechanisms[0]!.mode).toBe('float');
    expect(subnet.mechanisms[0]!.variant).toBe('yuma3');
  });

  describe('with two mechanisms', () => {
    // Mechanism 0: validator 0 is recently active; mechanism 1: validator 1 is. Different weights.
    const base = makeInputs({ n: 4, stake: [60, 40, 0, 0], permit: [true, true, false, false], block: 10_000 });
    const mech: EpochInputs[] = [
      { ...base, lastUpdate: [9_999, 1, 9_999, 9_999], weights: makeInputs({ n: 4, weights: { 0: [[2, 65535]] } }).weights },
      { ...base, lastUpdate: [1, 9_999, 1, 1], weights: makeInputs({ n: 4, weights: { 1: [[3, 65535]] } }).weights },
    ];
    const emission = 1_000_000_001n;
    const inputsFor = (m: number, e: bigint): EpochInputs => ({ ...mech[m]!, emissionRao: e });

    it('runs each mechanism on its share of the emission and sums the rao outputs', () => {
      const subnet = runSubnetEpoch(2, emission, inputsFor);
      expect(subnet.mechanismEmissionRao).toEqual([500_000_001n, 500_000_000n]);
      const [o0, o1] = [runEpoch(inputsFor(0, 500_000_001n)), runEpoch(inputsFor(1, 500_000_000n))];
      expect(snapshotOutput(subnet.mechanisms[0]!)).toEqual(snapshotOutput(o0));
      expect(snapshotOutput(subnet.mechanisms[1]!)).toEqual(snapshotOutput(o1));
      for (let i = 0; i < 4; i++) {
        expect(subnet.serverEmissionRao[i]).toBe(o0.serverEmissionRao[i]! + o1.serverEmissionRao[i]!);
        expect(subnet.validatorEmissionRao[i]).toBe(o0.validatorEmissionRao[i]! + o1.validatorEmissionRao[i]!);
      }
      expect(subnet.serverEmissionRao[2]).toBeGreaterThan(0n);
      expect(subnet.serverEmissionRao[3]).toBeGreaterThan(0n);
    });

    it('ORs the active flags and new permits of the mechanisms', () => {
      const subnet = runSubnetEpoch(2, emission, inputsFor);
      expect(subnet.mechanisms[0]!.active).toEqual([true, false, true, true]);
      expect(subnet.mechanisms[1]!.active).toEqual([false, true, false, false]);
      expect(subnet.active).toEqual([true, true, true, true]);
      expect(subnet.newValidatorPermit).toEqual([true, true, false, false]);
    });

    it('merges u16 outputs and the combined emission as weighted sums by emission share', () => {
      const subnet = runSubnetEpoch(2, emission, inputsFor);
      const weights = subnet.mechanismEmissionRao.map((e) => mechanismWeightU64F64(e, emission));
      const acc = (pick: (o: EpochOutput) => Uint16Array, i: number) =>
        subnet.mechanisms.reduce((a, o, m) => weightedAccU16(a, pick(o)[i]!, weights[m]!), 0);
      for (let i = 0; i < 4; i++) {
        expect(subnet.stakeWeightU16[i]).toBe(acc((o) => o.stakeWeightU16, i));
        expect(subnet.consensusU16[i]).toBe(acc((o) => o.consensusU16, i));
        expect(subnet.dividendsU16[i]).toBe(acc((o) => o.dividendsU16, i));
        expect(subnet.validatorTrustU16[i]).toBe(acc((o) => o.validatorTrustU16, i));
        const combined = subnet.mechanisms.reduce((a, o, m) => a + (o.emissionRao[i]! * weights[m]!) / TWO_64, 0n);
        expect(subnet.emissionRao[i]).toBe(combined);
      }
      expect(subnet.incentiveU16.map((x) => Array.from(x))).toEqual(subnet.mechanisms.map((o) => Array.from(o.incentiveU16)));
    });

    it('does not share a workspace between mechanisms, so earlier outputs stay valid', () => {
      const withWorkspace = runSubnetEpoch(2, emission, inputsFor, { workspace: new Arena(64) });
      const without = runSubnetEpoch(2, emission, inputsFor);
      expect(snapshotOutput(withWorkspace.mechanisms[0]!)).toEqual(snapshotOutput(without.mechanisms[0]!));
      expect(snapshotOutput(withWorkspace.mechanisms[1]!)).toEqual(snapshotOutput(without.mechanisms[1]!));
    });

    it('splits by the given u16 parts', () => {
      const subnet = runSubnetEpoch(2, 1000n, inputsFor, { emissionSplitU16: [16384, 49151] });
      // floor(1000·16384/65535) = 250 and floor(1000·49151/65535) = 749; the spare rao goes to mechanism 0.
      expect(subnet.mechanismEmissionRao).toEqual([251n, 749n]);
    });
  });
});
