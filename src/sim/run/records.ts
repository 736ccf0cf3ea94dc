/**
 * The rows a run records, in the shape the artifacts writer puts into `metrics.csv`,
 * `neurons.csv` and `events.jsonl`. Amounts are bigint rao / alpha-rao (the writer formats them
 * as exact decimals); ratios are float64. Every list the world produces is in a fixed order
 * (block, netuid, group name, uid), so artifacts are byte-identical for the same seed.
 */

/** One agent group of one subnet at one epoch (plus the chain-wide figures of that block). */
export interface MetricsRow {
  readonly block: number;
  readonly day: number;
  readonly netuid: number;
  /** Agent group name; `owner` for the subnet owner's UID; `unassigned` for UIDs no agent holds. */
  readonly group: string;
  /** UIDs the group holds at the epoch. */
  readonly uids: number;
  /** Alpha credited at this epoch to the group's hotkeys as incentive and as dividends, alpha-rao. */
  readonly incentiveRao: bigint;
  readonly dividendsRao: bigint;
  /** The group's share of the subnet's epoch stake weight (sum of stake weights of its UIDs / total), in [0, 1]. */
  readonly stakeShare: number;
  /** The group's share of this epoch's incentive + dividends, in [0, 1]. */
  readonly emissionShare: number;
  /** Mean validator trust of the group's UIDs (u16 / 65535). */
  readonly validatorTrust: number;
  /** Mean consensus of the group's UIDs (u16 / 65535). */
  readonly consensus: number;
  /** Spot price, TAO per alpha. */
  readonly alphaPrice: number;
  readonly poolTaoRao: bigint;
  readonly poolAlphaRao: bigint;
  readonly issuanceRao: bigint;
  readonly blockEmissionRao: bigint;
}

/** One UID at one epoch. */
export interface NeuronRow {
  readonly block: number;
  readonly netuid: number;
  readonly uid: number;
  readonly hotkey: string;
  readonly group: string;
  /** Alpha stake of the hotkey on the subnet (own), alpha-rao. */
  readonly stakeRao: bigint;
  /** Stake weight the epoch used (u16 / 65535). */
  readonly stakeWeight: number;
  readonly incentive: number;
  readonly dividends: number;
  readonly consensus: number;
  readonly validatorTrust: number;
  readonly validatorPermit: boolean;
  /** `Emission` stored for the UID, alpha-rao. */
  readonly emissionRao: bigint;
  /** Alpha credited to the UID's hotkey at this epoch (incentive, dividends), alpha-rao. */
  readonly incentiveCreditRao: bigint;
  readonly dividendCreditRao: bigint;
}

/** Something that happened: an applied or refused action, a scenario event, a registration. */
export interface RunEvent {
  readonly block: number;
  readonly kind: 'action' | 'action_rejected' | 'scenario_event' | 'scenario_event_failed' | 'run_start' | 'run_end' | 'ml_quality';
  /** The agent that acted, if any. */
  readonly agent?: string;
  /** What was attempted (action or event type). */
  readonly what: string;
  /** The chain's error name for refusals. */
  readonly reason?: string;
  /** Extra detail (JSON-safe: bigint written as decimal strings by the writer). */
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** Where a run sends its rows; the artifacts writer implements it, tests collect into arrays. */
export interface RunRecorder {
  metrics(row: MetricsRow): void;
  neuron(row: NeuronRow): void;
  event(e: RunEvent): void;
}

/** A recorder that keeps nothing: for runs whose summary (group and subnet outcomes) is all that is wanted. */
export const DISCARD_RECORDER: RunRecorder = Object.freeze({ metrics: () => undefined, neuron: () => undefined, event: () => undefined });
