/**
 * Conformance kind `registration_burn` (shared/spec/conformance.md §10): one subnet's neuron
 * registration price replayed through block advances (per-block decay), registrations (pay, recycle,
 * bump) and bare bumps, checking `burn`, `burn_paid` and `rao_recycled` after each op.
 */
import {
  bumpBurnRao,
  decayBurnRao,
  registerNeuron,
  type RegistrationBurnParams,
  type RegistrationBurnState,
} from '../../consensus/subnets/registrationBurn.ts';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  integerWithin,
  numberField,
  objectField,
  parseTolerance,
  type Failure,
} from './expectations.ts';

const EXPECTABLE = ['burn', 'burn_paid', 'rao_recycled'] as const;

export function runRegistrationBurnCase(c: Record<string, unknown>): Failure[] {
  const s = objectField(c.state, 'state');
  const halfLife = numberField(s.burn_half_life, 'state.burn_half_life');
  if (!Number.isInteger(halfLife) || halfLife < 0 || halfLife > 65535) throw new CaseFormatError(`state.burn_half_life: not a u16: ${halfLife}`);
  const params: RegistrationBurnParams = {
    minBurnRao: bigintField(s.min_burn, 'state.min_burn'),
    maxBurnRao: bigintField(s.max_burn, 'state.max_burn'),
    burnHalfLifeBlocks: halfLife,
    burnIncreaseMultU64F64: bigintField(s.burn_increase_mult, 'state.burn_increase_mult'),
  };
  let block = bigintField(s.block, 'state.block');
  let state: RegistrationBurnState = {
    burnRao: bigintField(s.burn, 'state.burn'),
    raoRecycledRao: bigintField(s.rao_recycled, 'state.rao_recycled'),
  };
  const failures: Failure[] = [];
  arrayField(c.steps, 'steps').forEach((raw, k) => {
    const step = objectField(raw, `steps[${k}]`);
    let burnPaid: bigint | null = null;
    switch (step.op) {
      case 'advance_blocks': {
        const blocks = numberField(step.blocks, `steps[${k}].blocks`);
        if (!Number.isSafeInteger(blocks) || blocks < 0) throw new CaseFormatError(`steps[${k}].blocks: not a block count: ${blocks}`);
        for (let i = 0; i < blocks; i++) {
          block += 1n;
          state = { ...state, burnRao: decayBurnRao(state.burnRao, block, params) };
        }
        break;
      }
      case 'register': {
        const r = registerNeuron(state, params);
        state = r.state;
        burnPaid = r.burnPaidRao;
        break;
      }
      case 'bump':
        state = { ...state, burnRao: bumpBurnRao(state.burnRao, params) };
        break;
      default:
        throw new CaseFormatError(`steps[${k}]: unknown op ${JSON.stringify(step.op)}`);
    }
    if (step.expect === undefined) return;
    const expect = objectField(step.expect, `steps[${k}].expect`);
    const got: Record<(typeof EXPECTABLE)[number], bigint | null> = { burn: state.burnRao, burn_paid: burnPaid, rao_recycled: state.raoRecycledRao };
    for (const [field, leafRaw] of Object.entries(expect)) {
      if (!(EXPECTABLE as readonly string[]).includes(field)) throw new CaseFormatError(`steps[${k}].expect: unknown field '${field}'`);
      const leaf = objectField(leafRaw, `steps[${k}].expect.${field}`);
      const expected = bigintField(leaf.value, `steps[${k}].expect.${field}.value`);
      const actual = got[field as (typeof EXPECTABLE)[number]];
      const index = `steps[${k}]`;
      if (actual === null) failures.push({ field, index, expected: expected.toString(), got: `none (op ${String(step.op)} pays nothing)` });
      else if (!integerWithin(actual, expected, parseTolerance(leaf.tolerance))) failures.push({ field, index, expected: expected.toString(), got: actual.toString() });
    }
  });
  return failures;
}
