/**
 * Runs one conformance case of any kind. A case of a kind yumalab does not implement yet is a
 * failure, never a skip (shared/spec/conformance.md).
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { AssertionError } from '../../primitives/assert.ts';
import { runBlockEmissionCase } from './blockEmissionCase.ts';
import { runCoinbaseCase } from './coinbaseCase.ts';
import { runEpochCase } from './epochCase.ts';
import { runEpochScheduleCase } from './epochScheduleCase.ts';
import { CaseFormatError, type Failure } from './expectations.ts';
import { runMathCase } from './mathCase.ts';
import { runNetworkRegistrationCase } from './networkRegistrationCase.ts';
import { runRegistrationBurnCase } from './registrationBurnCase.ts';
import { runSubnetEmissionSharesCase } from './subnetEmissionSharesCase.ts';
import { runSwapCase } from './swapCase.ts';
import { runUidPruneCase } from './uidPruneCase.ts';

export const CONFORMANCE_FORMAT = 'yumalab.conformance/1';

export interface CaseResult {
  readonly id: string;
  readonly file: string;
  readonly kind: string;
  readonly passed: boolean;
  readonly failures: readonly Failure[];
  /** Set when the case could not be run at all (unreadable, malformed, unimplemented kind). */
  readonly error?: string;
}

type CaseRunner = (c: Record<string, unknown>, mode: NumericMode) => Failure[];

const RUNNERS: Readonly<Record<string, CaseRunner>> = {
  epoch: runEpochCase,
  math: (c) => runMathCase(c),
  block_emission: (c) => runBlockEmissionCase(c),
  registration_burn: (c) => runRegistrationBurnCase(c),
  uid_prune: (c) => runUidPruneCase(c),
  network_registration: (c) => runNetworkRegistrationCase(c),
  swap: runSwapCase,
  coinbase: runCoinbaseCase,
  epoch_schedule: (c) => runEpochScheduleCase(c),
  subnet_emission_shares: runSubnetEmissionSharesCase,
};

export function implementedKinds(): string[] {
  return Object.keys(RUNNERS).sort();
}

export function runConformanceCase(c: unknown, file: string, mode: NumericMode): CaseResult {
  const obj = typeof c === 'object' && c !== null && !Array.isArray(c) ? (c as Record<string, unknown>) : {};
  const id = typeof obj.id === 'string' ? obj.id : file;
  const kind = typeof obj.kind === 'string' ? obj.kind : '?';
  const failed = (error: string): CaseResult => ({ id, file, kind, passed: false, failures: [], error });
  if (obj.format !== CONFORMANCE_FORMAT) return failed(`unknown format ${JSON.stringify(obj.format)} (expected ${CONFORMANCE_FORMAT})`);
  const runner = RUNNERS[kind];
  if (runner === undefined) return failed(`kind '${kind}' is not implemented yet (implemented: ${implementedKinds().join(', ')})`);
  try {
    const failures = runner(obj, mode);
    return { id, file, kind, passed: failures.length === 0, failures };
  } catch (e) {
    if (e instanceof CaseFormatError) return failed(`malformed case: ${e.message}`);
    if (e instanceof AssertionError) return failed(`internal assertion failed: ${e.message}`);
    throw e;
  }
}

/** The CLI's line for a result: `PASS id` or `FAIL id: field, index, expected, got`. */
export function formatCaseResult(r: CaseResult): string {
  if (r.passed) return `PASS ${r.id}`;
  if (r.error !== undefined) return `FAIL ${r.id}: ${r.error}`;
  const lines = r.failures.map((f) => `FAIL ${r.id}: ${f.field}, ${f.index === '' ? '-' : f.index}, expected ${f.expected}, got ${f.got}`);
  return lines.join('\n');
}
