/**
 * The agent kinds a scenario may name in `population[].kind`, each with the schema of its
 * `params` and a one-line description. The behaviours themselves live in src/agents (written
 * against these schemas); keeping the parameter schemas here lets `yumalab validate` check a
 * scenario without loading any agent code, and lets the README document every parameter.
 *
 * Adding a kind: add an entry below (strict params with a default for every key), then document
 * it — the README test fails until scenarios/README.md lists its parameters.
 */
import { z } from 'zod';
import { numberDistributionSchema } from './numberDistribution.ts';
import { taoAmount } from './amountSchema.ts';
import { booleanSchema, documented, integer, positiveNumber, strict } from './schemaParts.ts';

export interface AgentKind {
  /** One line for the README and error messages. */
  readonly doc: string;
  /** Schema of `params`; its output (defaults filled) is what the agent receives. */
  readonly params: z.ZodType<Readonly<Record<string, unknown>>>;
  /**
   * How many hotkeys one agent of the kind controls and how many of them hold a UID at genesis
   * (default: one of each). Traders hold no UID; a sybil owner holds several; a UID sniper starts
   * unregistered and registers through the chain.
   */
  readonly keys?: (params: Readonly<Record<string, unknown>>) => AgentKeys;
}

export interface AgentKeys {
  readonly hotkeys: number;
  readonly genesisUids: number;
}

const ONE_UID: AgentKeys = { hotkeys: 1, genesisUids: 1 };

/** Hotkeys and genesis UIDs of one agent of `kind` with its parsed `params`. */
export function agentKeysOf(kind: string, params: Readonly<Record<string, unknown>>): AgentKeys {
  return findAgentKind(kind)?.keys?.(params) ?? ONE_UID;
}

const minerHonestParams = strict({
  quality: documented(numberDistributionSchema.default({ distribution: 'uniform', min: 0, max: 1 }), {
    type: 'number distribution',
    default: '{distribution: uniform, min: 0, max: 1}',
    doc: 'True quality of each miner, drawn once at genesis (clamped to [0, 1]).',
  }),
  drift_sd_per_day: documented(positiveNumber(true).default(0), {
    type: 'number',
    unit: 'quality per √day',
    default: '0',
    doc: 'Standard deviation of the random walk quality follows (0 = constant quality).',
  }),
  improvement_per_day: documented(z.number().refine(Number.isFinite, 'expected a finite number').default(0), {
    type: 'number',
    unit: 'quality per day',
    default: '0',
    doc: 'Deterministic trend added to quality every day (negative = decay).',
  }),
});

const validatorHonestParams = strict({
  noise_sd: documented(positiveNumber(true).default(0.05), {
    type: 'number',
    unit: 'quality',
    default: '0.05',
    doc: 'Standard deviation of the Gaussian noise on each evaluation of a miner’s true quality.',
  }),
  sample_size: documented(integer(0).default(0), {
    type: 'integer',
    unit: 'miners',
    default: '0',
    doc: 'Miners evaluated per round, drawn without replacement (0 = all miners).',
  }),
  weights_every_blocks: documented(integer(1).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Blocks between two weight settings (null = once per subnet tempo); the chain rate limit still applies.',
  }),
  score_ema: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(1), {
    type: 'number',
    default: '1',
    doc: 'Weight of the newest evaluation in the score moving average (1 = use only the latest).',
  }),
});

const validatorLazyParams = strict({
  noise_sd: validatorHonestParams.shape.noise_sd,
  sample_size: documented(integer(1).default(3), {
    type: 'integer',
    unit: 'miners',
    default: '3',
    doc: 'Miners evaluated per round, drawn without replacement; the others keep the score of their last evaluation.',
  }),
  update_every_tempos: documented(integer(1).default(10), {
    type: 'integer',
    unit: 'tempos',
    default: '10',
    doc: 'Subnet tempos between two weight settings (read once, at its first act); the chain rate limit still applies.',
  }),
});

const validatorWeightCopierParams = strict({
  weights_every_blocks: documented(integer(1).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Blocks between two copies (null = once per subnet tempo); it copies the stake-weighted average of the visible (revealed) rows of permitted validators.',
  }),
});

const validatorSelfWeightingParams = strict({
  ...validatorHonestParams.shape,
  self_share: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.9), {
    type: 'number',
    unit: 'fraction',
    default: '0.9',
    doc: 'Share of its weight put on itself (its own UID and its own miners); the rest follows its honest evaluation (1 = pure self-weight).',
  }),
  own_coldkeys: documented(z.array(z.string()).default([]), {
    type: 'list of strings',
    default: '[]',
    doc: 'Coldkeys (= agent ids, e.g. a `miner.sybil` owner `sn1.sybils.0`) whose miners count as its own, besides those of its own coldkey.',
  }),
  own_miners_share: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0), {
    type: 'number',
    unit: 'fraction',
    default: '0',
    doc: 'Part of self_share given to its own miners (split equally) instead of its own UID; with no own miner registered it all stays on its own UID.',
  }),
});

const validatorOfflineParams = strict({
  ...validatorHonestParams.shape,
  stop_at_day: documented(positiveNumber(true).default(1), {
    type: 'number',
    unit: 'days',
    default: '1',
    doc: 'Day from which it stops setting weights for good (used when stop_at_block is null).',
  }),
  stop_at_block: documented(integer(0).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Block from which it stops setting weights for good (null = use stop_at_day).',
  }),
});

const minerLazyParams = strict({
  ...minerHonestParams.shape,
  uptime: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.8), {
    type: 'number',
    unit: 'probability per day',
    default: '0.8',
    doc: 'Probability of being up on a given day (one independent draw per day); up days serve the true quality.',
  }),
  stale_penalty: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.5), {
    type: 'number',
    unit: 'quality',
    default: '0.5',
    doc: 'Quality lost on a down day (stale output): it serves max(0, true quality - stale_penalty).',
  }),
});

const minerSybilParams = strict({
  identities: documented(integer(1, 256).default(4), {
    type: 'integer',
    unit: 'hotkeys',
    default: '4',
    doc: 'Hotkeys (identities) one owner runs, all owned by its coldkey.',
  }),
  register_at_genesis: documented(booleanSchema().default(true), {
    type: 'boolean',
    default: 'true',
    doc: 'Whether every identity holds a UID at genesis (or when the group joins); false = the owner registers them itself by burn, one per register_every_blocks.',
  }),
  quality: documented(numberDistributionSchema.default({ distribution: 'uniform', min: 0.05, max: 0.2 }), {
    type: 'number distribution',
    default: '{distribution: uniform, min: 0.05, max: 0.2}',
    doc: 'Quality the owner serves, drawn once per owner (clamped to [0, 1]); every identity serves it.',
  }),
  quality_jitter: documented(positiveNumber(true).default(0), {
    type: 'number',
    unit: 'quality',
    default: '0',
    doc: 'Standard deviation of a per-identity offset to the owner’s quality, drawn once per identity.',
  }),
  register_every_blocks: documented(integer(1).default(360), {
    type: 'integer',
    unit: 'blocks',
    default: '360',
    doc: 'Blocks between two of its own burned registrations (it registers only while its free balance covers the burn).',
  }),
  reregister: documented(booleanSchema().default(false), {
    type: 'boolean',
    default: 'false',
    doc: 'Whether an identity that was pruned is registered again (by burn, at the same pace).',
  }),
});

const minerUidSniperParams = strict({
  quality: documented(numberDistributionSchema.default({ distribution: 'uniform', min: 0, max: 0.1 }), {
    type: 'number distribution',
    default: '{distribution: uniform, min: 0, max: 0.1}',
    doc: 'Quality it serves once registered, drawn once (clamped to [0, 1]).',
  }),
  check_every_blocks: documented(integer(1).default(1), {
    type: 'integer',
    unit: 'blocks',
    default: '1',
    doc: 'Blocks between two looks while it waits for an epoch that is due; it registers only at the first look after an epoch.',
  }),
  require_positive_incentive: documented(booleanSchema().default(true), {
    type: 'boolean',
    default: 'true',
    doc: 'Register only onto a UID that earned incentive in the epoch just run (and so never on a subnet with free UIDs).',
  }),
  max_registrations: documented(integer(1).default(1), {
    type: 'integer',
    unit: 'registrations',
    default: '1',
    doc: 'Successful registrations in all: after being pruned it snipes again until this many.',
  }),
  reserve_tao: documented(taoAmount().default(0n), {
    type: 'amount',
    unit: 'TAO',
    default: '0',
    doc: 'Free TAO it keeps: it registers only while its balance covers the burn plus this.',
  }),
});

const minerCopierParams = strict({
  target_uid: documented(integer(0).nullable().default(null), {
    type: 'integer | null',
    default: 'null',
    doc: 'UID whose outputs it copies (null = at each observation, the serving miner with the largest last-epoch incentive).',
  }),
  delay_blocks: documented(integer(0).default(360), {
    type: 'integer',
    unit: 'blocks',
    default: '360',
    doc: 'It serves what the target served this many blocks ago (nothing until its first observation is that old).',
  }),
  degradation: documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(0.02), {
    type: 'number',
    unit: 'quality',
    default: '0.02',
    doc: 'Quality lost in copying: it serves max(0, copied quality - degradation).',
  }),
  observe_every_blocks: documented(integer(1).default(10), {
    type: 'integer',
    unit: 'blocks',
    default: '10',
    doc: 'Blocks between two fetches of the target’s output (the resolution of the delay).',
  }),
});

const validatorCabalParams = strict({
  ...validatorHonestParams.shape,
  favoured_prefix: documented(z.string().default(''), {
    type: 'string',
    default: "''",
    doc: 'Hotkey (= agent id) prefix of the cabal’s miners, e.g. `sn1.cabal_miners.`; empty favours nobody.',
  }),
  boost: documented(z.number().refine((v) => Number.isFinite(v) && v >= 1, 'must be a finite number >= 1').default(10), {
    type: 'number',
    unit: 'factor',
    default: '10',
    doc: 'Factor applied to its honest weight on each favoured miner before rescaling, so the other miners get relatively less.',
  }),
});

/** A fraction in [0, 1] with its README line (traders' stake and balance shares). */
function traderFraction(defaultValue: number, doc: string) {
  return documented(positiveNumber(true).refine((v) => v <= 1, 'must be in [0, 1]').default(defaultValue), { type: 'number', unit: 'fraction', default: String(defaultValue), doc });
}

/** Traders hold no UID: one hotkey (never registered), a coldkey funded by the group's `balance`. */
const TRADER_KEYS = (): AgentKeys => ({ hotkeys: 1, genesisUids: 0 });

const traderAmountTao = documented(taoAmount().nullable().default(null), {
  type: 'amount | null',
  unit: 'TAO',
  default: 'null',
  doc: 'TAO it offers per entry (capped at its free balance); null = balance_fraction of its free balance.',
});
const traderBalanceFraction = traderFraction(1, 'Share of its free balance it offers per entry when amount_tao is null.');
const traderTargetNetuid = documented(integer(0).nullable().default(null), {
  type: 'integer | null',
  default: 'null',
  doc: 'Subnet it trades on (null = its home subnet); a subnet that does not exist at the time is skipped.',
});

const traderStakerParams = strict({
  stake_fraction: traderFraction(0.9, 'Share of its genesis free balance it stakes at its first act; the rest stays liquid.'),
  rebalance_every_days: documented(positiveNumber().default(1), {
    type: 'number',
    unit: 'days',
    default: '1',
    doc: 'Days between two re-evaluations of the subnets’ yields.',
  }),
  switch_threshold: documented(positiveNumber(true).default(0.2), {
    type: 'number',
    unit: 'fraction',
    default: '0.2',
    doc: 'It moves when another subnet’s score exceeds its current one by more than this × |current score|.',
  }),
  subnets: documented(z.enum(['home', 'all']).default('all'), {
    type: 'home | all',
    default: 'all',
    doc: 'Candidate subnets: its home subnet only (buy and hold), or every subnet.',
  }),
  yield_unit: documented(z.enum(['alpha', 'tao']).default('alpha'), {
    type: 'alpha | tao',
    default: 'alpha',
    doc: '`alpha`: score = validator yield (alpha per alpha per block); `tao`: plus the relative price change per block since its previous evaluation.',
  }),
});

const traderWhaleParams = strict({
  enter_day: documented(positiveNumber(true).default(1), { type: 'number', unit: 'days', default: '1', doc: 'Day of its first entry (0 = block 1).' }),
  amount_tao: traderAmountTao,
  balance_fraction: traderBalanceFraction,
  netuid: traderTargetNetuid,
  hold_days: documented(positiveNumber(true).default(7), { type: 'number', unit: 'days', default: '7', doc: 'Days it holds a position before selling all of it (at least one block).' }),
  repeat: documented(integer(1).default(1), { type: 'integer', unit: 'cycles', default: '1', doc: 'Number of enter-hold-exit cycles.' }),
  pause_days: documented(positiveNumber(true).default(7), { type: 'number', unit: 'days', default: '7', doc: 'Days between an exit and the next entry.' }),
});

const traderPumpForShareParams = strict({
  amount_tao: documented(taoAmount().nullable().default(null), {
    type: 'amount | null',
    unit: 'TAO',
    default: 'null',
    doc: 'Total TAO it pumps in, over all tranches (tranches are cut to its free balance); null = balance_fraction of its free balance at the first tranche.',
  }),
  balance_fraction: traderFraction(1, 'Share of its free balance at the first tranche it pumps in when amount_tao is null.'),
  start_day: documented(positiveNumber(true).default(1), { type: 'number', unit: 'days', default: '1', doc: 'Day of its first buy tranche (0 = block 1).' }),
  tranches: documented(integer(1).default(10), { type: 'integer', unit: 'buys', default: '10', doc: 'Equal buy tranches, spread evenly over pump_days.' }),
  pump_days: documented(positiveNumber(true).default(1), { type: 'number', unit: 'days', default: '1', doc: 'Length of the buying window.' }),
  hold_days: documented(positiveNumber(true).default(3), { type: 'number', unit: 'days', default: '3', doc: 'Days from the end of the buying window to its first sale.' }),
  exit_tranches: documented(integer(1).default(5), { type: 'integer', unit: 'sales', default: '5', doc: 'Sales it exits in, each an equal share of what it still holds.' }),
  exit_days: documented(positiveNumber(true).default(1), { type: 'number', unit: 'days', default: '1', doc: 'Length of the selling window.' }),
});

const traderEmissionFarmerParams = strict({
  amount_tao: traderAmountTao,
  balance_fraction: traderBalanceFraction,
  netuid: traderTargetNetuid,
  blocks_before_epoch: documented(integer(1).default(2), {
    type: 'integer',
    unit: 'blocks',
    default: '2',
    doc: 'It buys this many blocks before the target subnet’s next epoch is due (lastEpochBlock + tempo).',
  }),
  hold_epochs: documented(integer(1).default(1), { type: 'integer', unit: 'epochs', default: '1', doc: 'Epochs it holds through; it sells in the block of the last one.' }),
  cycle_epochs: documented(integer(1).default(2), {
    type: 'integer',
    unit: 'epochs',
    default: '2',
    doc: 'Epochs from one targeted epoch to the next (≥ hold_epochs).',
  }),
}).refine((p) => p.cycle_epochs >= p.hold_epochs, { message: 'cycle_epochs must be ≥ hold_epochs', path: ['cycle_epochs'] });

const traderRootStakerParams = strict({
  stake_fraction: traderFraction(0.9, 'Share of its free balance it stakes on root at its first act (and at each add_every_days).'),
  add_every_days: documented(positiveNumber().nullable().default(null), {
    type: 'number | null',
    unit: 'days',
    default: 'null',
    doc: 'Days between two further stakes of stake_fraction of its free balance (null = stake once and hold).',
  }),
});

const minerMlParams = strict({
  hidden_layers: documented(integer(0, 8).default(1), { type: 'integer', unit: 'layers', default: '1', doc: 'Hidden relu layers of the miner’s MLP (0 = a linear model).' }),
  hidden_units: documented(integer(1, 512).default(32), { type: 'integer', unit: 'units', default: '32', doc: 'Units per hidden layer.' }),
  learning_rate: documented(positiveNumber().default(0.01), { type: 'number', default: '0.01', doc: 'Adam learning rate.' }),
  steps_per_tempo: documented(integer(0, 100_000).default(20), {
    type: 'integer',
    unit: 'steps',
    default: '20',
    doc: 'Training budget: Adam steps per training round, each on a fresh minibatch from the miner’s own stream.',
  }),
  batch_size: documented(integer(1, 4096).default(32), { type: 'integer', unit: 'examples', default: '32', doc: 'Examples per training step.' }),
  train_every_blocks: documented(integer(1).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Blocks between training rounds (null = once per subnet tempo).',
  }),
});

const validatorMlParams = strict({
  eval_batch_size: documented(integer(2, 65_536).default(64), {
    type: 'integer',
    unit: 'examples',
    default: '64',
    doc: 'Size of the private evaluation batch drawn each round from the validator’s own stream (never seen by miners).',
  }),
  sample_size: documented(integer(0).default(0), { type: 'integer', unit: 'miners', default: '0', doc: 'Miners queried per round, drawn without replacement (0 = all).' }),
  eval_noise_sd: documented(positiveNumber(true).default(0), {
    type: 'number',
    unit: 'normalised loss',
    default: '0',
    doc: 'Standard deviation of Gaussian noise added to each measured normalised loss (the task’s: MSE / target variance or cross-entropy / ln classes), clamped at 0.',
  }),
  scoring: documented(z.enum(['softmax', 'rank']).default('softmax'), {
    type: 'softmax | rank',
    default: 'softmax',
    doc: 'Losses → scores: softmax of −loss / temperature (best = 1), or rank-based ((n − k) / n for the k-th best).',
  }),
  temperature: documented(positiveNumber().default(0.1), {
    type: 'number',
    unit: 'normalised loss',
    default: '0.1',
    doc: 'Softmax temperature: a miner this much worse in normalised loss gets 1/e of the best miner’s weight.',
  }),
  weights_every_blocks: documented(integer(1).nullable().default(null), {
    type: 'integer | null',
    unit: 'blocks',
    default: 'null',
    doc: 'Blocks between two weight settings (null = once per subnet tempo); the chain rate limit still applies.',
  }),
  accept_late: documented(booleanSchema().default(false), {
    type: 'boolean',
    default: 'false',
    doc: 'Score answers that missed the query timeout (e.g. a copier relaying another miner’s answer); false = a late answer counts as none.',
  }),
});

const minerMlRandomParams = strict({
  answer_sd: documented(positiveNumber(true).default(1), { type: 'number', default: '1', doc: 'Standard deviation of its random answers (mean 0), drawn from a stream seeded by the query block.' }),
});

const minerMlOverfitParams = strict({
  public_batch_size: documented(integer(1, 65_536).default(32), {
    type: 'integer',
    unit: 'examples',
    default: '32',
    doc: 'Size of the public batch (the same for every agent of the task, labelled at day 0) it memorises instead of sampling fresh data.',
  }),
  hidden_layers: documented(integer(0, 8).default(2), { type: 'integer', unit: 'layers', default: '2', doc: 'Hidden relu layers of its MLP.' }),
  hidden_units: documented(integer(1, 512).default(64), { type: 'integer', unit: 'units', default: '64', doc: 'Units per hidden layer.' }),
  learning_rate: documented(positiveNumber().default(0.01), { type: 'number', default: '0.01', doc: 'Adam learning rate.' }),
  steps_per_tempo: documented(integer(0, 100_000).default(50), { type: 'integer', unit: 'steps', default: '50', doc: 'Adam steps per tempo, all on the public batch.' }),
});

const minerMlCopierParams = strict({
  target_uid: documented(integer(0).nullable().default(null), {
    type: 'integer | null',
    unit: 'uid',
    default: 'null',
    doc: 'UID whose answers it relays (null = the UID with the highest incentive in the last epoch, re-chosen every tempo).',
  }),
});

export const AGENT_KINDS: Readonly<Record<string, AgentKind>> = Object.freeze({
  'miner.honest': { doc: 'Serves outputs of a true quality drawn from a distribution; the quality may drift or trend.', params: minerHonestParams },
  'miner.lazy': { doc: 'An honest miner that is up only on some days (daily Bernoulli uptime) and serves stale, lower-quality output on the others.', params: minerLazyParams },
  'miner.copier': { doc: 'Serves another miner’s outputs (a fixed UID or the best-incentive miner) with a delay, minus a small degradation.', params: minerCopierParams },
  'miner.sybil': {
    doc: 'One owner running several hotkeys (identities) that all serve the same low-quality output, registered at genesis or by its own burns over time.',
    params: minerSybilParams,
    keys: (p) => {
      const identities = p['identities'] as number;
      return { hotkeys: identities, genesisUids: p['register_at_genesis'] === true ? identities : 0 };
    },
  },
  'miner.uid_sniper': {
    doc: 'Starts unregistered and registers by burn right after an epoch onto the UID the chain will prune, when that UID still earns incentive; serves low quality.',
    params: minerUidSniperParams,
    keys: () => ({ hotkeys: 1, genesisUids: 0 }),
  },
  'validator.honest': { doc: 'Scores a sample of miners by their true quality plus seeded noise and sets weights every interval.', params: validatorHonestParams },
  'validator.cabal': { doc: 'A coalition member: an honest validator that multiplies its weight on the cabal’s own miners (a hotkey prefix) by a boost, under-weighting the rest.', params: validatorCabalParams },
  'validator.lazy': { doc: 'An honest validator that evaluates only a few miners per round and sets weights only every few tempos, so its weights go stale.', params: validatorLazyParams },
  'validator.weight_copier': { doc: 'Evaluates nobody: copies the stake-weighted average of the weights it can see (revealed rows only, so it lags under commit-reveal).', params: validatorWeightCopierParams },
  'validator.self_weighting': { doc: 'An honest validator that puts most of its weight on its own UID (kept by the epoch only for the subnet owner) and optionally on its own coldkey’s miners.', params: validatorSelfWeightingParams },
  'trader.staker': {
    doc: 'Buys and holds alpha on the subnet with the best recent validator yield, delegating to its top validator; moves when another subnet pays clearly more.',
    params: traderStakerParams,
    keys: TRADER_KEYS,
  },
  'trader.whale': {
    doc: 'Stakes a large amount on a subnet’s top validator at a given day, holds, sells it all; repeats after a pause.',
    params: traderWhaleParams,
    keys: TRADER_KEYS,
  },
  'trader.pump_for_share': {
    doc: 'Buys its home subnet’s alpha in tranches to push the price (and the price-EMA emission share) up, holds, then sells out in tranches.',
    params: traderPumpForShareParams,
    keys: TRADER_KEYS,
  },
  'trader.emission_farmer': {
    doc: 'Stakes on a subnet’s top validator just before an epoch, holds through a few epochs to collect dividends, sells; repeats every few epochs.',
    params: traderEmissionFarmerParams,
    keys: TRADER_KEYS,
  },
  'trader.root_staker': {
    doc: 'Stakes TAO on root (netuid 0) with the largest root validator and holds; root dividends are auto-claimed into more root stake.',
    params: traderRootStakerParams,
    keys: TRADER_KEYS,
  },
  'miner.ml': {
    doc: 'Trains a small tfjs MLP (capacity and training budget are parameters) continually on its own stream of the subnet’s task and answers validators’ queries with its predictions.',
    params: minerMlParams,
  },
  'miner.ml_random': { doc: 'Answers ML queries with random numbers and trains nothing.', params: minerMlRandomParams },
  'miner.ml_overfit': {
    doc: 'Trains a large MLP only on one small public batch (memorises it) instead of fresh data, so it generalises poorly to validators’ private batches.',
    params: minerMlOverfitParams,
  },
  'miner.ml_copier': {
    doc: 'Trains nothing: forwards each validator query to another miner (a fixed UID or the top-incentive one) and relays its answer, which arrives late.',
    params: minerMlCopierParams,
  },
  'validator.ml': {
    doc: 'Queries a sample of ML miners on a private batch each round, measures their normalised loss and sets weights by softmax or rank of the losses.',
    params: validatorMlParams,
  },
  'validator.offline': { doc: 'An honest validator that stops setting weights for good at a configured block or day.', params: validatorOfflineParams },
});

export function agentKindNames(): string[] {
  return Object.keys(AGENT_KINDS).sort();
}

export function findAgentKind(name: string): AgentKind | undefined {
  return Object.prototype.hasOwnProperty.call(AGENT_KINDS, name) ? AGENT_KINDS[name] : undefined;
}
