/**
 * Raw (schema-checked) scenario → resolved `Scenario`: fills every default from the chain's
 * values at 14bc6f9, expands subnet templates, converts times to blocks and proportions to chain
 * integers, and checks the rules that span keys (uids per subnet, burn bounds, event times and
 * references). Problems are collected with their raw key path, so the loader can point at the
 * line the user wrote; nothing throws for a user mistake.
 */
import { existsSync } from 'node:fs';
import { InputError } from '../input/readStructuredFile.ts';
import { loadReplayFile } from './replayFile.ts';
import { isAbsolute, resolve as resolvePath } from 'node:path';
import { DEFAULT_NETWORK_REGISTRATION, defaultRegistrationPrice, defaultTurnoverParams } from '../../consensus/chain/chainState.ts';
import { DEFAULT_TAO_FLOW_PARAMS, defaultCoinbaseGlobals } from '../../consensus/coinbase/subnetEconomy.ts';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS as D } from '../../consensus/epoch/defaults.ts';
import type { EpochHyperparameters } from '../../consensus/epoch/types.ts';
import { formatTao, parseTao } from '../../primitives/units.ts';
import { ratioToRaw, ratioToRawFloor, type Ratio } from './exactDecimal.ts';
import {
  DEFAULT_MIN_ALLOWED_WEIGHTS,
  DEFAULT_WEIGHTS_SET_RATE_LIMIT_BLOCKS,
  HYPERPARAMETER_NAMES,
  HYPERPARAMETER_SCHEMAS,
  type RawHyperparameters,
} from './hyperparameterSchemas.ts';
import type { OutputDetail, PopulationGroup, Scenario, ScenarioChain, ScenarioEvent, ScenarioSubnet, StateAgentGroup, SubnetRules, SubnetRulesPatch, SubnetState } from './scenario.ts';
import { loadMetagraphFile, type Metagraph } from '../input/metagraphFile.ts';
import {
  DEFAULT_BLOCK_SECONDS,
  DEFAULT_EPOCH_BLOCKS,
  DEFAULT_ISSUANCE_TAO,
  DEFAULT_TEMPO_BLOCKS,
  RULES_VERSIONS,
  type RawEvent,
  type RawPopulationGroup,
  type RawScenario,
  type RawSubnet,
} from './scenarioSchema.ts';
import { integer } from './schemaParts.ts';
import { agentKeysOf, findAgentKind } from './agentKinds.ts';
import { resolveMechanism } from './scenarioMechanism.ts';
import { NO_STAKE, resolveStakeDistribution } from './stakeDistribution.ts';
import { didYouMean } from './suggestName.ts';
import { resolveMlTask } from './mlTaskSchema.ts';
import { ML_TASK_KINDS } from '../../agents/ml/mlKinds.ts';
import type { MlTaskSpec } from '../../agents/ml/mlTaskSpec.ts';

export interface Problem {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  /** Point at the key itself rather than its value. */
  readonly at?: 'key' | 'value';
}

export interface ResolveContext {
  readonly file: string;
  /** Directory relative paths (replay files) are resolved against. */
  readonly baseDir: string;
}

const U16_MAX = 65535n;
const U64_MAX = (1n << 64n) - 1n;
const I64_MAX = (1n << 63n) - 1n;
const SETTABLE = ['tempo', ...HYPERPARAMETER_NAMES];
/** The groups of a state subnet's own UIDs (`state_agents`). */
const STATE_GROUPS = ['validators', 'miners'];

/** A tempo set by an event: like `subnets[].tempo`, at least 1. */
const TEMPO_SETTING = integer(1, 65535);

const u16 = (r: Ratio): number => Number(ratioToRaw(r, U16_MAX));

/** Hyperparameters written by the user → the parts of `SubnetRules` they set (chain encodings). */
function rulesPatch(h: RawHyperparameters, tempo: number | undefined): SubnetRulesPatch {
  const hp: { -readonly [K in keyof EpochHyperparameters]?: EpochHyperparameters[K] } = {};
  if (tempo !== undefined) hp.tempoBlocks = tempo;
  if (h.kappa !== undefined) hp.kappaU16 = u16(h.kappa);
  if (h.bonds_penalty !== undefined) hp.bondsPenaltyU16 = u16(h.bonds_penalty);
  if (h.bonds_moving_average !== undefined) hp.bondsMovingAveragePpm = Number(ratioToRaw(h.bonds_moving_average, 1_000_000n));
  if (h.yuma3_on !== undefined) hp.yuma3On = h.yuma3_on;
  if (h.liquid_alpha_enabled !== undefined) hp.liquidAlphaOn = h.liquid_alpha_enabled;
  if (h.alpha_low !== undefined) hp.alphaLowU16 = u16(h.alpha_low);
  if (h.alpha_high !== undefined) hp.alphaHighU16 = u16(h.alpha_high);
  if (h.alpha_sigmoid_steepness !== undefined) hp.alphaSigmoidSteepness = h.alpha_sigmoid_steepness;
  if (h.activity_cutoff_factor_milli !== undefined) hp.activityCutoffFactorMilli = h.activity_cutoff_factor_milli;
  if (h.max_allowed_validators !== undefined) hp.maxAllowedValidators = h.max_allowed_validators;
  if (h.commit_reveal_weights_enabled !== undefined) hp.commitRevealWeightsEnabled = h.commit_reveal_weights_enabled;
  if (h.reveal_period !== undefined) hp.revealPeriodEpochs = h.reveal_period;
  if (h.stake_threshold !== undefined) hp.stakeThresholdRao = h.stake_threshold;
  const registration: { -readonly [K in keyof SubnetRules['registration']]?: SubnetRules['registration'][K] } = {};
  if (h.burn !== undefined) registration.burnRao = h.burn;
  if (h.min_burn !== undefined) registration.minBurnRao = h.min_burn;
  if (h.max_burn !== undefined) registration.maxBurnRao = h.max_burn;
  if (h.burn_half_life !== undefined) registration.burnHalfLifeBlocks = h.burn_half_life;
  // The chain stores BurnIncreaseMult as U64F64 from a decimal: floor, like `from_num`.
  if (h.burn_increase_mult !== undefined) registration.burnIncreaseMultU64F64 = ratioToRawFloor(h.burn_increase_mult, 1n << 64n);
  const turnover: { -readonly [K in keyof SubnetRules['turnover']]?: SubnetRules['turnover'][K] } = {};
  if (h.immunity_period !== undefined) turnover.immunityPeriodBlocks = h.immunity_period;
  if (h.max_allowed_uids !== undefined) turnover.maxAllowedUids = h.max_allowed_uids;
  if (h.min_non_immune_uids !== undefined) turnover.minNonImmuneUids = h.min_non_immune_uids;
  if (h.immune_owner_uids_limit !== undefined) turnover.immuneOwnerUidsLimit = h.immune_owner_uids_limit;
  return {
    ...(Object.keys(hp).length > 0 ? { hyperparameters: hp } : {}),
    ...(Object.keys(registration).length > 0 ? { registration } : {}),
    ...(Object.keys(turnover).length > 0 ? { turnover } : {}),
    ...(h.mechanism_count === undefined ? {} : { mechanismCount: h.mechanism_count }),
    ...(h.recycle_or_burn === undefined ? {} : { recycleOwnerIncentive: h.recycle_or_burn === 'recycle' }),
    ...(h.min_allowed_weights === undefined ? {} : { minAllowedWeights: h.min_allowed_weights }),
    ...(h.weights_set_rate_limit === undefined ? {} : { weightsSetRateLimitBlocks: h.weights_set_rate_limit }),
  };
}

function defaultRules(taoWeightRaw: bigint): SubnetRules {
  const r = defaultRegistrationPrice();
  return {
    hyperparameters: { ...D, taoWeightRaw },
    registration: {
      burnRao: r.burnRao,
      minBurnRao: r.minBurnRao,
      maxBurnRao: r.maxBurnRao,
      burnHalfLifeBlocks: r.burnHalfLifeBlocks,
      burnIncreaseMultU64F64: r.burnIncreaseMultU64F64,
    },
    turnover: defaultTurnoverParams(),
    mechanismCount: 1,
    recycleOwnerIncentive: false,
    minAllowedWeights: DEFAULT_MIN_ALLOWED_WEIGHTS,
    weightsSetRateLimitBlocks: DEFAULT_WEIGHTS_SET_RATE_LIMIT_BLOCKS,
  };
}

export function applyRulesPatch(rules: SubnetRules, p: SubnetRulesPatch): SubnetRules {
  return {
    hyperparameters: { ...rules.hyperparameters, ...p.hyperparameters },
    registration: { ...rules.registration, ...p.registration },
    turnover: { ...rules.turnover, ...p.turnover },
    mechanismCount: p.mechanismCount ?? rules.mechanismCount,
    recycleOwnerIncentive: p.recycleOwnerIncentive ?? rules.recycleOwnerIncentive,
    minAllowedWeights: p.minAllowedWeights ?? rules.minAllowedWeights,
    weightsSetRateLimitBlocks: p.weightsSetRateLimitBlocks ?? rules.weightsSetRateLimitBlocks,
  };
}

/** Checks of one subnet's rules that span keys; `at` is the path of its hyperparameters. */
function checkRules(rules: SubnetRules, at: readonly PropertyKey[], problems: Problem[]): void {
  const r = rules.registration;
  if (r.minBurnRao > r.maxBurnRao) problems.push({ path: [...at, 'min_burn'], message: `min_burn (${formatTao(r.minBurnRao)} TAO) exceeds max_burn (${formatTao(r.maxBurnRao)} TAO)` });
  else if (r.burnRao < r.minBurnRao || r.burnRao > r.maxBurnRao) {
    problems.push({ path: [...at, 'burn'], message: `burn (${formatTao(r.burnRao)} TAO) must lie in [min_burn, max_burn] = [${formatTao(r.minBurnRao)}, ${formatTao(r.maxBurnRao)}] TAO` });
  }
  const h = rules.hyperparameters;
  if (h.alphaLowU16 > h.alphaHighU16) problems.push({ path: [...at, 'alpha_low'], message: `alpha_low (${h.alphaLowU16}/65535) exceeds alpha_high (${h.alphaHighU16}/65535)` });
  if (h.maxAllowedValidators > rules.turnover.maxAllowedUids) {
    problems.push({ path: [...at, 'max_allowed_validators'], message: `max_allowed_validators (${h.maxAllowedValidators}) exceeds max_allowed_uids (${rules.turnover.maxAllowedUids})` });
  }
}

class Resolver {
  readonly problems: Problem[] = [];
  readonly balances = new Map<string, bigint>();
  readonly subnetNames = new Map<string, string>();
  /** Every hotkey of a state file seen so far: its coldkey, root stake and where it was first seen. */
  readonly stateKeys = new Map<string, { coldkey: string; rootStakeRao: bigint; where: string }>();
  constructor(
    readonly ctx: ResolveContext,
    readonly taoWeightRaw: bigint,
  ) {}

  credit(coldkey: string, amountRao: bigint): void {
    if (amountRao > 0n) this.balances.set(coldkey, (this.balances.get(coldkey) ?? 0n) + amountRao);
  }

  group(raw: RawPopulationGroup, subnetName: string, name: string, at: readonly PropertyKey[], subnetTask: MlTaskSpec | null): PopulationGroup {
    const stake = raw.stake === undefined ? NO_STAKE : resolveStakeDistribution(raw.stake);
    if (stake.distribution === 'uniform' && stake.minRao > stake.maxRao) {
      this.problems.push({ path: [...at, 'stake', 'min'], message: 'uniform stake: min exceeds max' });
    }
    const agentIds = Array.from({ length: raw.count }, (_v, i) => `${subnetName}.${name}.${i}`);
    const balanceRao = raw.balance ?? 0n;
    for (const id of agentIds) this.credit(id, balanceRao);
    const keys = agentKeysOf(raw.kind, raw.params);
    // Genesis stake sits on the agent's first hotkey, which must hold a UID to carry it.
    if (keys.genesisUids === 0 && raw.stake !== undefined && !(stake.distribution === 'fixed' && stake.amountRao === 0n)) {
      this.problems.push({ path: [...at, 'stake'], message: `${raw.kind} holds no UID at genesis, so it has no hotkey to hold genesis stake; give it a balance and let it stake`, at: 'key' });
    }
    const task = this.taskFor(raw.kind, subnetTask, [...at, 'kind']);
    return { name, kind: raw.kind, count: raw.count, stake, balanceRao, params: raw.params, task, agentIds, hotkeysPerAgent: keys.hotkeys, uidsPerAgent: keys.genesisUids };
  }

  /** The task an agent of `kind` gets: its subnet's for ML kinds (which need one), none for the others. */
  taskFor(kind: string, subnetTask: MlTaskSpec | null, at: readonly PropertyKey[]): MlTaskSpec | null {
    if (!ML_TASK_KINDS.has(kind)) return null;
    if (subnetTask === null) this.problems.push({ path: at, message: `${kind} learns or measures the subnet's task: give the subnet a task: (e.g. task: {kind: regression})` });
    return subnetTask;
  }

  /** Group names: explicit, else the kind (kind-2, kind-3, … when a kind repeats). */
  groupNames(groups: readonly RawPopulationGroup[], at: readonly PropertyKey[], taken: Set<string>): string[] {
    return groups.map((g, i) => {
      let name = g.name ?? g.kind;
      if (g.name === undefined) for (let k = 2; taken.has(name); k++) name = `${g.kind}-${k}`;
      else if (taken.has(name)) this.problems.push({ path: [...at, i, 'name'], message: `group name '${name}' is used twice in this subnet` });
      taken.add(name);
      return name;
    });
  }

  subnet(raw: RawSubnet, netuid: number, name: string, at: readonly PropertyKey[], genesis: boolean): ScenarioSubnet {
    const p = this.problems;
    if (raw.tempo !== undefined && raw.tempo < 1) p.push({ path: [...at, 'tempo'], message: `tempo must be ≥ 1 block, got ${raw.tempo}` });
    if (genesis && raw.pool === undefined) p.push({ path: [...at, 'pool'], message: 'required key is missing (a genesis subnet needs its initial reserves: pool: {tao: …, alpha: …})', at: 'key' });
    if (!genesis && raw.pool !== undefined) p.push({ path: [...at, 'pool'], message: 'a registered subnet gets its pool from the lock; remove pool', at: 'key' });
    let rules = applyRulesPatch(defaultRules(this.taoWeightRaw), rulesPatch(raw.hyperparameters ?? {}, raw.tempo ?? DEFAULT_TEMPO_BLOCKS));
    // The default of 64 permits is capped at the subnet's size; only a value the user wrote is checked.
    if (raw.hyperparameters?.max_allowed_validators === undefined && rules.hyperparameters.maxAllowedValidators > rules.turnover.maxAllowedUids) {
      rules = applyRulesPatch(rules, { hyperparameters: { maxAllowedValidators: rules.turnover.maxAllowedUids } });
    }
    checkRules(rules, [...at, 'hyperparameters'], p);
    const prev = this.subnetNames.get(name);
    if (prev !== undefined) p.push({ path: [...at, raw.name === undefined ? 'count' : 'name'], message: `subnet name '${name}' is also used by ${prev}` });
    this.subnetNames.set(name, at.join('.'));
    const groupsRaw = raw.population ?? [];
    // A state subnet's own groups are `validators` and `miners`; population groups join after them.
    const names = this.groupNames(groupsRaw, [...at, 'population'], new Set(raw.state === undefined ? [] : STATE_GROUPS));
    const task = raw.task === undefined ? null : resolveMlTask(raw.task, name, [...at, 'task'], p);
    if (task !== null && raw.replay !== undefined) p.push({ path: [...at, 'task'], message: 'a replay subnet is driven by its file, so no agent would use its task; remove task', at: 'key' });
    const population = groupsRaw.map((g, i) => this.group(g, name, names[i]!, [...at, 'population', i], task));
    const agentUids = population.reduce((a, g) => a + g.count * g.uidsPerAgent, 0);
    const imported = raw.state === undefined ? null : this.state(raw, raw.state, name, at, genesis, task);
    const state = imported?.state ?? null;
    if (raw.state === undefined && raw.state_agents !== undefined) p.push({ path: [...at, 'state_agents'], message: 'state_agents drive the UIDs of a state file; add state: <file.json> or remove state_agents', at: 'key' });
    if (state !== null && state.neurons.length + agentUids > rules.turnover.maxAllowedUids) {
      p.push({
        path: [...at, 'state'],
        message: `the state file's ${state.neurons.length} UIDs + ${agentUids} agent UIDs exceed max_allowed_uids = ${rules.turnover.maxAllowedUids}`,
      });
    } else if (state === null && 1 + agentUids > rules.turnover.maxAllowedUids) {
      p.push({ path: [...at, 'population'], message: `1 owner + ${agentUids} agent UIDs = ${1 + agentUids} UIDs exceed max_allowed_uids = ${rules.turnover.maxAllowedUids}`, at: 'key' });
    }
    let replayFile: string | null = null;
    if (raw.replay !== undefined) {
      replayFile = isAbsolute(raw.replay) ? raw.replay : resolvePath(this.ctx.baseDir, raw.replay);
      if (population.length > 0) p.push({ path: [...at, 'replay'], message: 'a replay subnet is driven by its file; remove population' });
      // The world lays out a replay subnet's UIDs at genesis only (src/sim/world/genesis.ts).
      if (!genesis) p.push({ path: [...at, 'replay'], message: 'only a genesis subnet (under subnets:) can be a replay subnet' });
      if (!existsSync(replayFile)) p.push({ path: [...at, 'replay'], message: `no such file: ${replayFile}` });
      else {
        try {
          const data = loadReplayFile(replayFile);
          const uids = data.validators + data.miners;
          if (uids > rules.turnover.maxAllowedUids) p.push({ path: [...at, 'replay'], message: `the replay has ${uids} UIDs; max_allowed_uids is ${rules.turnover.maxAllowedUids}` });
        } catch (e) {
          if (!(e instanceof InputError)) throw e;
          for (const line of e.problems) p.push({ path: [...at, 'replay'], message: `invalid replay file: ${line}` });
        }
      }
    }
    const owner = raw.owner ?? {};
    const ownerColdkey = imported?.ownerColdkey ?? owner.coldkey ?? `${name}.owner`;
    const ownerHotkey = imported?.ownerHotkey ?? owner.hotkey ?? `${name}.owner`;
    const ownerBalanceRao = owner.balance ?? 0n;
    this.credit(ownerColdkey, ownerBalanceRao);
    return {
      netuid,
      name,
      source: at.join('.'),
      ownerColdkey,
      ownerHotkey,
      ownerStakeAlphaRao: owner.stake ?? 0n,
      ownerBalanceRao,
      pool: raw.pool === undefined ? null : { taoRao: raw.pool.tao, alphaRao: raw.pool.alpha },
      rules,
      emissionEnabled: raw.emission_enabled ?? true,
      started: raw.started ?? true,
      population,
      replayFile,
      state,
      task,
    };
  }

  /**
   * `subnets[].state`: the metagraph file's neuron table with its blocks counted from the
   * snapshot, and the agents of its UIDs (`state_agents`); root stakes it gives are collected for
   * the chain's genesis. Null (with problems) when the file or the combination is unusable.
   */
  state(raw: RawSubnet, file: string, name: string, at: readonly PropertyKey[], genesis: boolean, subnetTask: MlTaskSpec | null): { state: SubnetState; ownerHotkey: string; ownerColdkey: string } | null {
    const p = this.problems;
    const path = isAbsolute(file) ? file : resolvePath(this.ctx.baseDir, file);
    const before = p.length;
    if (raw.replay !== undefined) p.push({ path: [...at, 'state'], message: 'a subnet starts from a state file or is driven by a replay file, not both' });
    // The world lays out a state subnet's UIDs at genesis only, like a replay subnet's.
    if (!genesis) p.push({ path: [...at, 'state'], message: 'only a genesis subnet (under subnets:) can start from a state file' });
    for (const k of ['coldkey', 'hotkey', 'stake'] as const) {
      if (raw.owner?.[k] !== undefined) p.push({ path: [...at, 'owner', k], message: `the owner's ${k} comes from the state file (its owner_hotkey, else UID 0); remove owner.${k}`, at: 'key' });
    }
    let m: Metagraph;
    try {
      if (!existsSync(path)) {
        p.push({ path: [...at, 'state'], message: `no such file: ${path}` });
        return null;
      }
      m = loadMetagraphFile(path);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const line of e.problems) p.push({ path: [...at, 'state'], message: `invalid state file: ${line}` });
      return null;
    }
    const agents = raw.state_agents ?? {};
    const parts = [
      { group: 'validators', spec: agents.validators ?? { kind: 'validator.honest', params: findAgentKind('validator.honest')!.params.parse({}) }, permit: true },
      { group: 'miners', spec: agents.miners ?? { kind: 'miner.honest', params: findAgentKind('miner.honest')!.params.parse({}) }, permit: false },
    ];
    const groups: StateAgentGroup[] = [];
    for (const part of parts) {
      const keys = agentKeysOf(part.spec.kind, part.spec.params);
      if (keys.hotkeys !== 1 || keys.genesisUids !== 1) {
        p.push({ path: [...at, 'state_agents', part.group, 'kind'], message: `${part.spec.kind} does not hold exactly one UID per agent; an imported UID is driven by a kind that does (e.g. validator.honest, miner.honest)` });
      }
      const uids = m.neurons.flatMap((x, uid) => (x.validatorPermit === part.permit ? [uid] : []));
      const task = this.taskFor(part.spec.kind, subnetTask, [...at, 'state_agents', part.group, 'kind']);
      groups.push({ name: part.group, kind: part.spec.kind, params: part.spec.params, task, uids, agentIds: uids.map((uid) => `${name}.${part.group}.${uid}`) });
    }
    m.neurons.forEach((x) => {
      const known = this.stateKeys.get(x.hotkey);
      if (known !== undefined && known.coldkey !== x.coldkey) {
        p.push({ path: [...at, 'state'], message: `hotkey ${x.hotkey} belongs to coldkey ${x.coldkey} here but to ${known.coldkey} in ${known.where}` });
      } else if (known !== undefined && x.rootStakeRao > 0n && known.rootStakeRao > 0n && known.rootStakeRao !== x.rootStakeRao) {
        p.push({ path: [...at, 'state'], message: `hotkey ${x.hotkey} has ${formatTao(x.rootStakeRao)} TAO on root here but ${formatTao(known.rootStakeRao)} in ${known.where}` });
      } else if (known === undefined || known.rootStakeRao === 0n) {
        this.stateKeys.set(x.hotkey, { coldkey: x.coldkey, rootStakeRao: x.rootStakeRao, where: at.join('.') });
      }
    });
    if (p.length > before) return null;
    const state: SubnetState = {
      file,
      snapshotNetuid: m.netuid,
      snapshotBlock: m.block,
      neurons: m.neurons.map((x) => ({
        hotkey: x.hotkey,
        coldkey: x.coldkey,
        alphaStakeRao: x.alphaStakeRao,
        registrationBlock: x.registrationBlock - m.block,
        lastUpdateBlock: x.lastUpdateBlock - m.block,
        validatorPermit: x.validatorPermit,
        weights: x.weights,
        bonds: x.bonds,
      })),
      groups,
    };
    return { state, ownerHotkey: m.neurons[m.ownerUid]!.hotkey, ownerColdkey: m.ownerColdkey };
  }

  /** Genesis root stakes the state files give (hotkey → coldkey, TAO), each hotkey once. */
  stateRootStakes(): { hotkey: string; coldkey: string; taoRao: bigint }[] {
    return [...this.stateKeys].filter(([, v]) => v.rootStakeRao > 0n).map(([hotkey, v]) => ({ hotkey, coldkey: v.coldkey, taoRao: v.rootStakeRao }));
  }
}

function resolveChain(raw: RawScenario['chain'], problems: Problem[], baseDir: string): Omit<ScenarioChain, 'balancesRao'> {
  const c = raw ?? {};
  const rulesVersion = c.rules ?? RULES_VERSIONS[0];
  if (!(RULES_VERSIONS as readonly string[]).includes(rulesVersion)) {
    problems.push({ path: ['chain', 'rules'], message: `unknown rules version '${rulesVersion}' (known: ${RULES_VERSIONS.join(', ')})` });
  }
  const g = defaultCoinbaseGlobals();
  const blockSeconds = c.block_seconds ?? DEFAULT_BLOCK_SECONDS;
  const n = c.network ?? {};
  const f = c.tao_flow ?? {};
  const N = DEFAULT_NETWORK_REGISTRATION;
  const mechanism = resolveMechanism(c.mechanism, baseDir);
  if (mechanism.problem !== null) problems.push({ path: ['chain', 'mechanism'], message: mechanism.problem });
  return {
    rulesVersion,
    mode: c.numeric ?? 'chain',
    mechanism: mechanism.mechanism,
    issuanceRao: c.issuance_tao ?? parseTao(DEFAULT_ISSUANCE_TAO),
    blockSeconds,
    blocksPerDay: Math.floor(86_400 / blockSeconds),
    epochBlocks: c.epoch_blocks ?? DEFAULT_EPOCH_BLOCKS,
    globals: {
      subnetOwnerCutU16: c.subnet_owner_cut === undefined ? g.subnetOwnerCutU16 : u16(c.subnet_owner_cut),
      taoWeightRaw: c.tao_weight === undefined ? g.taoWeightRaw : ratioToRaw(c.tao_weight, U64_MAX),
      subnetMovingAlphaI96F32: c.subnet_moving_alpha === undefined ? g.subnetMovingAlphaI96F32 : ratioToRaw(c.subnet_moving_alpha, 1n << 32n),
      maxEpochsPerBlock: c.max_epochs_per_block ?? g.maxEpochsPerBlock,
      emissionRule: c.emission_rule ?? g.emissionRule,
      taoFlow: {
        smoothingRaw: f.smoothing_factor === undefined ? DEFAULT_TAO_FLOW_PARAMS.smoothingRaw : ratioToRaw(f.smoothing_factor, I64_MAX),
        exponent: f.exponent ?? DEFAULT_TAO_FLOW_PARAMS.exponent,
        cutoffRao: f.cutoff ?? DEFAULT_TAO_FLOW_PARAMS.cutoffRao,
        protocolCostWeightU16: f.protocol_cost_weight === undefined ? DEFAULT_TAO_FLOW_PARAMS.protocolCostWeightU16 : u16(f.protocol_cost_weight),
      },
    },
    network: {
      ...N,
      minLockRao: n.min_lock_cost ?? N.minLockRao,
      lastLockRao: n.last_lock_cost ?? N.lastLockRao,
      lockReductionIntervalBlocks: n.lock_reduction_interval ?? N.lockReductionIntervalBlocks,
      rateLimitBlocks: n.rate_limit ?? N.rateLimitBlocks,
      subnetLimit: n.subnet_limit ?? N.subnetLimit,
      immunityPeriodBlocks: n.immunity_period ?? N.immunityPeriodBlocks,
      startCallDelayBlocks: n.start_call_delay ?? N.startCallDelayBlocks,
    },
    minStakeRao: c.min_stake ?? 2_000_000n,
    blockAuthorColdkey: c.block_author ?? null,
    rootStakes: (c.root_stakes ?? []).map((s) => ({ hotkey: s.hotkey, coldkey: s.coldkey, taoRao: s.tao })),
  };
}

/** A `{block|epoch|day}` time in blocks, or null (with a problem) unless exactly one unit is given. */
function blocksOf(t: { block?: number | undefined; epoch?: number | undefined; day?: number | undefined }, chain: Omit<ScenarioChain, 'balancesRao'>, path: readonly PropertyKey[], problems: Problem[], units: string): number | null {
  const given = (['block', 'epoch', 'day'] as const).filter((k) => t[k] !== undefined);
  if (given.length !== 1) {
    const written = units.split(', ');
    const named = given.map((k) => written[['block', 'epoch', 'day'].indexOf(k)]!);
    problems.push({ path, message: `give exactly one of ${units}${given.length > 1 ? `, not ${named.join(' and ')}` : ''}` });
    return null;
  }
  const k = given[0]!;
  const v = t[k]!;
  return k === 'block' ? v : k === 'epoch' ? v * chain.epochBlocks : v * chain.blocksPerDay;
}

/** Resolves a schema-checked scenario; `problems` is non-empty iff `scenario` is null. */
export function resolveScenario(raw: RawScenario, ctx: ResolveContext): { scenario: Scenario | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const chain = resolveChain(raw.chain, problems, ctx.baseDir);
  const d = raw.duration;
  const durationBlocks = blocksOf({ block: d.blocks, epoch: d.epochs, day: d.days }, chain, ['duration'], problems, 'blocks, epochs, days') ?? 0;
  const r = new Resolver(ctx, chain.globals.taoWeightRaw);
  r.problems.push(...problems);
  for (const [coldkey, amount] of Object.entries(raw.chain?.balances ?? {})) r.credit(coldkey, amount);

  // Templates expand in place: netuids follow the list order.
  const subnets: ScenarioSubnet[] = [];
  raw.subnets.forEach((s, i) => {
    const count = s.count ?? 1;
    if (count < 1) r.problems.push({ path: ['subnets', i, 'count'], message: `a template stands for at least 1 subnet, got count ${count}` });
    for (let k = 1; k <= count; k++) {
      const netuid = subnets.length + 1;
      const base = s.name ?? `sn${netuid}`;
      const name = s.name !== undefined && count > 1 ? `${base}-${k}` : base;
      subnets.push(r.subnet(s, netuid, name, ['subnets', i], true));
    }
  });
  if (raw.subnets.length === 0) r.problems.push({ path: ['subnets'], message: 'a scenario needs at least one subnet' });
  if (subnets.length > chain.network.subnetLimit) {
    r.problems.push({ path: ['subnets'], message: `${subnets.length} subnets exceed the subnet limit of ${chain.network.subnetLimit} (chain.network.subnet_limit)` });
  }

  const events = resolveEvents(raw.events ?? [], chain, durationBlocks, subnets, r);

  const cadenceText = raw.outputs?.cadence ?? 'epoch';
  const [unit, every] = cadenceText.split('-') as ['block' | 'epoch' | 'day', string | undefined];
  const everyN = every === undefined ? 1 : Number(every);
  const outputs = {
    cadence: { unit, every: everyN },
    cadenceBlocks: everyN * (unit === 'block' ? 1 : unit === 'epoch' ? chain.epochBlocks : chain.blocksPerDay),
    detail: [...new Set<OutputDetail>(raw.outputs?.detail ?? ['summary', 'neurons', 'events'])],
  };

  const balancesRao: Record<string, bigint> = {};
  for (const k of [...r.balances.keys()].sort()) balancesRao[k] = r.balances.get(k)!;
  const rootStakes = [...chain.rootStakes, ...r.stateRootStakes()];
  // Genesis TAO is carved out of the issuance (createChain, addGenesisSubnet): say so here rather than fail at genesis.
  const held = [...r.balances.values(), ...rootStakes.map((x) => x.taoRao), ...subnets.map((x) => x.pool?.taoRao ?? 0n)].reduce((a, b) => a + b, 0n);
  if (held > chain.issuanceRao) {
    r.problems.push({
      path: ['chain', 'issuance_tao'],
      message: `genesis balances, root stakes and pool TAO add up to ${formatTao(held)} TAO, more than the issuance of ${formatTao(chain.issuanceRao)} TAO (raise chain.issuance_tao)`,
    });
  }
  if (r.problems.length > 0) return { scenario: null, problems: r.problems };
  return {
    scenario: {
      file: ctx.file,
      name: raw.name,
      description: raw.description ?? '',
      seed: raw.seed ?? 0,
      durationBlocks,
      chain: { ...chain, balancesRao, rootStakes },
      subnets,
      events,
      outputs,
      control: null,
    },
    problems: [],
  };
}

function resolveEvents(rawEvents: readonly RawEvent[], chain: Omit<ScenarioChain, 'balancesRao'>, durationBlocks: number, subnets: ScenarioSubnet[], r: Resolver): ScenarioEvent[] {
  const p = r.problems;
  const timed = rawEvents.map((e, index) => ({ e, index, atBlock: blocksOf(e.at, chain, ['events', index, 'at'], p, 'block, epoch, day') }));
  for (const t of timed) {
    if (t.atBlock !== null && t.atBlock > durationBlocks) {
      p.push({ path: ['events', t.index, 'at'], message: `event at block ${t.atBlock} is after the end of the run (block ${durationBlocks})` });
    }
  }
  const order = timed.filter((t) => t.atBlock !== null).sort((a, b) => a.atBlock! - b.atBlock! || a.index - b.index);
  // Subnets and groups known at each point in time, so references can be checked in order.
  const known = new Map<number, { subnet: ScenarioSubnet; groups: Set<string> }>();
  for (const s of subnets) known.set(s.netuid, { subnet: s, groups: new Set([...(s.state?.groups.map((g) => g.name) ?? []), ...s.population.map((g) => g.name)]) });
  let nextNetuid = subnets.length + 1;
  const out: ScenarioEvent[] = [];
  for (const { e, index, atBlock } of order) {
    const at = ['events', index] as const;
    const base = { atBlock: atBlock!, index };
    const subnetAt = (netuid: number, key: string): ScenarioSubnet | undefined => {
      const s = known.get(netuid)?.subnet;
      if (s === undefined) p.push({ path: [...at, key], message: `no subnet ${netuid} exists at block ${atBlock} (subnets: 1..${nextNetuid - 1})` });
      return s;
    };
    switch (e.type) {
      case 'stake':
        subnetAt(e.netuid, 'netuid');
        out.push({ ...base, type: 'stake', netuid: e.netuid, coldkey: e.coldkey, hotkey: e.hotkey, amountRao: e.amount_tao });
        break;
      case 'unstake':
        subnetAt(e.netuid, 'netuid');
        out.push({ ...base, type: 'unstake', netuid: e.netuid, coldkey: e.coldkey, hotkey: e.hotkey, alphaRao: e.amount_alpha });
        break;
      case 'move_stake':
        subnetAt(e.origin_netuid, 'origin_netuid');
        subnetAt(e.destination_netuid, 'destination_netuid');
        out.push({
          ...base,
          type: 'move_stake',
          coldkey: e.coldkey,
          originHotkey: e.origin_hotkey,
          destinationHotkey: e.destination_hotkey,
          originNetuid: e.origin_netuid,
          destinationNetuid: e.destination_netuid,
          alphaRao: e.amount_alpha,
        });
        break;
      case 'set_hyperparameter': {
        const s = subnetAt(e.netuid, 'netuid');
        if (!SETTABLE.includes(e.name)) {
          p.push({ path: [...at, 'name'], message: `unknown hyperparameter '${e.name}'${didYouMean(e.name, SETTABLE)}` });
          break;
        }
        const schema = e.name === 'tempo' ? TEMPO_SETTING : HYPERPARAMETER_SCHEMAS[e.name as keyof typeof HYPERPARAMETER_SCHEMAS];
        const parsed = schema.safeParse(e.value);
        if (!parsed.success) {
          for (const issue of parsed.error.issues) p.push({ path: [...at, 'value', ...issue.path], message: issue.message });
          break;
        }
        const patch = e.name === 'tempo' ? rulesPatch({}, parsed.data as number) : rulesPatch({ [e.name]: parsed.data }, undefined);
        if (s !== undefined) checkRules(applyRulesPatch(s.rules, patch), [...at, 'value'], p);
        out.push({ ...base, type: 'set_hyperparameter', netuid: e.netuid, name: e.name, patch });
        break;
      }
      case 'agents_join': {
        const k = known.get(e.netuid);
        subnetAt(e.netuid, 'netuid');
        if (k === undefined) break;
        const [name] = r.groupNames([e.group], [...at, 'group'], k.groups);
        const group = r.group(e.group, k.subnet.name, name!, [...at, 'group'], k.subnet.task);
        out.push({ ...base, type: 'agents_join', netuid: e.netuid, group });
        break;
      }
      case 'agents_leave': {
        const k = known.get(e.netuid);
        subnetAt(e.netuid, 'netuid');
        if (k !== undefined && !k.groups.has(e.group_name)) {
          p.push({ path: [...at, 'group_name'], message: `subnet ${e.netuid} has no group '${e.group_name}' at block ${atBlock}${didYouMean(e.group_name, k.groups)}` });
        }
        out.push({ ...base, type: 'agents_leave', netuid: e.netuid, group: e.group_name, count: e.count ?? null });
        break;
      }
      case 'register_subnet': {
        if (e.subnet.count !== undefined) p.push({ path: [...at, 'subnet', 'count'], message: 'register_subnet registers one subnet; remove count', at: 'key' });
        const netuid = nextNetuid++;
        const subnet = r.subnet(e.subnet, netuid, e.subnet.name ?? `sn${netuid}`, [...at, 'subnet'], false);
        known.set(netuid, { subnet, groups: new Set(subnet.population.map((g) => g.name)) });
        out.push({ ...base, type: 'register_subnet', subnet });
        break;
      }
    }
  }
  return out;
}
