/**
 * Conformance kind `block_emission` (shared/spec/conformance.md §6): the halving law E(I) at
 * listed issuances, notably on both sides of every halving threshold.
 */
import { blockEmissionForIssuanceRao } from '../../consensus/supply/blockEmission.ts';
import { CaseFormatError, arrayField, bigintField, integerWithin, objectField, parseTolerance, type Failure } from './expectations.ts';

export function runBlockEmissionCase(c: Record<string, unknown>): Failure[] {
  const failures: Failure[] = [];
  arrayField(c.points, 'points').forEach((raw, i) => {
    const point = objectField(raw, `points[${i}]`);
    const issuance = bigintField(point.issuance_rao, `points[${i}].issuance_rao`);
    if (issuance < 0n) throw new CaseFormatError(`points[${i}].issuance_rao: negative issuance ${issuance}`);
    const leaf = objectField(objectField(point.expect, `points[${i}].expect`).emission_rao, `points[${i}].expect.emission_rao`);
    const expected = bigintField(leaf.value, `points[${i}].expect.emission_rao.value`);
    const got = blockEmissionForIssuanceRao(issuance);
    if (!integerWithin(got, expected, parseTolerance(leaf.tolerance))) {
      failures.push({ field: 'emission_rao', index: `issuance ${issuance}`, expected: expected.toString(), got: got.toString() });
    }
  });
  return failures;
}
