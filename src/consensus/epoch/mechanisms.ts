/**
 * Mechanisms (sub-subnets): one epoch per mechanism, each on its own weights and bonds, sharing
 * stake and permits, with the subnet's epoch emission split between them and the results merged
 * (spec/yuma.md §0.3; subtensor `subnets/mechanism.rs::{split_emissions, epoch_with_mechanisms,
 * weighted_acc_u16}`, commit 14bc6f9f). With one mechanism the merge is the identity.
 *
 * The conformance suite has no case that merges several mechanisms; the merge follows the spec's
 * description and is covered by unit tests of its arithmetic only.
 */
import { assert } from '../../primitives/assert.ts';
import { runEpoch, type EpochOptions } from './runEpoch.ts';
import type { EpochInputs, EpochOutput } from './types.ts';

/**
 * `split_emissions`: with a split (u16 parts summing to 65535) each mechanism gets
 * floor(E·part/65535), else floor(E/count); the rounding remainder goes to mechanism 0.
 */
export function splitEmission(emissionRao: bigint, count: number, splitU16?: readonly number[]): bigint[] {
  assert(Number.isInteger(count) && count >= 1, `mechanism count must be ≥ 1, got ${count}`);
  let parts: bigint[];
  if (splitU16 !== undefined && splitU16.length > 0) {
    assert(splitU16.length === count, `mechanism emission split needs ${count} parts, got ${splitU16.length}`);
    const total = splitU16.reduce((a, b) => a + b, 0);
    assert(total === 65535, `mechanism emission split must sum to 65535, got ${total}`);
    parts = splitU16.map((p) => (emissionRao * BigInt(p)) / 65535n);
  } else {
    parts = Array.from({ length: count }, () => emissionRao / BigInt(count));
  }
  const assigned = parts.reduce((a, b) => a + b, 0n);
  parts[0] = parts[0]! + (emissionRao - assigned);
  return parts;
}

const TWO_64 = 1n << 64n;

/**
 * `weighted_acc_u16(existing, added, weight)`: existing + floor(added · weight) in U64F64,
 * saturating to u16, with weight = E_m / E (U64F64 quotient, 0 when E = 0).
 */
export function weightedAccU16(existing: number, added: number, weightU64F64: bigint): number {
  const v = BigInt(existing) + (BigInt(added) * weightU64F64) / TWO_64;
  return v > 65535n ? 65535 : Number(v);
}

export function mechanismWeightU64F64(mechanismEmissionRao: bigint, totalEmissionRao: bigint): bigint {
  return totalEmissionRao === 0n ? 0n : (mechanismEmissionRao << 64n) / totalEmissionRao;
}

export interface SubnetEpochOutput {
  readonly mechanisms: readonly EpochOutput[];
  readonly mechanismEmissionRao: readonly bigint[];
  readonly n: number;
  readonly active: readonly boolean[];
  readonly newValidatorPermit: readonly boolean[];
  readonly stakeWeightU16: Uint16Array;
  readonly consensusU16: Uint16Array;
  readonly dividendsU16: Uint16Array;
  readonly validatorTrustU16: Uint16Array;
  /** Per mechanism, as stored (`Incentive` is indexed by mechanism). */
  readonly incentiveU16: readonly Uint16Array[];
  readonly serverEmissionRao: readonly bigint[];
  readonly validatorEmissionRao: readonly bigint[];
  readonly emissionRao: readonly bigint[];
}

/**
 * Runs every mechanism's epoch and merges the outputs. `inputsFor(m, emission)` gathers the
 * inputs of mechanism m for its share of the emission.
 */
export function runSubnetEpoch(
  mechanismCount: number,
  emissionRao: bigint,
  inputsFor: (mechanism: number, emissionRao: bigint) => EpochInputs,
  options: EpochOptions & { readonly emissionSplitU16?: readonly number[] } = {},
): SubnetEpochOutput {
  const shares = splitEmission(emissionRao, mechanismCount, options.emissionSplitU16);
  // A shared workspace would be reset between mechanisms, invalidating earlier outputs.
  const { workspace, emissionSplitU16: _split, ...rest } = options;
  const perMechanism: EpochOptions = mechanismCount === 1 && workspace !== undefined ? { ...rest, workspace } : rest;
  const outputs = shares.map((e, m) => runEpoch(inputsFor(m, e), perMechanism));
  const n = outputs[0]!.n;
  if (mechanismCount === 1) {
    // One mechanism: the merge is the identity (spec/yuma.md §0.3).
    const o = outputs[0]!;
    return { ...o, mechanisms: outputs, mechanismEmissionRao: shares, incentiveU16: [o.incentiveU16] };
  }
  for (const o of outputs) assert(o.n === n, 'mechanisms must share the subnet size');
  const active = new Array<boolean>(n).fill(false);
  const permit = new Array<boolean>(n).fill(false);
  const stakeWeight = new Uint16Array(n);
  const consensus = new Uint16Array(n);
  const dividends = new Uint16Array(n);
  const trust = new Uint16Array(n);
  const server = new Array<bigint>(n).fill(0n);
  const validator = new Array<bigint>(n).fill(0n);
  const combined = new Array<bigint>(n).fill(0n);
  outputs.forEach((o, m) => {
    const weight = mechanismWeightU64F64(shares[m]!, emissionRao);
    for (let i = 0; i < n; i++) {
      active[i] = active[i]! || o.active[i]!;
      permit[i] = permit[i]! || o.newValidatorPermit[i]!;
      stakeWeight[i] = weightedAccU16(stakeWeight[i]!, o.stakeWeightU16[i]!, weight);
      consensus[i] = weightedAccU16(consensus[i]!, o.consensusU16[i]!, weight);
      dividends[i] = weightedAccU16(dividends[i]!, o.dividendsU16[i]!, weight);
      trust[i] = weightedAccU16(trust[i]!, o.validatorTrustU16[i]!, weight);
      server[i] = server[i]! + o.serverEmissionRao[i]!;
      validator[i] = validator[i]! + o.validatorEmissionRao[i]!;
      // spec/yuma.md §0.3: the stored combined emission is the weighted sum as well.
      combined[i] = combined[i]! + (o.emissionRao[i]! * weight) / TWO_64;
    }
  });
  return {
    mechanisms: outputs,
    mechanismEmissionRao: shares,
    n,
    active,
    newValidatorPermit: permit,
    stakeWeightU16: stakeWeight,
    consensusU16: consensus,
    dividendsU16: dividends,
    validatorTrustU16: trust,
    incentiveU16: outputs.map((o) => o.incentiveU16),
    serverEmissionRao: server,
    validatorEmissionRao: validator,
    emissionRao: combined,
  };
}
