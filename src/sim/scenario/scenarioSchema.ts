/**
 * The zod schema of a scenario file as the user writes it (the "raw" stage of DESIGN.md habit
 * 5): types, ranges and unknown keys are checked here; cross-key rules (uids per subnet, event
 * times within the duration, …), defaults and template expansion happen in `resolveScenario.ts`.
 * Every key carries its README documentation (`documented`), from which scenarios/README.md's
 * tables are generated.
 */
import { z } from 'zod';
import { DEFAULT_NETWORK_REGISTRATION } from '../../consensus/chain/chainState.ts';
import { emissionRuleNames, findEmissionRule } from '../../consensus/coinbase/emissionRules.ts';
import { DEFAULT_TAO_FLOW_PARAMS } from '../../consensus/coinbase/subnetEconomy.ts';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS as D } from '../../consensus/epoch/defaults.ts';
import { BUILTIN_EPOCH_VARIANTS } from '../../consensus/epoch/variants.ts';
import { formatTao } from '../../primitives/units.ts';
import { agentKindNames, findAgentKind } from './agentKinds.ts';
import { alphaAmount, taoAmount } from './amountSchema.ts';
import { decimalSchema, fractionSchema } from './exactDecimal.ts';
import { HYPERPARAMETER_SCHEMAS } from './hyperparameterSchemas.ts';
import { booleanSchema, documented, integer, keyDocOf, nameSchema, strict } from './schemaParts.ts';
import { stakeDistributionSchema } from './stakeDistribution.ts';
import { sweepSchema } from '../sweep/sweepSchema.ts';
import { didYouMean } from './suggestName.ts';
import { mlTaskSchema } from './mlTaskSchema.ts';

/** Chain rules versions this simulator implements (the subtensor commit it was ported from). */
export const RULES_VERSIONS = ['14bc6f9'] as const;
export const DEFAULT_ISSUANCE_TAO = '10000000';
export const DEFAULT_BLOCK_SECONDS = 12;
/** Length of one "epoch" in `duration.epochs` and `at.epoch` when `chain.epoch_blocks` is absent. */
export const DEFAULT_EPOCH_BLOCKS = D.tempoBlocks;
export const DEFAULT_TEMPO_BLOCKS = D.tempoBlocks;

const N = DEFAULT_NETWORK_REGISTRATION;

const hyperparametersSchema = strict(Object.fromEntries(Object.entries(HYPERPARAMETER_SCHEMAS).map(([k, s]) => [k, documented(s.optional(), keyDocOf(s)!)])) as {
  [K in keyof typeof HYPERPARAMETER_SCHEMAS]: z.ZodOptional<(typeof HYPERPARAMETER_SCHEMAS)[K]>;
});

/** A name of the emission-rule registry (consensus/coinbase/emissionRules.ts). */
const emissionRuleSchema = z.string({ error: (iss) => (iss.input === undefined ? undefined : 'expected an emission rule name') }).superRefine((name, ctx) => {
  if (findEmissionRule(name) === undefined) {
    const suggestion = didYouMean(name, emissionRuleNames());
    ctx.addIssue({ code: 'custom', message: `unknown emission rule '${name}'${suggestion === '' ? ` (known: ${emissionRuleNames().join(', ')})` : suggestion}` });
  }
});

const kindSchema = z.string({ error: (iss) => (iss.input === undefined ? undefined : 'expected an agent kind name') }).superRefine((kind, ctx) => {
  if (findAgentKind(kind) === undefined) {
    const suggestion = didYouMean(kind, agentKindNames());
    ctx.addIssue({ code: 'custom', message: `unknown agent kind '${kind}'${suggestion === '' ? ` (known: ${agentKindNames().join(', ')})` : suggestion}` });
  }
});

/** A population group; `params` are checked against the kind's schema and come out with its defaults. */
export const populationGroupSchema = strict({
  name: documented(nameSchema().optional(), { type: 'string', default: 'the kind, with -2, -3, … if repeated', doc: 'Group name, unique within the subnet; agent ids and metrics use it.' }),
  kind: documented(kindSchema, { type: 'string', doc: 'Agent kind (see "Agent kinds" below), e.g. `miner.honest`.' }),
  count: documented(integer(0, 65535), { type: 'integer', unit: 'agents', doc: 'Number of agents; each holds one UID unless its kind says otherwise (traders hold none, `miner.sybil` several, `miner.uid_sniper` registers itself).' }),
  stake: documented(stakeDistributionSchema.optional(), { type: 'stake distribution', default: '{distribution: fixed, amount: 0}', doc: 'Genesis stake of each agent on its own (first) hotkey; kinds holding no UID at genesis take none.' }),
  balance: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO', default: '0', doc: "Free TAO on each agent's coldkey at genesis (pays stake moves and registration burns)." }),
  params: documented(z.record(z.string(), z.unknown()).optional(), { type: 'mapping', default: 'the kind\'s defaults', doc: 'Parameters of the agent kind, checked against its schema.' }),
}).transform((g, ctx) => {
  const kind = findAgentKind(g.kind)!;
  const parsed = kind.params.safeParse(g.params ?? {});
  if (!parsed.success) {
    for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as object), path: ['params', ...issue.path] } as never);
    return z.NEVER;
  }
  return { ...g, params: parsed.data };
});

/**
 * The agents driving a state subnet's snapshot UIDs (`subnets[].state_agents.validators|miners`):
 * one kind for every UID of the part, its params checked against the kind's schema.
 */
function stateAgentsSchema(defaultKind: string, which: string) {
  return strict({
    kind: documented(kindSchema.optional(), { type: 'string', default: defaultKind, doc: `Agent kind driving ${which}, one agent per UID (a kind holding one UID, e.g. \`${defaultKind}\`).` }),
    params: documented(z.record(z.string(), z.unknown()).optional(), { type: 'mapping', default: "the kind's defaults", doc: 'Parameters of the agent kind, checked against its schema.' }),
  }).transform((g, ctx) => {
    const kind = g.kind ?? defaultKind;
    const found = findAgentKind(kind);
    if (found === undefined) return z.NEVER; // kindSchema has reported it
    const parsed = found.params.safeParse(g.params ?? {});
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ ...(issue as object), path: ['params', ...issue.path] } as never);
      return z.NEVER;
    }
    return { kind, params: parsed.data };
  });
}

const poolSchema = strict({
  tao: documented(taoAmount({ positive: true }), { type: 'amount', unit: 'TAO', doc: '`SubnetTAO`: TAO reserve of the pool at genesis.' }),
  alpha: documented(alphaAmount({ positive: true }), { type: 'amount', unit: 'alpha', doc: '`SubnetAlphaIn`: alpha reserve of the pool at genesis (price = tao / alpha).' }),
});

const ownerSchema = strict({
  coldkey: documented(nameSchema().optional(), { type: 'string', default: 'sn<netuid>.owner', doc: '`SubnetOwner`: coldkey of the owner.' }),
  hotkey: documented(nameSchema().optional(), { type: 'string', default: 'sn<netuid>.owner', doc: '`SubnetOwnerHotkey`: the owner hotkey, registered at UID 0.' }),
  stake: documented(alphaAmount().optional(), { type: 'amount', unit: 'alpha', default: '0', doc: "Genesis alpha stake on the owner's hotkey." }),
  balance: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO', default: '0', doc: "Free TAO on the owner's coldkey at genesis." }),
});

export const subnetSchema = strict({
  name: documented(nameSchema().optional(), { type: 'string', default: 'sn<netuid>', doc: 'Label used in outputs; a template with count > 1 gives name-1, name-2, ….' }),
  count: documented(integer(0, 65535).optional(), { type: 'integer', unit: 'subnets', default: '1', doc: 'Template: this entry stands for `count` identical subnets (≥ 1).' }),
  tempo: documented(integer(0, 65535).optional(), { type: 'integer', unit: 'blocks', default: String(DEFAULT_TEMPO_BLOCKS), doc: '`Tempo`: blocks between two epochs of the subnet (≥ 1).' }),
  pool: documented(poolSchema.optional(), { type: 'mapping', doc: 'Initial pool reserves (required for a genesis subnet; a registered subnet gets its pool from the lock).' }),
  owner: documented(ownerSchema.optional(), { type: 'mapping', default: '{}', doc: 'The subnet owner.' }),
  hyperparameters: documented(hyperparametersSchema.optional(), { type: 'mapping', default: '{}', doc: 'Chain hyperparameters under their storage names (see below).' }),
  emission_enabled: documented(booleanSchema().optional(), { type: 'boolean', default: 'true', doc: '`SubnetEmissionEnabled`: whether the subnet receives TAO emission.' }),
  started: documented(booleanSchema().optional(), { type: 'boolean', default: 'true', doc: 'Whether `start_call` has happened at genesis (false = no emission until it does).' }),
  population: documented(z.array(populationGroupSchema).optional(), { type: 'list', default: '[]', doc: 'Agent groups registered at genesis, in UID order after the owner (UID 0).' }),
  task: documented(mlTaskSchema.optional(), {
    type: 'mapping',
    doc: 'The Proof-of-Intelligence task of the subnet’s ML agents (see *ML subnets*): what miners learn and validators measure. Required when the subnet has ML agents.',
  }),
  replay: documented(z.string().min(1).optional(), {
    type: 'path',
    doc: 'JSON file of explicit per-epoch stakes and weights driving this subnet instead of agents (relative to the scenario file).',
  }),
  state: documented(z.string().min(1).optional(), {
    type: 'path',
    doc: 'Metagraph JSON (see *Importing a metagraph*) whose neuron table the subnet starts from: UIDs, keys, stakes, weights, bonds, permits (relative to the scenario file).',
  }),
  state_agents: documented(
    strict({
      validators: documented(stateAgentsSchema('validator.honest', 'the UIDs holding a validator permit in the state file').optional(), {
        type: 'mapping',
        default: '{kind: validator.honest}',
        doc: 'Agents of the UIDs with a validator permit in the state file (group `validators`).',
      }),
      miners: documented(stateAgentsSchema('miner.honest', 'the UIDs without a permit').optional(), {
        type: 'mapping',
        default: '{kind: miner.honest}',
        doc: 'Agents of the other UIDs of the state file (group `miners`).',
      }),
    }).optional(),
    { type: 'mapping', default: '{}', doc: 'With `state`: which agent kinds drive the imported UIDs, each bound to its UID’s hotkey and coldkey.' },
  ),
});

const atSchema = strict({
  block: documented(integer(0).optional(), { type: 'integer', unit: 'blocks', doc: 'Block the event happens at (0 = before the first block).' }),
  epoch: documented(integer(0).optional(), { type: 'integer', unit: 'epochs', doc: 'Time in epochs of `chain.epoch_blocks` blocks.' }),
  day: documented(integer(0).optional(), { type: 'integer', unit: 'days', doc: 'Time in days of 86400 / block_seconds blocks.' }),
});

const at = documented(atSchema, { type: 'mapping', doc: 'When: exactly one of block, epoch, day.' });
const netuid = (doc = 'Subnet the event acts on.') => documented(integer(1, 65535), { type: 'integer', doc });
const account = (doc: string) => documented(nameSchema(), { type: 'string', doc });

const eventSchema = z.discriminatedUnion('type', [
  strict({
    at,
    type: documented(z.literal('stake'), { type: 'string', doc: 'stake | unstake | move_stake | set_hyperparameter | agents_join | agents_leave | register_subnet' }),
    netuid: netuid(),
    coldkey: account('stake, unstake, move_stake: the coldkey that pays / owns the stake.'),
    hotkey: account('stake, unstake: the hotkey staked to.'),
    amount_tao: documented(taoAmount({ positive: true }), { type: 'amount', unit: 'TAO', doc: 'stake: TAO offered (fee included).' }),
  }),
  strict({ at, type: z.literal('unstake'), netuid: netuid(), coldkey: account(''), hotkey: account(''), amount_alpha: documented(alphaAmount({ positive: true }), { type: 'amount', unit: 'alpha', doc: 'unstake, move_stake: alpha moved.' }) }),
  strict({
    at,
    type: z.literal('move_stake'),
    coldkey: account(''),
    origin_hotkey: account('move_stake: hotkey the stake leaves.'),
    destination_hotkey: account('move_stake: hotkey the stake goes to.'),
    origin_netuid: netuid('move_stake: subnet the stake leaves.'),
    destination_netuid: netuid('move_stake: subnet the stake goes to.'),
    amount_alpha: alphaAmount({ positive: true }),
  }),
  strict({
    at,
    type: z.literal('set_hyperparameter'),
    netuid: netuid(),
    name: documented(z.string(), { type: 'string', doc: 'set_hyperparameter: `tempo` or a key of `subnets[].hyperparameters`.' }),
    value: documented(z.unknown(), { type: 'any', doc: 'set_hyperparameter: the new value, in the unit that key has in `hyperparameters`.' }),
  }),
  strict({ at, type: z.literal('agents_join'), netuid: netuid(), group: documented(populationGroupSchema, { type: 'mapping', doc: 'agents_join: a population group; its agents register by burn (paid from their balance).' }) }),
  strict({
    at,
    type: z.literal('agents_leave'),
    netuid: netuid(),
    group_name: documented(nameSchema(), { type: 'string', doc: 'agents_leave: name of the group whose agents stop acting.' }),
    count: documented(integer(1).optional(), { type: 'integer', unit: 'agents', default: 'the whole group', doc: 'agents_leave: how many of the group leave (highest agent index first).' }),
  }),
  strict({ at, type: z.literal('register_subnet'), subnet: documented(subnetSchema, { type: 'mapping', doc: 'register_subnet: the new subnet, as a `subnets[]` entry without `count` or `pool` (the lock seeds the pool).' }) }),
]);

const chainSchema = strict({
  rules: documented(z.string().optional(), { type: 'string', default: RULES_VERSIONS[0], doc: `Chain rules version: the subtensor commit the simulator follows (known: ${RULES_VERSIONS.join(', ')}).` }),
  numeric: documented(z.enum(['chain', 'float']).optional(), { type: 'chain | float', default: 'chain', doc: '`chain` = bit-exact fixed point; `float` = the float64 fast path.' }),
  issuance_tao: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO', default: DEFAULT_ISSUANCE_TAO, doc: '`TotalIssuance` at genesis; sets the block emission through the halving schedule.' }),
  block_seconds: documented(integer(1, 86400).optional(), { type: 'integer', unit: 'seconds', default: String(DEFAULT_BLOCK_SECONDS), doc: 'Block time; one day = 86400 / block_seconds blocks.' }),
  epoch_blocks: documented(integer(1).optional(), { type: 'integer', unit: 'blocks', default: String(DEFAULT_EPOCH_BLOCKS), doc: 'Length of one epoch in `duration.epochs`, `at.epoch` and `outputs.cadence` (subnets still run on their own tempo).' }),
  mechanism: documented(z.string({ error: (iss) => (iss.input === undefined ? undefined : 'expected a mechanism name or a module reference path#Export') }).min(1).optional(), {
    type: 'name | path#Export',
    default: "each subnet's yuma3_on",
    doc: `Epoch mechanism every subnet runs: a registered name (${BUILTIN_EPOCH_VARIANTS.map((v) => `\`${v.name}\``).join(', ')}) or a TypeScript module \`./file.ts#Export\` (relative to the scenario file) exporting an epoch variant; see *Mechanisms*.`,
  }),
  emission_rule: documented(emissionRuleSchema.optional(), { type: emissionRuleNames().join(' | '), default: 'price', doc: 'How block TAO is split among subnets: price-EMA shares (the chain’s active rule) or net TAO flow (dormant); see *Mechanisms*.' }),
  subnet_owner_cut: documented(fractionSchema().optional(), { type: 'fraction', default: '11796/65535 ≈ 0.179995', doc: "`SubnetOwnerCut`: owner's share of alpha_out (chain u16 / 65535)." }),
  tao_weight: documented(fractionSchema().optional(), { type: 'fraction', default: `${D.taoWeightRaw}/(2^64 − 1) ≈ 0.0527`, doc: '`TaoWeight`: weight of root stake in validator stake (chain u64 / (2^64 − 1)).' }),
  subnet_moving_alpha: documented(fractionSchema().optional(), { type: 'fraction', default: '0.000003', doc: '`SubnetMovingAlpha`: base rate of the moving-price EMA (chain I96F32, rounded).' }),
  max_epochs_per_block: documented(integer(1, 65535).optional(), { type: 'integer', unit: 'epochs', default: '2', doc: '`MaxEpochsPerBlock`: cap of the epoch scheduler.' }),
  min_stake: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO', default: '0.002', doc: '`DefaultMinStake`: smallest stake operation.' }),
  block_author: documented(nameSchema().optional(), { type: 'string', default: 'none (swap fees are burned)', doc: 'Coldkey credited with swap fees.' }),
  balances: documented(z.record(z.string(), documented(taoAmount(), { type: 'amount', unit: 'TAO', doc: 'Free TAO of that coldkey.' })).optional(), { type: 'mapping', default: '{}', doc: 'Extra free balances at genesis: coldkey → TAO (e.g. accounts used by events).' }),
  root_stakes: documented(
    z.array(
      strict({
        hotkey: account('Root validator hotkey.'),
        coldkey: account('Its coldkey.'),
        tao: documented(taoAmount({ positive: true }), { type: 'amount', unit: 'TAO', doc: 'TAO staked on root at genesis.' }),
      }),
    ).optional(),
    { type: 'list', default: '[]', doc: 'Root (netuid 0) stake at genesis; root stake earns root dividends and weighs tao_weight.' },
  ),
  tao_flow: documented(
    strict({
      smoothing_factor: documented(fractionSchema().optional(), { type: 'fraction', default: `${DEFAULT_TAO_FLOW_PARAMS.smoothingRaw}/(2^63 − 1)`, doc: '`FlowEmaSmoothingFactor`: EMA weight of the newest block.' }),
      exponent: documented(integer(1, 64).optional(), { type: 'integer', default: String(DEFAULT_TAO_FLOW_PARAMS.exponent), doc: '`FlowNormExponent` p: shares ∝ score^p.' }),
      cutoff: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO per block', default: '0', doc: '`TaoFlowCutoff`: scores below this count as 0.' }),
      protocol_cost_weight: documented(fractionSchema().optional(), { type: 'fraction', default: '1', doc: 'Weight of the protocol cost subtracted from the user flow (u16 / 65535).' }),
    }).optional(),
    { type: 'mapping', default: '{}', doc: 'Parameters of the `tao_flow` share rule (ignored under `price`).' },
  ),
  network: documented(
    strict({
      min_lock_cost: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO', default: formatTao(N.minLockRao), doc: '`NetworkMinLockCost`.' }),
      last_lock_cost: documented(taoAmount().optional(), { type: 'amount', unit: 'TAO', default: formatTao(N.lastLockRao), doc: '`NetworkLastLockCost`: the lock cost doubles from here after a registration.' }),
      lock_reduction_interval: documented(integer(1).optional(), { type: 'integer', unit: 'blocks', default: String(N.lockReductionIntervalBlocks), doc: '`NetworkLockReductionInterval`.' }),
      rate_limit: documented(integer(0).optional(), { type: 'integer', unit: 'blocks', default: String(N.rateLimitBlocks), doc: '`NetworkRateLimit`: blocks between two subnet registrations.' }),
      subnet_limit: documented(integer(1, 65535).optional(), { type: 'integer', unit: 'subnets', default: String(N.subnetLimit), doc: '`SubnetLimit`: non-root subnets; a registration beyond it dissolves one.' }),
      immunity_period: documented(integer(0).optional(), { type: 'integer', unit: 'blocks', default: String(N.immunityPeriodBlocks), doc: '`NetworkImmunityPeriod`: a new subnet cannot be pruned for this long.' }),
      start_call_delay: documented(integer(0).optional(), { type: 'integer', unit: 'blocks', default: String(N.startCallDelayBlocks), doc: '`StartCallDelay`: blocks before a new subnet may start.' }),
    }).optional(),
    { type: 'mapping', default: '{}', doc: 'Subnet registration (lock cost) rules.' },
  ),
});

const durationSchema = strict({
  blocks: documented(integer(1).optional(), { type: 'integer', unit: 'blocks', doc: 'Run length in blocks.' }),
  epochs: documented(integer(1).optional(), { type: 'integer', unit: 'epochs', doc: 'Run length in epochs of `chain.epoch_blocks`.' }),
  days: documented(integer(1).optional(), { type: 'integer', unit: 'days', doc: 'Run length in days.' }),
});

const outputsSchema = strict({
  cadence: documented(z.string().regex(/^(block|epoch|day)(-[1-9][0-9]*)?$/, "expected 'block', 'epoch' or 'day', optionally followed by -N (e.g. 'day-7')").optional(), {
    type: 'string',
    default: 'epoch',
    doc: 'How often metrics rows are written: `block`, `epoch`, `day`, or every N of them (`epoch-10`, `day-7`).',
  }),
  detail: documented(z.array(z.enum(['summary', 'neurons', 'events'])).optional(), {
    type: 'list of summary | neurons | events',
    default: '[summary, neurons, events]',
    doc: 'Which artifacts to write: metrics.csv (summary), neurons.csv, events.jsonl.',
  }),
});

export const scenarioSchema = strict({
  name: documented(z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, 'use lower-case letters, digits, _ and - (it names the run directory)'), { type: 'string', doc: 'Scenario name; runs go to runs/<name>/<seed>.' }),
  description: documented(z.string().optional(), { type: 'string', default: "''", doc: 'What the scenario studies (its research question).' }),
  seed: documented(integer(0).optional(), { type: 'integer', default: '0', doc: 'Run seed; all randomness derives from it (`--seed` overrides).' }),
  duration: documented(durationSchema, { type: 'mapping', doc: 'Run length: exactly one of blocks, epochs, days.' }),
  chain: documented(chainSchema.optional(), { type: 'mapping', default: '{}', doc: 'Chain-wide rules and genesis economy.' }),
  subnets: documented(z.array(subnetSchema), { type: 'list', doc: 'Subnets at genesis, in netuid order from 1 (templates expand in place).' }),
  events: documented(z.array(eventSchema).optional(), { type: 'list', default: '[]', doc: 'Timed interventions, applied at the start of their block in file order.' }),
  outputs: documented(outputsSchema.optional(), { type: 'mapping', default: '{}', doc: 'What the run records.' }),
  control: documented(z.record(z.string(), z.unknown()).optional(), {
    type: 'mapping',
    doc: 'A/B control run: key path → value overrides of this scenario (e.g. `subnets.0.hyperparameters.kappa: 0.5`).',
  }),
  sweep: documented(sweepSchema.optional(), {
    type: 'mapping',
    doc: 'A parameter sweep over this scenario, run by `yumalab sweep` (`yumalab run` runs the base point alone); see *Sweeps*.',
  }),
});

export type RawScenario = z.output<typeof scenarioSchema>;
export type RawSubnet = z.output<typeof subnetSchema>;
export type RawPopulationGroup = z.output<typeof populationGroupSchema>;
export type RawEvent = z.output<typeof eventSchema>;
