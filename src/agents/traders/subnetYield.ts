/**
 * What staking on a subnet's validators has recently paid, from public storage: the last epoch's
 * dividends to all UIDs over the own alpha stake of the permit holders — alpha earned per alpha
 * staked per tempo. Divided by the tempo it becomes a per-block rate, so subnets with different
 * tempos compare. At the same spot price the ratio is the same in TAO (alpha × price over alpha ×
 * price); what a TAO valuation adds is the price moving, which the staker estimates itself.
 */
import type { SubnetView } from '../agentView.ts';

/**
 * Alpha per alpha per tempo paid to validators in the last epoch. `joiningAlphaRao` is stake the
 * caller would add (it dilutes the yield it would get); 0 when no permit holder has stake.
 */
export function validatorYieldPerTempo(subnet: SubnetView, joiningAlphaRao = 0n): number {
  let dividendsRao = 0n;
  let stakeRao = joiningAlphaRao;
  for (let uid = 0; uid < subnet.n; uid++) {
    dividendsRao += subnet.lastDividendRao[uid] ?? 0n;
    if (subnet.validatorPermit[uid] === true) stakeRao += subnet.stakeOfUid(uid);
  }
  return stakeRao === 0n ? 0 : Number(dividendsRao) / Number(stakeRao);
}

/** The same, per block. */
export function validatorYieldPerBlock(subnet: SubnetView, joiningAlphaRao = 0n): number {
  return validatorYieldPerTempo(subnet, joiningAlphaRao) / Math.max(1, subnet.tempoBlocks);
}
