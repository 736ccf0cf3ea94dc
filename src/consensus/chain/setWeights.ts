/**
 * `set_weights` (spec/yuma.md §5.1): a registered hotkey stores its weight row for one mechanism of
 * a subnet, after the chain's checks in the chain's order; values are max-upscaled to u16 and stored
 * in the given order, zeros included. With commit-reveal on, plain `set_weights` is refused and
 * weights arrive through commits (weightCommits.ts), whose reveals run the same validation.
 *
 * Chain: pallets/subtensor/src/subnets/weights.rs `do_set_weights` / `do_set_mechanism_weights`
 * (and `check_rate_limit`, `check_weights_min_stake`, `is_self_weight`, `check_length`,
 * `max_weight_limited`) at 14bc6f9.
 */
import { checkVecMaxLimited, vecU16MaxUpscaleToU16 } from '../epoch/u16Math.ts';
import { epochStakeOfHotkeys } from '../staking/epochStake.ts';
import { ROOT_NETUID } from '../staking/stakingSubnet.ts';
import { chainFail, type ChainFailure } from './chainResult.ts';
import { subnetOf, type ChainState, type SubnetChain } from './chainState.ts';
import { storeWeights, type Row } from './subnetNeurons.ts';

const U64_MAX = (1n << 64n) - 1n;

export interface WeightsRequest {
  readonly hotkey: string;
  readonly netuid: number;
  /** Target UIDs and their raw values (any non-negative integers ≤ 65535; upscaled on storage). */
  readonly uids: readonly number[];
  readonly values: readonly number[];
  readonly versionKey?: number;
  readonly mechanism?: number;
}

/** The stake weight `set_weights` compares with `StakeThreshold`: inherited alpha + τ·inherited root, rao. */
export function stakeWeightRao(state: ChainState, netuid: number, hotkey: string): bigint {
  const { alphaStakeRao, rootStakeRao } = epochStakeOfHotkeys(state.ledger, netuid, [hotkey]);
  return alphaStakeRao[0]! + (rootStakeRao[0]! * state.globals.taoWeightRaw) / U64_MAX;
}

export interface ValidatedWeights {
  readonly subnet: SubnetChain;
  readonly uid: number;
  readonly mechanism: number;
}

/**
 * The checks of `do_set_weights` except the commit-reveal switch and the rate limit (which the
 * callers apply: plain sets check both, reveals neither). Returns the caller's UID or the error.
 */
export function validateWeights(state: ChainState, r: WeightsRequest): ValidatedWeights | ChainFailure {
  if (r.netuid === ROOT_NETUID) return chainFail('CanNotSetRootNetworkWeights');
  const subnet = subnetOf(state, r.netuid);
  if (subnet === undefined) return chainFail('SubnetNotExists');
  const mechanism = r.mechanism ?? 0;
  if (!Number.isInteger(mechanism) || mechanism < 0 || mechanism >= subnet.mechanismCount) return chainFail('MechanismDoesNotExist');
  const nrn = subnet.neurons;
  if (r.uids.length !== r.values.length) return chainFail('WeightVecNotEqualSize');
  if (r.uids.length > nrn.n) return chainFail('UidsLengthExceedUidsInSubNet');
  const uid = nrn.hotkeys.indexOf(r.hotkey);
  if (uid < 0) return chainFail('HotKeyNotRegisteredInSubNet');
  const isOwner = r.hotkey === subnet.ownerHotkey;
  if (!isOwner && stakeWeightRao(state, r.netuid, r.hotkey) < subnet.hyperparameters.stakeThresholdRao) return chainFail('NotEnoughStakeToSetWeights');
  const key = subnet.weights.weightsVersionKey;
  if (key !== 0 && (r.versionKey ?? 0) < key) return chainFail('IncorrectWeightVersionKey');
  const selfWeight = r.uids.length === 1 && r.uids[0] === uid;
  if (!selfWeight && !isOwner && nrn.validatorPermit[uid] !== true) return chainFail('NeuronNoValidatorPermit');
  if (new Set(r.uids).size !== r.uids.length) return chainFail('DuplicateUids');
  if (r.uids.some((u) => !Number.isInteger(u) || u < 0 || u >= nrn.n)) return chainFail('UidVecContainInvalidOne');
  if (!selfWeight && r.uids.length < Math.min(nrn.n, subnet.weights.minAllowedWeights)) return chainFail('WeightVecLengthIsLow');
  if (r.values.some((v) => !Number.isInteger(v) || v < 0 || v > 65535)) return chainFail('MaxWeightExceeded');
  if (!selfWeight && subnet.weights.maxWeightLimitU16 !== 65535 && !checkVecMaxLimited(r.values, subnet.weights.maxWeightLimitU16)) return chainFail('MaxWeightExceeded');
  return { subnet, uid, mechanism };
}

/** The stored row: values max-upscaled to u16, in the given order, zeros kept. */
export function weightRow(uids: readonly number[], values: readonly number[]): Row {
  const upscaled = vecU16MaxUpscaleToU16(values);
  return uids.map((u, i) => [u, upscaled[i]!]);
}

/** Whether a UID may set weights (or commit) now: never set (LastUpdate 0), or ≥ rate limit blocks ago. */
export function passesWeightsRateLimit(state: ChainState, v: ValidatedWeights): boolean {
  const last = v.subnet.neurons.mechanisms[v.mechanism]!.lastUpdate[v.uid] ?? 0;
  return last === 0 || state.block - last >= v.subnet.weights.weightsSetRateLimitBlocks;
}

/** `set_weights`: validates, applies the rate limit, stores the row and sets LastUpdate. */
export function setWeights(state: ChainState, r: WeightsRequest): { ok: true; uid: number } | ChainFailure {
  const v = validateWeights(state, r);
  if ('ok' in v) return v;
  if (v.subnet.hyperparameters.commitRevealWeightsEnabled) return chainFail('CommitRevealEnabled');
  if (!passesWeightsRateLimit(state, v)) return chainFail('SettingWeightsTooFast');
  storeWeights(v.subnet.neurons, v.mechanism, v.uid, weightRow(r.uids, r.values), state.block);
  return { ok: true, uid: v.uid };
}
