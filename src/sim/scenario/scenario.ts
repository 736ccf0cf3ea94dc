/**
 * A fully resolved scenario (the "qualified" stage of DESIGN.md habit 5): every default filled,
 * templates expanded, times in blocks, amounts in rao / alpha-rao, proportions in the chain's
 * integer encodings. Downstream code (world, run, reports) reads only this, never the YAML; the
 * field shapes follow the chain API so genesis is a direct mapping:
 *
 *   createChain({ mode: s.chain.mode, epochVariant: epochVariantKeyOf(s.chain.mechanism),
 *                 issuanceRao: s.chain.issuanceRao, globals: s.chain.globals,
 *                 network: s.chain.network, minStakeRao: s.chain.minStakeRao, … })
 *   addGenesisSubnet(state, { netuid, ownerColdkey, ownerHotkey, taoReserveRao: pool.taoRao,
 *                 alphaReserveRao: pool.alphaRao, ...subnet.rules, started, emissionEnabled })
 */
import type { NetworkRegistration, RegistrationPrice, TurnoverParams } from '../../consensus/chain/chainState.ts';
import type { GenesisNeuron } from '../../consensus/chain/genesisNeuronTable.ts';
import type { CoinbaseGlobals } from '../../consensus/coinbase/subnetEconomy.ts';
import type { NumericMode } from '../../consensus/epoch/arithmetic.ts';
import type { EpochHyperparameters } from '../../consensus/epoch/types.ts';
import type { StakeDistribution } from './stakeDistribution.ts';
import type { MlTaskSpec } from '../../agents/ml/mlTaskSpec.ts';

/**
 * The epoch mechanism `chain.mechanism` forces on every subnet (scenarios/README.md, *Mechanisms*);
 * the scenario holds where it comes from, and the world looks the variant up at genesis
 * (scenarioMechanism.ts), so the resolved scenario stays plain data.
 */
export interface ScenarioMechanism {
  /** As written: a registry name (`yuma2`) or a module reference (`./my-yuma.ts#MyYuma`). */
  readonly reference: string;
  /** The variant's own `name` (for a module, what its export calls itself). */
  readonly name: string;
  /** Null for a registered name. */
  readonly module: MechanismModule | null;
}

/** A user's mechanism module, as loaded when the scenario was resolved. */
export interface MechanismModule {
  /** Absolute path of the file (left out of the resolved-scenario hash, like the scenario's own path). */
  readonly path: string;
  readonly exportName: string;
  /** sha256 of the file's bytes. */
  readonly sha256: string;
  /**
   * The files it imports, directly or not, apart from packages and yumalab's own src/ (which the
   * yumalab version covers): path relative to the module's directory, and sha256 — so editing a
   * helper the module imports changes the scenario hash (and a sweep's cache key) too.
   */
  readonly imports: readonly { readonly file: string; readonly sha256: string }[];
}

export interface ScenarioChain {
  readonly rulesVersion: string;
  readonly mode: NumericMode;
  /** The epoch mechanism forced on every subnet; null = each subnet's own (`yuma3_on`), as on chain. */
  readonly mechanism: ScenarioMechanism | null;
  readonly issuanceRao: bigint;
  readonly blockSeconds: number;
  /** 86400 / blockSeconds, floored (7200 at 12 s). */
  readonly blocksPerDay: number;
  /** Blocks in one scenario "epoch" (durations, event times, output cadence). */
  readonly epochBlocks: number;
  readonly globals: Pick<CoinbaseGlobals, 'subnetOwnerCutU16' | 'taoWeightRaw' | 'subnetMovingAlphaI96F32' | 'maxEpochsPerBlock' | 'emissionRule' | 'taoFlow'>;
  readonly network: NetworkRegistration;
  readonly minStakeRao: bigint;
  /** Coldkey credited with swap fees; null = fees are burned. */
  readonly blockAuthorColdkey: string | null;
  /** Free balances at genesis by coldkey (chain.balances, owners' and agents' balances summed), rao. */
  readonly balancesRao: Readonly<Record<string, bigint>>;
  readonly rootStakes: readonly { readonly hotkey: string; readonly coldkey: string; readonly taoRao: bigint }[];
}

/** What a subnet's `hyperparameters` (and `tempo`) resolve to, in chain encodings. */
export interface SubnetRules {
  /** Includes `tempoBlocks` and the chain-wide `taoWeightRaw`. */
  readonly hyperparameters: EpochHyperparameters;
  readonly registration: Pick<RegistrationPrice, 'burnRao' | 'minBurnRao' | 'maxBurnRao' | 'burnHalfLifeBlocks' | 'burnIncreaseMultU64F64'>;
  readonly turnover: TurnoverParams;
  readonly mechanismCount: number;
  /** `RecycleOrBurn` = recycle. */
  readonly recycleOwnerIncentive: boolean;
  readonly minAllowedWeights: number;
  readonly weightsSetRateLimitBlocks: number;
}

/** The part of `SubnetRules` one `set_hyperparameter` event changes. */
export interface SubnetRulesPatch {
  readonly hyperparameters?: Partial<EpochHyperparameters>;
  readonly registration?: Partial<SubnetRules['registration']>;
  readonly turnover?: Partial<TurnoverParams>;
  readonly mechanismCount?: number;
  readonly recycleOwnerIncentive?: boolean;
  readonly minAllowedWeights?: number;
  readonly weightsSetRateLimitBlocks?: number;
}

export interface PopulationGroup {
  readonly name: string;
  readonly kind: string;
  readonly count: number;
  readonly stake: StakeDistribution;
  /** Free TAO of each agent's coldkey, rao. */
  readonly balanceRao: bigint;
  /** The kind's parameters with its defaults filled (see agentKinds.ts). */
  readonly params: Readonly<Record<string, unknown>>;
  /** The subnet's task (`subnets[].task`) for ML kinds, else null. */
  readonly task: MlTaskSpec | null;
  /** Stable agent ids `<subnet name>.<group name>.<index>`; the agent's RNG substream is `agent/<id>`. */
  readonly agentIds: readonly string[];
  /** Hotkeys each agent controls (its kind's `keys`); the first is the agent id. */
  readonly hotkeysPerAgent: number;
  /** How many of them hold a UID from the start (registered at genesis, or by burn on joining). */
  readonly uidsPerAgent: number;
}

export interface ScenarioSubnet {
  /** Genesis subnets: their netuid. Registered subnets: the netuid they get if no subnet is pruned. */
  readonly netuid: number;
  readonly name: string;
  /** Where the subnet was written, as a key path (`subnets.2`, `events.4.subnet`), for messages. */
  readonly source: string;
  readonly ownerColdkey: string;
  readonly ownerHotkey: string;
  readonly ownerStakeAlphaRao: bigint;
  readonly ownerBalanceRao: bigint;
  /** Genesis reserves; null for a subnet registered by an event (the lock seeds its pool). */
  readonly pool: { readonly taoRao: bigint; readonly alphaRao: bigint } | null;
  readonly rules: SubnetRules;
  readonly emissionEnabled: boolean;
  readonly started: boolean;
  /** In UID order after the owner's UID 0. */
  readonly population: readonly PopulationGroup[];
  /** Absolute path of the replay file, or null. */
  readonly replayFile: string | null;
  /** The neuron table the subnet starts from (`subnets[].state`), or null. */
  readonly state: SubnetState | null;
  /** The Proof-of-Intelligence task of its ML agents (`subnets[].task`), or null. */
  readonly task: MlTaskSpec | null;
}

/**
 * One UID of a state subnet, as the chain stores it: the genesis neuron of
 * consensus/chain/genesisNeuronTable.ts. Its `registrationBlock` and `lastUpdateBlock` are
 * counted from the snapshot — genesis (block 0) is the snapshot's block, so they are ≤ 0 and the
 * UID's age and staleness carry over unchanged.
 */
export type StateNeuron = GenesisNeuron;

/** The agents driving some of a state subnet's UIDs: one agent per UID, bound to its keys. */
export interface StateAgentGroup {
  /** `validators` (UIDs with a permit in the snapshot) or `miners` (the others). */
  readonly name: string;
  readonly kind: string;
  readonly params: Readonly<Record<string, unknown>>;
  /** The subnet's task for ML kinds, else null. */
  readonly task: MlTaskSpec | null;
  /** The UIDs it drives, ascending. */
  readonly uids: readonly number[];
  /** `<subnet name>.<group>.<uid>`, one per UID (the agent's RNG substream is `agent/<id>`). */
  readonly agentIds: readonly string[];
}

/** A subnet that starts from an explicit neuron table (a chain snapshot). */
export interface SubnetState {
  /** The state file as the scenario names it (relative to the scenario file). */
  readonly file: string;
  /** Netuid and block of the snapshot on the chain it came from (provenance only). */
  readonly snapshotNetuid: number;
  readonly snapshotBlock: number;
  /** In UID order; UIDs 0..n−1 keep their snapshot numbers. */
  readonly neurons: readonly StateNeuron[];
  readonly groups: readonly StateAgentGroup[];
}

interface EventBase {
  /** The block at whose start the event applies. */
  readonly atBlock: number;
  /** Position in the file's `events` list (ties at one block apply in this order). */
  readonly index: number;
}

export type ScenarioEvent = EventBase &
  (
    | { readonly type: 'stake'; readonly netuid: number; readonly coldkey: string; readonly hotkey: string; readonly amountRao: bigint }
    | { readonly type: 'unstake'; readonly netuid: number; readonly coldkey: string; readonly hotkey: string; readonly alphaRao: bigint }
    | {
        readonly type: 'move_stake';
        readonly coldkey: string;
        readonly originHotkey: string;
        readonly destinationHotkey: string;
        readonly originNetuid: number;
        readonly destinationNetuid: number;
        readonly alphaRao: bigint;
      }
    | { readonly type: 'set_hyperparameter'; readonly netuid: number; readonly name: string; readonly patch: SubnetRulesPatch }
    | { readonly type: 'agents_join'; readonly netuid: number; readonly group: PopulationGroup }
    | { readonly type: 'agents_leave'; readonly netuid: number; readonly group: string; readonly count: number | null }
    | { readonly type: 'register_subnet'; readonly subnet: ScenarioSubnet }
  );

export type OutputDetail = 'summary' | 'neurons' | 'events';

export interface ScenarioOutputs {
  readonly cadence: { readonly unit: 'block' | 'epoch' | 'day'; readonly every: number };
  /** The cadence in blocks. */
  readonly cadenceBlocks: number;
  readonly detail: readonly OutputDetail[];
}

export interface ControlOverride {
  /** Dotted key path as written under `control:`. */
  readonly path: string;
  readonly value: unknown;
}

export interface Scenario {
  /** The file it was read from (as given). */
  readonly file: string;
  readonly name: string;
  readonly description: string;
  readonly seed: number;
  readonly durationBlocks: number;
  readonly chain: ScenarioChain;
  /** Ascending netuid, templates expanded. */
  readonly subnets: readonly ScenarioSubnet[];
  /** Sorted by (atBlock, index). */
  readonly events: readonly ScenarioEvent[];
  readonly outputs: ScenarioOutputs;
  /** The A/B control run (issue 5): its overrides and the resolved control scenario; null if none. */
  readonly control: { readonly overrides: readonly ControlOverride[]; readonly scenario: Scenario } | null;
}
