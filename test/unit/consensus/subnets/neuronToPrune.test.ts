import { describe, expect, it } from 'vitest';
import { immuneOwnerHotkeys, neuronToPrune, type NeuronToPruneInput, type PruneCandidate } from '../../../../src/consensus/subnets/neuronToPrune.ts';

function nrn(uid: number, blockAtRegistration: bigint, emissionRao: bigint, hotkey = `hk${uid}`): PruneCandidate {
  return { uid, hotkey, blockAtRegistration, emissionRao };
}

function input(neurons: PruneCandidate[], over: Partial<NeuronToPruneInput> = {}): NeuronToPruneInput {
  return { block: 10_000n, immunityPeriodBlocks: 5_000n, minNonImmuneUids: 0, immuneOwnerUidsLimit: 1, subnetOwnerHotkey: null, ownerColdkeyHotkeys: [], neurons, ...over };
}

describe('neuronToPrune', () => {
  it('picks the non-immune UID with the lowest emission', () => {
    expect(neuronToPrune(input([nrn(0, 0n, 50n), nrn(1, 0n, 10n), nrn(2, 0n, 30n)]))).toBe(1);
  });

  it('breaks emission ties by earliest registration, then by lowest UID', () => {
    expect(neuronToPrune(input([nrn(0, 300n, 10n), nrn(1, 200n, 10n), nrn(2, 200n, 10n)]))).toBe(1);
  });

  it('prefers any non-immune UID over a lower-emission immune one while more than MinNonImmuneUids are non-immune', () => {
    const ns = [nrn(0, 9_000n, 0n), nrn(1, 0n, 99n), nrn(2, 0n, 98n)];
    expect(neuronToPrune(input(ns, { minNonImmuneUids: 1 }))).toBe(2);
    // With only 2 non-immune UIDs and MinNonImmuneUids = 2, the choice falls back to the immune set.
    expect(neuronToPrune(input(ns, { minNonImmuneUids: 2 }))).toBe(0);
  });

  it('never picks the subnet owner hotkey, even with the lowest emission', () => {
    const ns = [nrn(0, 0n, 0n, 'owner'), nrn(1, 0n, 5n)];
    expect(neuronToPrune(input(ns, { subnetOwnerHotkey: 'owner' }))).toBe(1);
  });

  it('protects the owner coldkey’s oldest hotkeys up to ImmuneOwnerUidsLimit', () => {
    const ns = [nrn(0, 50n, 0n, 'a'), nrn(1, 20n, 0n, 'b'), nrn(2, 30n, 0n, 'c'), nrn(3, 0n, 9n)];
    const o = { ownerColdkeyHotkeys: ['a', 'b', 'c'], immuneOwnerUidsLimit: 2 };
    expect(immuneOwnerHotkeys(input(ns, o))).toEqual(['b', 'c']);
    expect(neuronToPrune(input(ns, o))).toBe(0);
  });

  it('puts the subnet owner hotkey first and cuts the list to the limit', () => {
    const ns = [nrn(0, 50n, 0n, 'owner'), nrn(1, 20n, 0n, 'b'), nrn(2, 30n, 0n, 'c')];
    expect(immuneOwnerHotkeys(input(ns, { subnetOwnerHotkey: 'owner', ownerColdkeyHotkeys: ['b', 'c'], immuneOwnerUidsLimit: 2 }))).toEqual(['owner', 'b']);
    expect(immuneOwnerHotkeys(input(ns, { subnetOwnerHotkey: 'gone', ownerColdkeyHotkeys: ['b', 'c'], immuneOwnerUidsLimit: 1 }))).toEqual(['b']);
  });

  it('returns null when every UID is owner-immortal, or there are none', () => {
    expect(neuronToPrune(input([nrn(0, 0n, 0n, 'owner')], { subnetOwnerHotkey: 'owner' }))).toBeNull();
    expect(neuronToPrune(input([]))).toBeNull();
  });

  it('counts a registration in the future as age 0 (immune)', () => {
    expect(neuronToPrune(input([nrn(0, 20_000n, 0n), nrn(1, 0n, 5n)], { minNonImmuneUids: 0 }))).toBe(1);
  });
});
