/**
 * Conformance kind `subnet_emission_shares` (shared/spec/conformance.md §9): rule 2 of the coinbase
 * on the listed subnets, all eligible — each subnet's share of the block's TAO (U64F64) and its
 * TAO emission (U96F32). Chain: pallets/subtensor/src/coinbase/subnet_emissions.rs at 14bc6f9.
 *
 * In `float` mode the float64 path is compared against the same raws (converted exactly from the
 * float values), so the case's tolerance decides whether the float path is close enough.
 */
import { defaultCoinbaseGlobals } from '../../consensus/coinbase/subnetEconomy.ts';
import { subnetBlockEmissionsFloat, subnetBlockEmissionsU96F32 } from '../../consensus/coinbase/subnetBlockEmissions.ts';
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { parseCoinbaseSubnet } from './coinbaseState.ts';
import { CaseFormatError, arrayField, bigintField, fixedWithin, objectField, parseTolerance, type Failure } from './expectations.ts';

const SHARE_FRAC_BITS = 64;
const EMISSION_FRAC_BITS = 32;

/** A float value as the nearest fixed-point raw with `fracBits` fraction bits. */
function floatToRaw(x: number, fracBits: number): bigint {
  if (!Number.isFinite(x) || x <= 0) return 0n;
  // Scaling by a power of two is exact in a double; only the rounding to an integer loses anything.
  return BigInt(Math.round(x * 2 ** fracBits));
}

export function runSubnetEmissionSharesCase(c: Record<string, unknown>, mode: NumericMode): Failure[] {
  const subnets = arrayField(c.subnets, 'subnets').map((s, i) => parseCoinbaseSubnet(s, `subnets[${i}]`));
  subnets.sort((a, b) => a.netuid - b.netuid);
  const blockEmissionRao = bigintField(c.block_emission_rao, 'block_emission_rao');
  const globals = defaultCoinbaseGlobals();

  let shares: bigint[];
  let emissions: bigint[];
  if (mode === 'chain') {
    ({ shares, emissions } = subnetBlockEmissionsU96F32(globals, subnets, blockEmissionRao));
  } else {
    const out = subnetBlockEmissionsFloat(globals, subnets, Number(blockEmissionRao), new Float64Array(subnets.length));
    emissions = Array.from(out, (e) => floatToRaw(e, EMISSION_FRAC_BITS));
    const total = Number(blockEmissionRao);
    shares = Array.from(out, (e) => (total > 0 ? floatToRaw(e / total, SHARE_FRAC_BITS) : 0n));
  }

  const expect = objectField(c.expect, 'expect');
  const failures: Failure[] = [];
  const fields: Array<[string, bigint[], number]> = [
    ['shares', shares, SHARE_FRAC_BITS],
    ['emissions', emissions, EMISSION_FRAC_BITS],
  ];
  let checked = 0;
  for (const [field, got, fracBits] of fields) {
    if (expect[field] === undefined) continue;
    checked++;
    for (const [netuid, rawLeaf] of Object.entries(objectField(expect[field], `expect.${field}`))) {
      const leaf = objectField(rawLeaf, `expect.${field}.${netuid}`);
      const i = subnets.findIndex((s) => String(s.netuid) === netuid);
      if (i < 0) throw new CaseFormatError(`expect.${field}.${netuid}: no such subnet in the case`);
      const expected = bigintField(leaf.value, `expect.${field}.${netuid}.value`);
      const actual = got[i]!;
      if (!fixedWithin(actual, expected, fracBits, parseTolerance(leaf.tolerance))) {
        failures.push({ field, index: netuid, expected: expected.toString(), got: actual.toString() });
      }
    }
  }
  const unknown = Object.keys(expect).filter((k) => k !== 'shares' && k !== 'emissions');
  if (unknown.length > 0) throw new CaseFormatError(`expect.${unknown[0]}: unknown expectation (expected shares or emissions)`);
  if (checked === 0) throw new CaseFormatError('expect: names neither shares nor emissions');
  return failures;
}
