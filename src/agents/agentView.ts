import type { MlAnswer } from './ml/mlResponder.ts';

/**
 * The read-only window an agent decides from: what a participant of the real network could see —
 * chain storage that is public (registered hotkeys, stored weights after their reveal, the last
 * epoch's outputs, stakes, pool prices, registration costs), its own accounts, and the off-chain
 * measurements it can make (a validator querying a miner). Unrevealed commits are not visible.
 * Views are built lazily by the simulator; agents must not hold on to one past their turn.
 */
export interface SubnetView {
  readonly netuid: number;
  readonly tempoBlocks: number;
  /** Block of the subnet's last epoch (its next one is due `tempoBlocks` after it). */
  readonly lastEpochBlock: number;
  readonly commitRevealEnabled: boolean;
  readonly revealPeriodEpochs: number;
  readonly weightsSetRateLimitBlocks: number;
  readonly minAllowedWeights: number;
  readonly maxAllowedUids: number;
  /** Number of UIDs. */
  readonly n: number;
  /** Hotkey per UID. */
  readonly hotkeys: readonly (string | null)[];
  readonly blockAtRegistration: readonly number[];
  /** Permits from the last epoch. */
  readonly validatorPermit: readonly boolean[];
  /** The last epoch's credits per UID, alpha-rao. */
  readonly lastIncentiveRao: readonly bigint[];
  readonly lastDividendRao: readonly bigint[];
  /** The last epoch's combined emission per UID (`Emission`), alpha-rao. */
  readonly lastEmissionRao: readonly bigint[];
  /** Public stored weight row of a UID (after reveal), `[uid, u16]` pairs; empty if none. */
  weightsOf(uid: number, mechanism?: number): readonly (readonly [number, number])[];
  /** Coldkey owning the hotkey at `uid` (public: `Owner` storage), or null for an empty UID. */
  coldkeyOfUid(uid: number): string | null;
  /** `ImmunityPeriod`: blocks after registration during which a UID cannot be pruned. */
  readonly immunityPeriodBlocks: number;
  /** `MinNonImmuneUids`: pruning picks among immune UIDs when fewer than this are past immunity. */
  readonly minNonImmuneUids: number;
  /** `ImmuneOwnerUidsLimit`: how many UIDs of the owner's coldkey pruning never takes. */
  readonly immuneOwnerUidsLimit: number;
  /** `SubnetOwner`: the owner's coldkey. */
  readonly ownerColdkey: string;
  /** Alpha stake a UID's hotkey holds on this subnet (own, before childkeys), alpha-rao. */
  stakeOfUid(uid: number): bigint;
  /** Spot price, rao per alpha (rounded down). */
  readonly priceRao: bigint;
  /** What a burned registration costs now, rao. */
  readonly registrationBurnRao: bigint;
  readonly ownerHotkey: string;
}

export interface SelfView {
  readonly id: string;
  readonly coldkey: string;
  readonly hotkey: string;
  /** Every hotkey the agent controls (`hotkeys[0] === hotkey`). */
  readonly hotkeys: readonly string[];
  /** The subnet the agent belongs to. */
  readonly netuid: number;
  /** The agent's UID on its subnet, or null while it holds none (not yet registered, or pruned). */
  readonly uid: number | null;
  /** UID of one of its hotkeys on `netuid` (default: its subnet), or null. */
  uidOf(hotkey: string, netuid?: number): number | null;
  /** Free TAO of the coldkey, rao. */
  readonly balanceRao: bigint;
  /** Alpha the coldkey holds on (hotkey, netuid), alpha-rao. */
  stakeRao(netuid: number, hotkey?: string): bigint;
}

/** A hotkey holding root (netuid 0) stake: public `TotalHotkeyAlpha[hotkey, 0]`. */
export interface RootValidatorView {
  readonly hotkey: string;
  /** Its total root stake (all coldkeys), rao — root converts TAO 1:1. */
  readonly stakeRao: bigint;
}

/** Root (netuid 0), which has no UIDs of its own in the simulator: who holds root stake. */
export interface RootView {
  /** Hotkeys with root stake > 0, largest stake first (ties: hotkey ascending). Built on access. */
  readonly validators: readonly RootValidatorView[];
}

export interface AgentView {
  /** The block the agent acts in (its actions are included in this block). */
  readonly block: number;
  readonly blocksPerDay: number;
  /**
   * `DefaultMinStake`, rao: an add_stake must offer at least this plus its fee, and a partial
   * remove_stake must pay at least this (a full exit is exempt).
   */
  readonly minStakeRao: bigint;
  readonly root: RootView;
  readonly self: SelfView;
  /** Netuids of the existing subnets, ascending. */
  readonly netuids: readonly number[];
  subnet(netuid: number): SubnetView | undefined;
  /**
   * Off-chain: the true quality currently served by the miner at `uid` on `netuid` (what a perfect
   * evaluation would measure), or null when that UID serves nothing. Validators add their own noise.
   */
  servedQuality(netuid: number, uid: number): number | null;
  /**
   * Off-chain Proof-of-Intelligence query: the predictions of the ML miner at `uid` on `netuid` for
   * `count` row-major inputs, or null when that UID holds no ML miner or it does not answer.
   * Deterministic and side-effect free (src/agents/ml/mlResponder.ts).
   */
  query(netuid: number, uid: number, inputs: Float32Array, count: number): MlAnswer | null;
}
