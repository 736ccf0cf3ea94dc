/**
 * Conformance kind `epoch_schedule` (shared/spec/conformance.md §13): the epoch scheduler of
 * `drain_pending` replayed on a set of subnets — `query` (blocks until the next epoch), `drain`
 * (one block of the scheduler at a given block) and `advance` (one drain per new block) — checking
 * which epochs ran, what they drained and the scheduler fields after each step.
 */
import { blocksUntilNextEpoch, drainDueEpochs, type DrainedEpoch } from '../../consensus/coinbase/epochSchedule.ts';
import { newSubnetEconomy, type SubnetEconomy } from '../../consensus/coinbase/subnetEconomy.ts';
import {
  CaseFormatError,
  arrayField,
  bigintField,
  boolField,
  formatValue,
  integerWithin,
  numberField,
  objectField,
  parseTolerance,
  type Failure,
} from './expectations.ts';

interface ScheduleState {
  block: bigint;
  maxEpochsPerBlock: number;
  subnets: SubnetEconomy[];
}

/** What one op produced, in the case's field names. */
interface StepResult {
  blocksUntilNextEpoch?: bigint;
  ran: number[];
  ranCount: number;
  deferredCount: number;
  drained: Map<number, DrainedEpoch>;
}

/** Scheduler fields of an `epoch_schedule` subnet and how each is read back. */
const SUBNET_FIELDS: Readonly<Record<string, (s: SubnetEconomy) => bigint | boolean>> = {
  tempo: (s) => BigInt(s.tempoBlocks),
  last_epoch_block: (s) => s.lastEpochBlock,
  pending_epoch_at: (s) => s.pendingEpochAt,
  blocks_since_last_step: (s) => s.blocksSinceLastStep,
  epoch_index: (s) => s.epochIndex,
  hotkeys_consistent: (s) => s.hotkeysConsistent,
  pending_server: (s) => s.pendingServerRao,
  pending_validator: (s) => s.pendingValidatorRao,
  pending_root: (s) => s.pendingRootRao,
  pending_owner_cut: (s) => s.pendingOwnerCutRao,
};

function parseSubnet(raw: unknown, what: string): SubnetEconomy {
  const o = objectField(raw, what);
  const s = newSubnetEconomy({ netuid: numberField(o.netuid, `${what}.netuid`) });
  s.tempoBlocks = numberField(o.tempo, `${what}.tempo`);
  s.lastEpochBlock = bigintField(o.last_epoch_block, `${what}.last_epoch_block`);
  s.pendingEpochAt = bigintField(o.pending_epoch_at, `${what}.pending_epoch_at`);
  s.blocksSinceLastStep = bigintField(o.blocks_since_last_step, `${what}.blocks_since_last_step`);
  s.epochIndex = bigintField(o.epoch_index, `${what}.epoch_index`);
  s.hotkeysConsistent = boolField(o.hotkeys_consistent, `${what}.hotkeys_consistent`);
  s.pendingServerRao = bigintField(o.pending_server, `${what}.pending_server`);
  s.pendingValidatorRao = bigintField(o.pending_validator, `${what}.pending_validator`);
  s.pendingRootRao = bigintField(o.pending_root, `${what}.pending_root`);
  s.pendingOwnerCutRao = bigintField(o.pending_owner_cut, `${what}.pending_owner_cut`);
  return s;
}

function subnetOf(state: ScheduleState, netuid: number, what: string): SubnetEconomy {
  const s = state.subnets.find((x) => x.netuid === netuid);
  if (s === undefined) throw new CaseFormatError(`${what}: no subnet ${netuid}`);
  return s;
}

function drainOneBlock(state: ScheduleState, block: bigint, result: StepResult): void {
  state.block = block;
  const r = drainDueEpochs(state.subnets, block, state.maxEpochsPerBlock);
  for (const d of r.ran) {
    result.ran.push(d.netuid);
    result.drained.set(d.netuid, d);
  }
  result.ranCount += r.ran.length;
  result.deferredCount += r.deferred.length;
}

function applyOp(state: ScheduleState, op: Record<string, unknown>, what: string): StepResult {
  const result: StepResult = { ran: [], ranCount: 0, deferredCount: 0, drained: new Map() };
  switch (op.op) {
    case 'query': {
      const s = subnetOf(state, numberField(op.netuid, `${what}.netuid`), what);
      const tempo = op.tempo === undefined ? s.tempoBlocks : numberField(op.tempo, `${what}.tempo`);
      const at = op.at_block === undefined ? state.block : bigintField(op.at_block, `${what}.at_block`);
      result.blocksUntilNextEpoch = blocksUntilNextEpoch(s.lastEpochBlock, tempo, at);
      return result;
    }
    case 'drain':
      drainOneBlock(state, bigintField(op.at_block, `${what}.at_block`), result);
      return result;
    case 'advance': {
      const blocks = bigintField(op.blocks, `${what}.blocks`);
      // Counts and `ran` accumulate over the blocks; `drained` keeps each subnet's last drain.
      for (let k = 0n; k < blocks; k++) drainOneBlock(state, state.block + 1n, result);
      return result;
    }
    default:
      throw new CaseFormatError(`${what}: unknown op ${JSON.stringify(op.op)}`);
  }
}

function checkStep(state: ScheduleState, result: StepResult, expect: Record<string, unknown>, what: string, failures: Failure[]): void {
  const fail = (field: string, index: string, expected: unknown, got: unknown): void => {
    failures.push({ field: `${what}.${field}`, index, expected: formatValue(expected), got: formatValue(got) });
  };
  for (const [field, leaf] of Object.entries(expect)) {
    if (field === 'subnets') {
      for (const [netuid, fields] of Object.entries(objectField(leaf, `${what}.subnets`))) {
        const s = subnetOf(state, Number(netuid), `${what}.subnets`);
        for (const [name, l] of Object.entries(objectField(fields, `${what}.subnets.${netuid}`))) {
          const read = SUBNET_FIELDS[name];
          if (read === undefined) throw new CaseFormatError(`${what}.subnets.${netuid}: unknown field '${name}'`);
          const { value, tolerance } = objectField(l, `${what}.subnets.${netuid}.${name}`);
          const got = read(s);
          const ok =
            typeof got === 'boolean'
              ? got === boolField(value, name)
              : integerWithin(got, bigintField(value, name), parseTolerance(tolerance));
          if (!ok) fail(`subnets.${netuid}.${name}`, '', value, got);
        }
      }
      continue;
    }
    const { value, tolerance } = objectField(leaf, `${what}.${field}`);
    const tol = parseTolerance(tolerance);
    switch (field) {
      case 'blocks_until_next_epoch': {
        const got = result.blocksUntilNextEpoch;
        const e = bigintField(value, field);
        if (got === undefined || !integerWithin(got, e, tol)) fail(field, '', e, got ?? 'no query in this step');
        break;
      }
      case 'ran': {
        const e = arrayField(value, field).map((x) => numberField(x, field));
        if (formatValue(e) !== formatValue(result.ran)) fail(field, '', e, result.ran);
        break;
      }
      case 'ran_count':
        if (!integerWithin(BigInt(result.ranCount), BigInt(numberField(value, field)), tol)) fail(field, '', value, result.ranCount);
        break;
      case 'deferred_count':
        if (!integerWithin(BigInt(result.deferredCount), BigInt(numberField(value, field)), tol)) fail(field, '', value, result.deferredCount);
        break;
      case 'drained':
        for (const [netuid, amounts] of Object.entries(objectField(value, field))) {
          const e = arrayField(amounts, `${field}.${netuid}`).map((x) => bigintField(x, `${field}.${netuid}`));
          const d = result.drained.get(Number(netuid));
          const got = d === undefined ? null : [d.serverRao, d.validatorRao, d.rootRao, d.ownerCutRao];
          const ok = got !== null && e.length === 4 && e.every((x, k) => integerWithin(got[k]!, x, tol));
          if (!ok) fail(field, netuid, e, got ?? 'not drained');
        }
        break;
      default:
        throw new CaseFormatError(`${what}: unknown expectation '${field}'`);
    }
  }
}

export function runEpochScheduleCase(c: Record<string, unknown>): Failure[] {
  const st = objectField(c.state, 'state');
  const state: ScheduleState = {
    block: bigintField(st.block, 'state.block'),
    maxEpochsPerBlock: numberField(st.max_epochs_per_block, 'state.max_epochs_per_block'),
    subnets: arrayField(st.subnets, 'state.subnets').map((s, i) => parseSubnet(s, `state.subnets[${i}]`)),
  };
  const failures: Failure[] = [];
  arrayField(c.steps, 'steps').forEach((raw, k) => {
    const what = `steps[${k}]`;
    const op = objectField(raw, what);
    const result = applyOp(state, op, what);
    if (op.expect !== undefined) checkStep(state, result, objectField(op.expect, `${what}.expect`), what, failures);
  });
  return failures;
}
