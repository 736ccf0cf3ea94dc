/**
 * The input of `yumalab epoch <state.json>`: one subnet's state in the shape of the conformance
 * `epoch` kind (shared/spec/conformance.md §4), for users who want to check a chain state by hand.
 *
 *   { "hyperparameters": {...}, "state": {...}, "emission_rao": "1000000000", "mechanism": 0 }
 *
 * A conformance epoch case file is accepted too (its hyperparameters and initial state are used).
 * Hyperparameters may be omitted; missing ones take the values a new subnet gets on chain.
 */
import { z } from 'zod';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS as D } from '../../consensus/epoch/defaults.ts';
import type { EpochHyperparameters, EpochInputs } from '../../consensus/epoch/types.ts';
import { gatherInputs, initialState, parseEpochHyperparameters } from '../conformance/epochReplay.ts';
import { InputError, parseStructuredFile, validateWith } from './readStructuredFile.ts';

const U64_MAX = (1n << 64n) - 1n;

/** A u64 written as a decimal string or a JSON integer (safe range only). */
const u64 = z.union([
  z.string().regex(/^\d+$/, 'expected a non-negative integer in decimal').refine((s) => BigInt(s) <= U64_MAX, 'exceeds u64'),
  z
    .number()
    .int('expected an integer')
    .nonnegative('expected a non-negative integer')
    .refine((n) => Number.isSafeInteger(n), 'integers above 2^53 must be written as strings'),
]);
/** Block numbers and similar u64 values the simulator keeps as safe integers. */
const blockNumber = u64.refine((v) => BigInt(v) <= BigInt(Number.MAX_SAFE_INTEGER), 'exceeds 2^53 − 1');
const u16 = z.number().int('expected an integer').min(0, 'expected a u16 (0..65535)').max(65535, 'expected a u16 (0..65535)');
const i16 = z.number().int('expected an integer').min(-32768, 'expected an i16').max(32767, 'expected an i16');
const uid = u16;
const row = z.array(z.tuple([uid, u16]));
const rows = z.record(z.string().regex(/^\d+$/, 'expected a uid'), row);

const hyperparametersSchema = z.strictObject({
  tempo: u16.optional(),
  kappa: u16.optional(),
  bonds_penalty: u16.optional(),
  bonds_moving_average: blockNumber.optional(),
  yuma3_on: z.boolean().optional(),
  liquid_alpha_on: z.boolean().optional(),
  alpha_values: z.tuple([u16, u16]).optional(),
  alpha_sigmoid_steepness: i16.optional(),
  activity_cutoff_factor_milli: z.number().int().min(0).max(4294967295).optional(),
  max_allowed_validators: u16.optional(),
  commit_reveal_weights_enabled: z.boolean().optional(),
  reveal_period_epochs: blockNumber.optional(),
  bonds_reset_on: z.boolean().optional(),
  mechanism_count_current: z.number().int().min(1, 'at least 1 mechanism').max(16, 'at most 16 mechanisms').optional(),
  stake_threshold: u64.optional(),
  tao_weight: u64.optional(),
});

const mechanismSchema = z.strictObject({
  last_update: z.array(blockNumber),
  weights: rows,
  bonds: rows,
});

const commitSchema = z.strictObject({
  uid,
  block: blockNumber,
  epoch: blockNumber,
  kind: z.enum(['hash', 'timelocked']),
  mechanism: z.number().int().min(0).optional(),
});

const stateSchema = z
  .strictObject({
    block: blockNumber,
    n: u16,
    owner_uid: uid.nullable().optional(),
    hotkeys: z.array(z.string().nullable()).nullable().optional(),
    alpha_stake: z.array(u64),
    root_stake: z.array(u64).optional(),
    block_at_registration: z.array(blockNumber),
    validator_permit: z.array(z.boolean()),
    last_mechanism_step_block: blockNumber.optional(),
    mechanisms: z.array(mechanismSchema).min(1, 'at least one mechanism'),
    commit_reveal: z
      .strictObject({ current_epoch: blockNumber, commits: z.array(commitSchema) })
      .optional(),
  })
  .superRefine((s, ctx) => {
    for (const key of ['alpha_stake', 'root_stake', 'block_at_registration'] as const) {
      const v = s[key];
      if (v !== undefined && v.length !== s.n) ctx.addIssue({ code: 'custom', path: [key], message: `must have n = ${s.n} entries, has ${v.length}` });
    }
    if (s.owner_uid !== undefined && s.owner_uid !== null && s.owner_uid >= s.n) {
      ctx.addIssue({ code: 'custom', path: ['owner_uid'], message: `must be below n = ${s.n}` });
    }
    if (s.hotkeys !== undefined && s.hotkeys !== null && s.hotkeys.length !== s.n) {
      ctx.addIssue({ code: 'custom', path: ['hotkeys'], message: `must have n = ${s.n} entries` });
    }
  });

const stateFileSchema = z.looseObject({
  hyperparameters: hyperparametersSchema.optional(),
  state: stateSchema,
  emission_rao: u64.optional(),
  mechanism: z.number().int().min(0).optional(),
});

export interface EpochStateFile {
  readonly hyperparameters: EpochHyperparameters;
  readonly mechanismCount: number;
  readonly emissionRao: bigint;
  /** Run only this mechanism's epoch (with the whole emission); otherwise the subnet epoch. */
  readonly mechanism: number | null;
  readonly n: number;
  readonly block: number;
  inputsFor(mechanism: number, emissionRao: bigint): EpochInputs;
}

function withDefaults(h: z.infer<typeof hyperparametersSchema>): Record<string, unknown> {
  return {
    tempo: h.tempo ?? D.tempoBlocks,
    kappa: h.kappa ?? D.kappaU16,
    bonds_penalty: h.bonds_penalty ?? D.bondsPenaltyU16,
    bonds_moving_average: String(h.bonds_moving_average ?? D.bondsMovingAveragePpm),
    yuma3_on: h.yuma3_on ?? D.yuma3On,
    liquid_alpha_on: h.liquid_alpha_on ?? D.liquidAlphaOn,
    alpha_values: h.alpha_values ?? [D.alphaLowU16, D.alphaHighU16],
    alpha_sigmoid_steepness: h.alpha_sigmoid_steepness ?? D.alphaSigmoidSteepness,
    activity_cutoff_factor_milli: h.activity_cutoff_factor_milli ?? D.activityCutoffFactorMilli,
    max_allowed_validators: h.max_allowed_validators ?? D.maxAllowedValidators,
    commit_reveal_weights_enabled: h.commit_reveal_weights_enabled ?? D.commitRevealWeightsEnabled,
    reveal_period_epochs: String(h.reveal_period_epochs ?? D.revealPeriodEpochs),
    stake_threshold: String(h.stake_threshold ?? D.stakeThresholdRao),
    tao_weight: String(h.tao_weight ?? D.taoWeightRaw),
  };
}

/** Reads, validates and qualifies a state file; user errors throw `InputError`. */
export function readEpochStateFile(file: string, emissionOverride?: bigint, mechanismOverride?: number): EpochStateFile {
  const parsed = parseStructuredFile(file);
  const data = validateWith(parsed, stateFileSchema);
  const h = parseEpochHyperparameters(withDefaults(data.hyperparameters ?? {}));
  const st = data.state;
  const replay = initialState({
    ...st,
    owner_uid: st.owner_uid ?? null,
    hotkeys: st.hotkeys ?? null,
    root_stake: st.root_stake ?? Array.from({ length: st.n }, () => '0'),
    last_mechanism_step_block: st.last_mechanism_step_block ?? '0',
    commit_reveal: st.commit_reveal ?? { current_epoch: '0', commits: [] },
  });
  const mechanismCount = data.hyperparameters?.mechanism_count_current ?? replay.mechanisms.length;
  const mechanism = mechanismOverride ?? data.mechanism ?? null;
  const problems: string[] = [];
  if (mechanismCount !== replay.mechanisms.length) {
    problems.push(`${file}: state.mechanisms: has ${replay.mechanisms.length} entries but mechanism_count_current is ${mechanismCount}`);
  }
  if (mechanism !== null && mechanism >= replay.mechanisms.length) {
    problems.push(`${file}: mechanism: ${mechanism} does not exist (the state has ${replay.mechanisms.length})`);
  }
  if (problems.length > 0) throw new InputError(problems);
  return {
    hyperparameters: h,
    mechanismCount,
    emissionRao: emissionOverride ?? BigInt(data.emission_rao ?? 1_000_000_000),
    mechanism,
    n: replay.n,
    block: replay.block,
    inputsFor: (m, e) => gatherInputs(replay, h, m, e),
  };
}
