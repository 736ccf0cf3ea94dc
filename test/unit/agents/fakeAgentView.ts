/**
 * A hand-built AgentView for agent unit tests: a mutable world the test edits between acts, with
 * `view()` giving the read-only window at a block. Only what the starter agents read is modelled.
 */
import type { AgentView, RootValidatorView, SubnetView } from '../../../src/agents/agentView.ts';

export interface FakeSubnet {
  netuid: number;
  tempoBlocks: number;
  lastEpochBlock: number;
  commitRevealEnabled: boolean;
  revealPeriodEpochs: number;
  weightsSetRateLimitBlocks: number;
  minAllowedWeights: number;
  maxAllowedUids: number;
  hotkeys: (string | null)[];
  blockAtRegistration: number[];
  validatorPermit: boolean[];
  ownerHotkey: string;
  /** True quality served per UID (null = serves nothing). */
  served: (number | null)[];
  /** The last epoch's incentive per UID, alpha-rao (absent = all 0). */
  incentiveRao?: bigint[];
  /** Visible (stored, revealed) weight rows per UID, `[uid, u16]` pairs; absent = none. */
  weights?: (readonly (readonly [number, number])[])[];
  /** Stake of each UID's hotkey, alpha-rao; absent = 0. */
  stakes?: bigint[];
  /** Coldkey owning each UID's hotkey; absent = `ck-<hotkey>`. */
  coldkeys?: (string | null)[];
  immunityPeriodBlocks?: number;
  minNonImmuneUids?: number;
  immuneOwnerUidsLimit?: number;
  ownerColdkey?: string;
  /** The last epoch's dividend per UID, alpha-rao (absent = all 0). */
  dividendRao?: bigint[];
  /** Spot price, rao per alpha (absent = 1 TAO). */
  priceRao?: bigint;
  /** The last epoch's combined emission per UID, alpha-rao (absent = all 0). */
  emissionRao?: bigint[];
  /** What a burned registration costs now, rao (absent = 0). */
  burnRao?: bigint;
}

export interface FakeWorld {
  blocksPerDay: number;
  self: { id: string; coldkey: string; hotkey: string; hotkeys?: string[]; netuid: number; uid: number | null };
  subnets: FakeSubnet[];
  /** `DefaultMinStake` (absent = 0.002 TAO). */
  minStakeRao?: bigint;
  /** Free TAO of the agent's coldkey (absent = 0). */
  balanceRao?: bigint;
  /** The agent's alpha per `selfStakeKey(netuid, hotkey)` (absent = 0). */
  selfStakes?: Map<string, bigint>;
  /** Root stake holders as the view lists them (absent = none). */
  rootValidators?: RootValidatorView[];
}

/** Key of `FakeWorld.selfStakes`. */
export function selfStakeKey(netuid: number, hotkey: string): string {
  return `${netuid}/${hotkey}`;
}

/** A subnet of `n` UIDs with hotkeys `hk<uid>`, every UID a permit, nobody serving, no rate limit. */
export function fakeSubnet(n: number, overrides: Partial<FakeSubnet> = {}): FakeSubnet {
  return {
    netuid: 1,
    tempoBlocks: 100,
    lastEpochBlock: 0,
    commitRevealEnabled: false,
    revealPeriodEpochs: 1,
    weightsSetRateLimitBlocks: 0,
    minAllowedWeights: 0,
    maxAllowedUids: 256,
    hotkeys: Array.from({ length: n }, (_, u) => `hk${u}`),
    blockAtRegistration: Array.from({ length: n }, () => 0),
    validatorPermit: Array.from({ length: n }, () => true),
    ownerHotkey: 'owner-hk',
    served: Array.from({ length: n }, () => null),
    ...overrides,
  };
}

export function fakeWorld(subnet: FakeSubnet, selfUid: number | null, blocksPerDay = 7200): FakeWorld {
  return {
    blocksPerDay,
    self: { id: 'test.agent.0', coldkey: 'ck', hotkey: selfUid === null ? 'hk-self' : (subnet.hotkeys[selfUid] ?? 'hk-self'), netuid: subnet.netuid, uid: selfUid },
    subnets: [subnet],
  };
}

function subnetView(s: FakeSubnet): SubnetView {
  const n = s.hotkeys.length;
  return {
    netuid: s.netuid,
    tempoBlocks: s.tempoBlocks,
    lastEpochBlock: s.lastEpochBlock,
    commitRevealEnabled: s.commitRevealEnabled,
    revealPeriodEpochs: s.revealPeriodEpochs,
    weightsSetRateLimitBlocks: s.weightsSetRateLimitBlocks,
    minAllowedWeights: s.minAllowedWeights,
    maxAllowedUids: s.maxAllowedUids,
    n,
    hotkeys: s.hotkeys.slice(),
    blockAtRegistration: s.blockAtRegistration.slice(),
    validatorPermit: s.validatorPermit.slice(),
    lastIncentiveRao: Array.from({ length: n }, (_, u) => s.incentiveRao?.[u] ?? 0n),
    lastDividendRao: Array.from({ length: n }, (_, u) => s.dividendRao?.[u] ?? 0n),
    lastEmissionRao: Array.from({ length: n }, (_, u) => s.emissionRao?.[u] ?? 0n),
    weightsOf: (uid) => (s.weights?.[uid] ?? []).map(([u, w]) => [u, w] as const),
    coldkeyOfUid: (uid) => {
      const hk = s.hotkeys[uid];
      if (hk === null || hk === undefined) return null;
      return s.coldkeys?.[uid] ?? `ck-${hk}`;
    },
    immunityPeriodBlocks: s.immunityPeriodBlocks ?? 5000,
    minNonImmuneUids: s.minNonImmuneUids ?? 0,
    immuneOwnerUidsLimit: s.immuneOwnerUidsLimit ?? 1,
    ownerColdkey: s.ownerColdkey ?? 'owner-ck',
    stakeOfUid: (uid) => s.stakes?.[uid] ?? 0n,
    priceRao: s.priceRao ?? 1_000_000_000n,
    registrationBurnRao: s.burnRao ?? 0n,
    ownerHotkey: s.ownerHotkey,
  };
}

export function viewAt(world: FakeWorld, block: number): AgentView {
  const subnets = world.subnets.map(subnetView);
  return {
    block,
    blocksPerDay: world.blocksPerDay,
    minStakeRao: world.minStakeRao ?? 2_000_000n,
    root: { validators: (world.rootValidators ?? []).map((v) => ({ ...v })) },
    self: {
      ...world.self,
      hotkeys: world.self.hotkeys ?? [world.self.hotkey],
      balanceRao: world.balanceRao ?? 0n,
      stakeRao: (netuid, hotkey = world.self.hotkey) => world.selfStakes?.get(selfStakeKey(netuid, hotkey)) ?? 0n,
      uidOf: (hotkey, netuid = world.self.netuid) => {
        const u = world.subnets.find((x) => x.netuid === netuid)?.hotkeys.indexOf(hotkey) ?? -1;
        return u < 0 ? null : u;
      },
    },
    netuids: subnets.map((s) => s.netuid).sort((a, b) => a - b),
    subnet: (netuid) => subnets.find((s) => s.netuid === netuid),
    servedQuality: (netuid, uid) => world.subnets.find((s) => s.netuid === netuid)?.served[uid] ?? null,
    query: () => null,
  };
}
