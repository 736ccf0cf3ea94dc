/**
 * Which hotkey a trader delegates to on a subnet: the validator a delegator would pick from public
 * storage — the UID holding a validator permit (last epoch) with the largest own alpha stake
 * (ties: lowest UID). Before any permit exists (no epoch yet) it is the largest-stake UID; on a
 * subnet where no UID holds stake, the owner's hotkey (always registered). Dividends reach every
 * nominator of the hotkey pro rata through its share pool (staking/distributeEmission.ts).
 */
import type { SubnetView } from '../agentView.ts';

export function delegationHotkey(subnet: SubnetView): string {
  let best: { uid: number; stakeRao: bigint; permit: boolean } | null = null;
  for (let uid = 0; uid < subnet.n; uid++) {
    if (subnet.hotkeys[uid] === null || subnet.hotkeys[uid] === undefined) continue;
    const permit = subnet.validatorPermit[uid] === true;
    const stakeRao = subnet.stakeOfUid(uid);
    // A permit holder beats any non-holder; then the larger stake; strict `>` keeps the lowest UID on ties.
    if (best === null || (permit && !best.permit) || (permit === best.permit && stakeRao > best.stakeRao)) best = { uid, stakeRao, permit };
  }
  if (best === null || (!best.permit && best.stakeRao === 0n)) return subnet.ownerHotkey;
  return subnet.hotkeys[best.uid]!;
}
