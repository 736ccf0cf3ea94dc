/**
 * Commit–reveal of weights, timelocked (CR-v3/v4, the chain's current version; spec/yuma.md §5.2):
 * with `CommitRevealWeightsEnabled`, a validator commits its weights (rate-limited like
 * `set_weights`; LastUpdate is set at commit time), the commit stays hidden, and at the start of the
 * block in which epoch `commit_epoch + RevealPeriodEpochs` fires — before that epoch computes — the
 * chain reveals it and the weights are validated and stored as by `set_weights` (reveals bypass the
 * rate limit and leave LastUpdate alone; an invalid payload is dropped). While a commit is
 * unrevealed the epoch masks the committer's weights to UIDs registered after it.
 *
 * Chain: pallets/subtensor/src/subnets/weights.rs `do_commit_timelocked_weights` and
 * coinbase/reveal_commits.rs `reveal_crv3_commits` at 14bc6f9. The drand ciphertext is replaced by
 * the clear payload held in chain state (nothing an agent's view exposes).
 */
import { ROOT_NETUID } from '../staking/stakingSubnet.ts';
import { chainFail, type ChainFailure } from './chainResult.ts';
import { subnetOf, type ChainState, type SubnetChain } from './chainState.ts';
import { passesWeightsRateLimit, validateWeights, weightRow, type WeightsRequest } from './setWeights.ts';
import { touchLastUpdate } from './subnetNeurons.ts';

/** Unrevealed commits a hotkey may hold per subnet. */
export const MAX_UNREVEALED_COMMITS = 10;

/** `commit_timelocked_weights`: stores the hidden payload for the reveal `RevealPeriodEpochs` epochs on. */
export function commitWeights(state: ChainState, r: WeightsRequest): { ok: true; uid: number; revealEpoch: number } | ChainFailure {
  if (r.netuid === ROOT_NETUID) return chainFail('CanNotSetRootNetworkWeights');
  const subnet = subnetOf(state, r.netuid);
  if (subnet === undefined) return chainFail('SubnetNotExists');
  if (!subnet.hyperparameters.commitRevealWeightsEnabled) return chainFail('CommitRevealDisabled');
  const mechanism = r.mechanism ?? 0;
  if (!Number.isInteger(mechanism) || mechanism < 0 || mechanism >= subnet.mechanismCount) return chainFail('MechanismDoesNotExist');
  const uid = subnet.neurons.hotkeys.indexOf(r.hotkey);
  if (uid < 0) return chainFail('HotKeyNotRegisteredInSubNet');
  if (!passesWeightsRateLimit(state, { subnet, uid, mechanism })) return chainFail('SettingWeightsTooFast');
  if (subnet.pendingCommits.filter((c) => c.hotkey === r.hotkey).length >= MAX_UNREVEALED_COMMITS) return chainFail('TooManyUnrevealedCommits');
  const epoch = Number(subnet.economy.epochIndex);
  subnet.pendingCommits.push({
    uid,
    hotkey: r.hotkey,
    mechanism,
    block: state.block,
    epoch,
    uids: [...r.uids],
    values: [...r.values],
    versionKey: r.versionKey ?? 0,
  });
  subnet.neurons.commits.push({ uid, block: state.block, epoch, kind: 'timelocked', mechanism });
  touchLastUpdate(subnet.neurons.mechanisms[mechanism]!, uid, state.block);
  return { ok: true, uid, revealEpoch: epoch + subnet.hyperparameters.revealPeriodEpochs };
}

export interface RevealOutcome {
  readonly revealed: number;
  /** Commits dropped: invalid at reveal time, or their reveal epoch passed without a reveal. */
  readonly dropped: number;
}

/**
 * Reveals the commits of `subnet` that are due at the epoch about to run (its epoch index has just
 * been advanced by the scheduler); drops invalid and stale ones. Call before the epoch computes.
 */
export function revealDueCommits(state: ChainState, subnet: SubnetChain): RevealOutcome {
  const epochNow = Number(subnet.economy.epochIndex);
  const period = subnet.hyperparameters.revealPeriodEpochs;
  const keep = [];
  let revealed = 0;
  let dropped = 0;
  for (const c of subnet.pendingCommits) {
    const due = c.epoch + period;
    if (due > epochNow) {
      keep.push(c);
      continue;
    }
    removeMask(subnet, c.uid, c.block, c.epoch, c.mechanism);
    if (due < epochNow) {
      dropped++;
      continue;
    }
    const v = validateWeights(state, { hotkey: c.hotkey, netuid: subnet.netuid, uids: c.uids, values: c.values, versionKey: c.versionKey, mechanism: c.mechanism });
    if ('ok' in v) {
      dropped++;
      continue;
    }
    // A reveal stores the row but leaves LastUpdate at the commit block.
    subnet.neurons.mechanisms[v.mechanism]!.weights.set(v.uid, weightRow(c.uids, c.values));
    revealed++;
  }
  subnet.pendingCommits = keep;
  return { revealed, dropped };
}

function removeMask(subnet: SubnetChain, uid: number, block: number, epoch: number, mechanism: number): void {
  const list = subnet.neurons.commits;
  const i = list.findIndex((m) => m.uid === uid && m.block === block && m.epoch === epoch && m.mechanism === mechanism);
  if (i >= 0) list.splice(i, 1);
}
