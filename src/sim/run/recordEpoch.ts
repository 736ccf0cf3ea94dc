/**
 * Turns one subnet epoch into records: a `NeuronRow` per UID and a `MetricsRow` per agent group
 * (groups in name order; the owner's UID is group `owner`, UIDs no agent holds `unassigned`).
 */
import { spotPriceTao } from '../../consensus/amm/spotPrice.ts';
import type { ChainState, SubnetChain } from '../../consensus/chain/chainState.ts';
import type { EpochReport } from '../../consensus/chain/runDueEpoch.ts';
import { hotkeyStake } from '../../consensus/staking/stakeLedger.ts';
import { blockEmissionForIssuanceRao } from '../../consensus/supply/blockEmission.ts';
import { groupKey, type World } from '../world/world.ts';
import type { MetricsRow, NeuronRow, RunRecorder } from './records.ts';

const U16 = 65535;

interface GroupAcc {
  uids: number;
  incentiveRao: bigint;
  dividendsRao: bigint;
  stakeWeight: number;
  trust: number;
  consensus: number;
}

export function groupOfUid(world: World, s: SubnetChain, uid: number): string {
  const hk = s.neurons.hotkeys[uid];
  if (hk === null || hk === undefined) return 'unassigned';
  return world.groupOf.get(groupKey(s.netuid, hk)) ?? 'unassigned';
}

export function recordEpoch(world: World, state: ChainState, s: SubnetChain, e: EpochReport, recorder: RunRecorder, neurons: boolean, summary: boolean): void {
  const o = e.output;
  const n = s.neurons.n;
  const groups = new Map<string, GroupAcc>();
  let totalStakeWeight = 0;
  let totalCredit = 0n;
  for (let uid = 0; uid < n; uid++) {
    const group = groupOfUid(world, s, uid);
    const hotkey = s.neurons.hotkeys[uid] ?? '';
    const incentiveCredit = s.lastIncentiveRao[uid] ?? 0n;
    const dividendCredit = s.lastDividendRao[uid] ?? 0n;
    const stakeWeight = (o.stakeWeightU16[uid] ?? 0) / U16;
    const trust = (o.validatorTrustU16[uid] ?? 0) / U16;
    const consensus = (o.consensusU16[uid] ?? 0) / U16;
    if (neurons) {
      const row: NeuronRow = {
        block: e.block,
        netuid: s.netuid,
        uid,
        hotkey,
        group,
        stakeRao: hotkey === '' ? 0n : hotkeyStake(state.ledger, hotkey, s.netuid),
        stakeWeight,
        incentive: (o.incentiveU16[0]?.[uid] ?? 0) / U16,
        dividends: (o.dividendsU16[uid] ?? 0) / U16,
        consensus,
        validatorTrust: trust,
        validatorPermit: o.newValidatorPermit[uid] ?? false,
        emissionRao: o.emissionRao[uid] ?? 0n,
        incentiveCreditRao: incentiveCredit,
        dividendCreditRao: dividendCredit,
      };
      recorder.neuron(row);
    }
    let acc = groups.get(group);
    if (acc === undefined) {
      acc = { uids: 0, incentiveRao: 0n, dividendsRao: 0n, stakeWeight: 0, trust: 0, consensus: 0 };
      groups.set(group, acc);
    }
    acc.uids++;
    acc.incentiveRao += incentiveCredit;
    acc.dividendsRao += dividendCredit;
    acc.stakeWeight += stakeWeight;
    acc.trust += trust;
    acc.consensus += consensus;
    totalStakeWeight += stakeWeight;
    totalCredit += incentiveCredit + dividendCredit;
  }
  if (!summary) return;
  const pool = s.economy.pool;
  const alphaPrice = spotPriceTao(pool);
  const issuanceRao = state.globals.totalIssuanceRao;
  const blockEmissionRao = blockEmissionForIssuanceRao(issuanceRao);
  const day = e.block / world.scenario.chain.blocksPerDay;
  for (const name of [...groups.keys()].sort()) {
    const acc = groups.get(name)!;
    const credit = acc.incentiveRao + acc.dividendsRao;
    const row: MetricsRow = {
      block: e.block,
      day,
      netuid: s.netuid,
      group: name,
      uids: acc.uids,
      incentiveRao: acc.incentiveRao,
      dividendsRao: acc.dividendsRao,
      stakeShare: totalStakeWeight > 0 ? acc.stakeWeight / totalStakeWeight : 0,
      emissionShare: totalCredit > 0n ? Number(credit) / Number(totalCredit) : 0,
      validatorTrust: acc.trust / acc.uids,
      consensus: acc.consensus / acc.uids,
      alphaPrice,
      poolTaoRao: pool.taoReserveRao,
      poolAlphaRao: pool.alphaReserveRao,
      issuanceRao,
      blockEmissionRao,
    };
    recorder.metrics(row);
  }
}
