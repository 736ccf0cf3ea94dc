/**
 * Conformance kind `epoch` (shared/spec/conformance.md §4): one subnet replayed step by step —
 * weight sets, state edits, re-registrations, bond resets — with sparse Yuma epochs, checking
 * outputs, stored bonds, weights and traces after each step.
 */
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import { arithmeticFor } from '../../consensus/epoch/runEpoch.ts';
import { checkExpectations } from './epochExpectations.ts';
import { applyOp, initialState, parseEpochHyperparameters, snapshotRows, type ReplayContext, type StepRecord } from './epochReplay.ts';
import { CaseFormatError, arrayField, boolField, objectField, safeIntField, type Failure } from './expectations.ts';

export function runEpochCase(c: Record<string, unknown>, mode: NumericMode): Failure[] {
  // Validate the backend name early (throws for an unknown mode).
  arithmeticFor(mode);
  const hp = objectField(c.hyperparameters, 'hyperparameters');
  const ctx: ReplayContext = {
    h: parseEpochHyperparameters(hp),
    bondsResetOn: boolField(hp.bonds_reset_on, 'hyperparameters.bonds_reset_on'),
    mode,
  };
  const s = initialState(objectField(c.state, 'state'));
  const failures: Failure[] = [];
  const history: StepRecord[] = [];
  arrayField(c.steps, 'steps').forEach((raw, k) => {
    const step = objectField(raw, `steps[${k}]`);
    const block = safeIntField(step.block, `steps[${k}].block`);
    if (block < s.block) throw new CaseFormatError(`steps[${k}].block goes backwards`);
    s.block = block;
    const rec: StepRecord = { epochRan: null, output: null, merged: null, bonds: new Map(), weights: new Map() };
    for (const op of arrayField(step.ops, `steps[${k}].ops`)) applyOp(s, ctx, objectField(op, `steps[${k}].ops[]`), rec);
    rec.bonds = snapshotRows(s.mechanisms[0]?.bonds ?? new Map());
    rec.weights = snapshotRows(s.mechanisms[0]?.weights ?? new Map());
    history.push(rec);
    if (step.expect !== undefined) checkExpectations(k, objectField(step.expect, `steps[${k}].expect`), rec, history, failures);
  });
  return failures;
}
