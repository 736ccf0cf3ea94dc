/**
 * What an agent may ask the chain (or the off-chain world) to do. Agents propose, the simulator
 * disposes (DESIGN.md habit 4): every action is applied through the chain's own extrinsic with the
 * chain's checks, on behalf of the agent's coldkey/hotkey; a refused action becomes an event with
 * the chain's error name, never an exception.
 */
export type Action =
  /** `set_weights` on a subnet (refused by the chain while commit-reveal is on). */
  | { readonly type: 'set_weights'; readonly netuid: number; readonly uids: readonly number[]; readonly values: readonly number[] }
  /** Timelocked weight commit, revealed by the chain `RevealPeriodEpochs` epochs later. */
  | { readonly type: 'commit_weights'; readonly netuid: number; readonly uids: readonly number[]; readonly values: readonly number[] }
  /** Stake free TAO on `hotkey` (default: the agent's own) on `netuid`. */
  | { readonly type: 'add_stake'; readonly netuid: number; readonly hotkey?: string; readonly amountRao: bigint }
  /** Unstake alpha from `hotkey` (default: own) on `netuid`. */
  | { readonly type: 'remove_stake'; readonly netuid: number; readonly hotkey?: string; readonly alphaRao: bigint }
  /** Burned registration of the agent's hotkey (or `hotkey`, one of its own) on `netuid`, paid by its coldkey. */
  | { readonly type: 'register'; readonly netuid: number; readonly hotkey?: string }
  /**
   * Off-chain: the quality of what the miner serves from now on, in [0, 1]. Validators' evaluations
   * read it (with their own noise); the chain never sees it. `hotkey` (default: its own) must be one
   * of the agent's hotkeys.
   */
  | { readonly type: 'serve'; readonly netuid: number; readonly quality: number; readonly hotkey?: string };

export type ActionType = Action['type'];
