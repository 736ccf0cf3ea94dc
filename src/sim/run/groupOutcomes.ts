/**
 * What each agent group got out of a run (issue 5: "did the attack pay?"), per (home netuid,
 * group): alpha credited over every epoch (not only the epochs the output cadence records), its
 * TAO value at the price of the epoch that credited it, the group's shares of its subnet's
 * emission and stake weight, and the wealth of the group's coldkeys at the start and at the end.
 *
 * Fed by runScenario: built after genesis, told about every scenario event (before and after it
 * is applied) and every epoch, and asked for the outcomes once at the end.
 *
 * Definitions (scenarios/README.md, *Group outcomes*, documents them for users):
 * - Groups: every (netuid, group) in `world.groupOf` (owners are `owner`, replay UIDs
 *   `replay-validators` / `replay-miners`), every agent's (home netuid, group) — traders may hold
 *   no UID — and `unassigned` on a subnet once an epoch sees a UID no agent holds.
 * - Credits: an epoch's `lastIncentiveRao` / `lastDividendRao` of a UID go to the group of the
 *   UID's hotkey on that subnet. TAO value = (group's alpha credit of the epoch × spot price
 *   U64F64) >> 64, at the price when the epoch ran.
 * - emissionShare = group's credited alpha / all alpha credited on the subnet over the run;
 *   stakeShare = mean, over all epochs of the subnet in the run, of Σ group stake weight / Σ
 *   stake weight (epochs before a group existed count as 0 for it).
 * - Wealth = Σ over the group's distinct coldkeys (its agents' coldkeys; for `owner`, the subnet
 *   owner's coldkey; none for `unassigned` and replay groups) of free balance + stake valued at
 *   spot prices (coldkeyWealth.ts). A coldkey in several groups counts in each. Initial wealth is
 *   measured at genesis for groups that exist then; for agents that join later
 *   (`agents_join`, `register_subnet`) it is measured right before the event that creates them,
 *   so their registration burn, lock and staking slippage show up as a cost in profit.
 */
import { spotPriceU64F64 } from '../../consensus/amm/spotPrice.ts';
import { subnetOf, type SubnetChain } from '../../consensus/chain/chainState.ts';
import type { SubnetEpochOutput } from '../../consensus/epoch/mechanisms.ts';
import type { ScenarioEvent } from '../scenario/scenario.ts';
import { groupKey, type World } from '../world/world.ts';
import { coldkeyWealth, type ColdkeyWealth } from './coldkeyWealth.ts';

export interface GroupOutcome {
  /** The group's home subnet. */
  readonly netuid: number;
  /** `owner` for subnet owners, `unassigned` for UIDs no agent holds. */
  readonly group: string;
  /** Agent kind; '' for owner/unassigned/replay groups; kinds joined by '+' if a group mixes kinds. */
  readonly kind: string;
  /** Agents ever created in the group (including ones that left). */
  readonly agents: number;
  /** UIDs the group holds on its home subnet at the end. */
  readonly uidsAtEnd: number;
  /** Cumulative alpha credited as incentive, alpha-rao. */
  readonly incentiveAlphaRao: bigint;
  /** Cumulative alpha credited as dividends, alpha-rao. */
  readonly dividendsAlphaRao: bigint;
  /** Σ over epochs of (incentive + dividend credit) × spot price at that epoch, rao. */
  readonly emissionTaoRao: bigint;
  /** The group's credited alpha / all alpha credited on its subnet over the run (0 if none). */
  readonly emissionShare: number;
  /** Mean over its subnet's epochs of the group's share of the epoch stake weight. */
  readonly stakeShare: number;
  /** Stakes of the group's coldkeys (all subnets) at spot prices, when first measured, rao. */
  readonly initialStakeTaoRao: bigint;
  /** Free balance + initialStakeTaoRao, rao. */
  readonly initialWealthTaoRao: bigint;
  /** Free balance + stakes at spot prices at the end of the run, rao. */
  readonly finalWealthTaoRao: bigint;
  /** finalWealthTaoRao − initialWealthTaoRao, rao. */
  readonly profitTaoRao: bigint;
  /** emissionTaoRao / initialStakeTaoRao (0 when there was no initial stake). */
  readonly returnOnStake: number;
}

const OWNER_GROUP = 'owner';
const UNASSIGNED_GROUP = 'unassigned';
const NO_WEALTH: ColdkeyWealth = { freeRao: 0n, stakeTaoRao: 0n };

interface GroupAcc {
  readonly netuid: number;
  readonly group: string;
  /** Agent kinds in order of first appearance. */
  readonly kinds: string[];
  agents: number;
  readonly coldkeys: Set<string>;
  incentiveRao: bigint;
  dividendsRao: bigint;
  emissionTaoRao: bigint;
  /** Σ over the subnet's epochs of the group's stake-weight share. */
  stakeShareSum: number;
}

interface SubnetAcc {
  epochs: number;
  creditRao: bigint;
}

interface EpochGroup {
  incentiveRao: bigint;
  dividendsRao: bigint;
  stakeWeight: number;
}

export class GroupOutcomes {
  private readonly groups = new Map<string, GroupAcc>();
  private readonly subnets = new Map<number, SubnetAcc>();
  /** Each coldkey's wealth when it was first attached to a group. */
  private readonly initialWealth = new Map<string, ColdkeyWealth>();
  /** How much of world.agents / world.groupOf has been looked at. */
  private agentsSeen = 0;
  private groupOfSeen = 0;
  /** Wealth of every coldkey at genesis or right before an event that may add agents; null otherwise. */
  private beforeJoin: Map<string, ColdkeyWealth> | null = null;

  /** Call right after genesis: the genesis groups' initial wealth is measured now. */
  constructor(private readonly world: World) {
    this.beforeJoin = coldkeyWealth(world.state, null);
    this.sync();
    this.beforeJoin = null;
  }

  /** Call before applying a scenario event. */
  beforeEvent(e: ScenarioEvent): void {
    if (e.type === 'agents_join' || e.type === 'register_subnet') this.beforeJoin = coldkeyWealth(this.world.state, null);
  }

  /** Call after applying a scenario event: picks up the groups and agents it created. */
  afterEvent(): void {
    this.sync();
    this.beforeJoin = null;
  }

  /** Call for every epoch, after its distribution (the subnet's last credits are this epoch's). */
  onEpoch(s: SubnetChain, output: SubnetEpochOutput): void {
    const netuid = s.netuid;
    const n = s.neurons.n;
    const perGroup = new Map<string, EpochGroup>();
    let totalStakeWeight = 0;
    for (let uid = 0; uid < n; uid++) {
      const hotkey = s.neurons.hotkeys[uid];
      const name = hotkey === null || hotkey === undefined ? UNASSIGNED_GROUP : (this.world.groupOf.get(groupKey(netuid, hotkey)) ?? UNASSIGNED_GROUP);
      let g = perGroup.get(name);
      if (g === undefined) {
        g = { incentiveRao: 0n, dividendsRao: 0n, stakeWeight: 0 };
        perGroup.set(name, g);
      }
      g.incentiveRao += s.lastIncentiveRao[uid] ?? 0n;
      g.dividendsRao += s.lastDividendRao[uid] ?? 0n;
      const w = output.stakeWeightU16[uid] ?? 0;
      g.stakeWeight += w;
      totalStakeWeight += w;
    }
    const priceU64F64 = spotPriceU64F64(s.economy.pool);
    const sub = this.subnetAcc(netuid);
    sub.epochs++;
    for (const [name, g] of perGroup) {
      const acc = this.group(netuid, name);
      const credit = g.incentiveRao + g.dividendsRao;
      acc.incentiveRao += g.incentiveRao;
      acc.dividendsRao += g.dividendsRao;
      acc.emissionTaoRao += (credit * priceU64F64) >> 64n;
      // Integer u16 sums, so the share does not depend on the order of the UIDs.
      if (totalStakeWeight > 0) acc.stakeShareSum += g.stakeWeight / totalStakeWeight;
      sub.creditRao += credit;
    }
  }

  /** Call once at the end: final wealth at the end's spot prices; sorted by netuid, then group. */
  finish(): GroupOutcome[] {
    this.sync();
    const state = this.world.state;
    const uidsAtEnd = new Map<string, number>();
    for (const s of state.subnets) {
      for (let uid = 0; uid < s.neurons.n; uid++) {
        const hotkey = s.neurons.hotkeys[uid];
        const name = hotkey === null || hotkey === undefined ? UNASSIGNED_GROUP : (this.world.groupOf.get(groupKey(s.netuid, hotkey)) ?? UNASSIGNED_GROUP);
        const k = groupKey(s.netuid, name);
        uidsAtEnd.set(k, (uidsAtEnd.get(k) ?? 0) + 1);
      }
    }
    const wanted = new Set<string>();
    for (const g of this.groups.values()) for (const c of g.coldkeys) wanted.add(c);
    const finalWealth = coldkeyWealth(state, (c) => wanted.has(c));
    const out: GroupOutcome[] = [];
    for (const g of this.groups.values()) {
      let initialStake = 0n;
      let initialFree = 0n;
      let finalTotal = 0n;
      for (const c of g.coldkeys) {
        const i = this.initialWealth.get(c) ?? NO_WEALTH;
        initialStake += i.stakeTaoRao;
        initialFree += i.freeRao;
        const f = finalWealth.get(c) ?? NO_WEALTH;
        finalTotal += f.freeRao + f.stakeTaoRao;
      }
      const sub = this.subnets.get(g.netuid);
      const credit = g.incentiveRao + g.dividendsRao;
      const initialWealth = initialFree + initialStake;
      out.push({
        netuid: g.netuid,
        group: g.group,
        kind: g.kinds.join('+'),
        agents: g.agents,
        uidsAtEnd: uidsAtEnd.get(groupKey(g.netuid, g.group)) ?? 0,
        incentiveAlphaRao: g.incentiveRao,
        dividendsAlphaRao: g.dividendsRao,
        emissionTaoRao: g.emissionTaoRao,
        emissionShare: sub === undefined || sub.creditRao === 0n ? 0 : Number(credit) / Number(sub.creditRao),
        stakeShare: sub === undefined || sub.epochs === 0 ? 0 : g.stakeShareSum / sub.epochs,
        initialStakeTaoRao: initialStake,
        initialWealthTaoRao: initialWealth,
        finalWealthTaoRao: finalTotal,
        profitTaoRao: finalTotal - initialWealth,
        returnOnStake: initialStake === 0n ? 0 : Number(g.emissionTaoRao) / Number(initialStake),
      });
    }
    return out.sort((a, b) => a.netuid - b.netuid || (a.group < b.group ? -1 : a.group > b.group ? 1 : 0));
  }

  /** Picks up groups, agents and subnet owners not seen yet (cheap when nothing changed). */
  private sync(): void {
    const world = this.world;
    if (world.groupOf.size !== this.groupOfSeen) {
      for (const [k, name] of world.groupOf) {
        const slash = k.indexOf('/');
        const acc = this.group(Number(k.slice(0, slash)), name);
        if (name !== OWNER_GROUP) continue;
        // An owner hotkey enters groupOf with its subnet (genesis or register_subnet).
        const s = subnetOf(world.state, acc.netuid);
        if (s !== undefined) this.attach(acc, s.ownerColdkey);
      }
      this.groupOfSeen = world.groupOf.size;
    }
    for (; this.agentsSeen < world.agents.length; this.agentsSeen++) {
      const spec = world.agents[this.agentsSeen]!.agent.spec;
      const acc = this.group(spec.netuid, spec.group);
      acc.agents++;
      if (!acc.kinds.includes(spec.kind)) acc.kinds.push(spec.kind);
      this.attach(acc, spec.coldkey);
    }
  }

  private attach(acc: GroupAcc, coldkey: string): void {
    if (acc.coldkeys.has(coldkey)) return;
    acc.coldkeys.add(coldkey);
    if (this.initialWealth.has(coldkey)) return;
    // At genesis or before a joining event, the snapshot taken then; for a group that shows up
    // outside an event, the state now.
    const w = this.beforeJoin !== null ? this.beforeJoin.get(coldkey) : coldkeyWealth(this.world.state, (c) => c === coldkey).get(coldkey);
    this.initialWealth.set(coldkey, w ?? NO_WEALTH);
  }

  private group(netuid: number, name: string): GroupAcc {
    const k = groupKey(netuid, name);
    let acc = this.groups.get(k);
    if (acc === undefined) {
      acc = { netuid, group: name, kinds: [], agents: 0, coldkeys: new Set(), incentiveRao: 0n, dividendsRao: 0n, emissionTaoRao: 0n, stakeShareSum: 0 };
      this.groups.set(k, acc);
    }
    return acc;
  }

  private subnetAcc(netuid: number): SubnetAcc {
    let sub = this.subnets.get(netuid);
    if (sub === undefined) {
      sub = { epochs: 0, creditRao: 0n };
      this.subnets.set(netuid, sub);
    }
    return sub;
  }
}
