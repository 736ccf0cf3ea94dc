/**
 * Conformance kind `uid_prune` (shared/spec/conformance.md §11): which UID a registration into a full
 * subnet replaces, given registration blocks, emissions, immunity and the owner's immortal hotkeys.
 */
import { neuronToPrune, type PruneCandidate } from '../../consensus/subnets/neuronToPrune.ts';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  formatValue,
  numberField,
  objectField,
  parseTolerance,
  type Failure,
} from './expectations.ts';

function nonNegativeInt(v: unknown, what: string): number {
  const x = numberField(v, what);
  if (!Number.isSafeInteger(x) || x < 0) throw new CaseFormatError(`${what}: expected a non-negative integer, got ${x}`);
  return x;
}

function stringField(v: unknown, what: string): string {
  if (typeof v === 'string') return v;
  throw new CaseFormatError(`${what}: expected a string, got ${JSON.stringify(v)}`);
}

export function runUidPruneCase(c: Record<string, unknown>): Failure[] {
  const s = objectField(c.state, 'state');
  const neurons: PruneCandidate[] = arrayField(s.neurons, 'state.neurons').map((raw, i) => {
    const nrn = objectField(raw, `state.neurons[${i}]`);
    return {
      uid: nonNegativeInt(nrn.uid, `state.neurons[${i}].uid`),
      hotkey: stringField(nrn.hotkey, `state.neurons[${i}].hotkey`),
      blockAtRegistration: bigintField(nrn.block_at_registration, `state.neurons[${i}].block_at_registration`),
      emissionRao: bigintField(nrn.emission, `state.neurons[${i}].emission`),
    };
  });
  const got = neuronToPrune({
    block: bigintField(s.block, 'state.block'),
    immunityPeriodBlocks: bigintField(s.immunity_period, 'state.immunity_period'),
    minNonImmuneUids: nonNegativeInt(s.min_non_immune_uids, 'state.min_non_immune_uids'),
    immuneOwnerUidsLimit: nonNegativeInt(s.immune_owner_uids_limit, 'state.immune_owner_uids_limit'),
    subnetOwnerHotkey: s.subnet_owner_hotkey === null ? null : stringField(s.subnet_owner_hotkey, 'state.subnet_owner_hotkey'),
    ownerColdkeyHotkeys: arrayField(s.owner_coldkey_hotkeys, 'state.owner_coldkey_hotkeys').map((hk, i) => stringField(hk, `state.owner_coldkey_hotkeys[${i}]`)),
    neurons,
  });
  const expect = objectField(c.expect, 'expect');
  const leaf = objectField(expect.prune_uid, 'expect.prune_uid');
  if (parseTolerance(leaf.tolerance).kind !== 'exact') throw new CaseFormatError('expect.prune_uid: a UID is compared exactly');
  const expected = leaf.value === null ? null : nonNegativeInt(leaf.value, 'expect.prune_uid.value');
  return expected === got ? [] : [{ field: 'prune_uid', index: '', expected: formatValue(expected), got: formatValue(got) }];
}
