/**
 * The invariant checker (DESIGN.md habit 6; tokenomics.md §10): audits a whole chain state and
 * lists every violation. Simulations call it after every block; tests call it after every
 * operation. It recomputes everything from the state itself — no counters maintained alongside —
 * so a bookkeeping slip anywhere shows up as a violation here.
 *
 * Checked:
 *  - supply (inv. 1): 0 ≤ TotalIssuance ≤ 21e15;
 *  - TAO conservation (inv. 3, 4, 18): issuance = external genesis TAO + Σ free balances + root TAO
 *    + Σ pool TAO + Σ TAO stranded on subnet accounts + TAO burned (burns keep issuance);
 *  - root: Σ root stake = SubnetTAO[root];
 *  - alpha accounting per subnet (inv. 15): Σ TotalHotkeyAlpha + Σ pending + protocol alpha +
 *    unclaimed root-claimable alpha ≤ SubnetAlphaOut, up to 1 alpha-rao per root-stake credit so
 *    far (the chain's RootClaimed rounding, see `ChainTotals.rootStakeCredits`); alpha issuance
 *    < 21e15 (inv. 9);
 *  - share pools: Σ shares = the stored total, Σ holder values ≤ pool value (inv. 20);
 *  - EMA price in [0, 1] (inv. 11); balancer weights in bounds on initialised pools (inv. 10);
 *  - registration (inv. 22, 24): MinBurn ≤ Burn ≤ MaxBurn, UIDs ≤ MaxAllowedUids, the owner
 *    hotkey holds a UID, no hotkey twice, non-root subnets ≤ SubnetLimit;
 *  - nothing negative.
 */
import { weightsWithinBounds } from '../amm/initializePool.ts';
import { MAX_TAO_ISSUANCE_RAO } from '../supply/blockEmission.ts';
import { unclaimedRootAlpha } from '../staking/rootClaimable.ts';
import { sharePoolIsConsistent, sharePoolValues, type SharePool } from '../staking/sharePool.ts';
import { splitKey } from '../staking/stakeLedger.ts';
import { ROOT_NETUID } from '../staking/stakingSubnet.ts';
import type { ChainState } from './chainState.ts';

/** `SubnetMovingPrice` 1.0 as an I96F32 raw. */
const ONE_I96F32 = 1n << 32n;

export class InvariantViolation extends Error {
  constructor(
    readonly block: number,
    readonly violations: readonly string[],
  ) {
    super(`invariant violated after block ${block}: ${violations.join('; ')}`);
    this.name = 'InvariantViolation';
  }
}

/**
 * What the invariants need from the staking ledger, with the violations of the ledger and of the
 * neuron tables (UID counts, hotkeys). It depends on those alone, so a simulation may reuse one
 * audit across blocks in which neither changed (no epoch, root claim, stake operation,
 * registration or event) — the coinbase only moves pools and pending emission, and weight
 * settings touch neither.
 */
export interface LedgerAudit {
  readonly violations: readonly string[];
  /** Σ free balances, rao. */
  readonly balancesRao: bigint;
  /** Σ TotalHotkeyAlpha per netuid (root: Σ root stake). */
  readonly stakedPerNetuid: ReadonlyMap<number, bigint>;
  /** Unclaimed root-claimable alpha per netuid. */
  readonly unclaimedRootPerNetuid: ReadonlyMap<number, bigint>;
  /** The parts the audit is made of, so a later audit can redo only some netuids. */
  readonly parts: AuditParts;
}

interface AuditParts {
  readonly balances: readonly string[];
  readonly neurons: readonly string[];
  /** Violations of the share pools of each netuid. */
  readonly pools: ReadonlyMap<number, readonly string[]>;
}

/** The netuid of a ledger stake key (`netuid␟hotkey`) without splitting the whole key. */
function netuidOfKey(k: string): number {
  return Number(k.slice(0, k.indexOf('\u001f')));
}

function auditPool(out: string[], k: string, pool: SharePool): void {
  const { netuid, accounts } = splitKey(k);
  if (pool.totalValueRao < 0n) out.push(`stake of ${accounts[0]} on ${netuid} is ${pool.totalValueRao} < 0`);
  if (!sharePoolIsConsistent(pool)) out.push(`share pool of ${accounts[0]} on ${netuid}: Σ shares ≠ total shares`);
  let values = 0n;
  for (const [, v] of sharePoolValues(pool)) values += v;
  if (values > pool.totalValueRao) out.push(`share pool of ${accounts[0]} on ${netuid}: holders' value ${values} > pool value ${pool.totalValueRao}`);
}

/**
 * Audits the ledger. With `previous` and `changedNetuids`, only the share pools of those netuids
 * are audited again and everything else is taken from `previous` — valid when nothing but those
 * netuids' stake changed since (an epoch's distribution touches only its own subnet's stake and
 * the root-claimable rates, which are always recomputed). Anything else (stake operations,
 * registrations, root claims, events) needs a full audit.
 */
export function auditLedger(state: ChainState, previous?: LedgerAudit, changedNetuids?: ReadonlySet<number>): LedgerAudit {
  const ledger = state.ledger;
  const incremental = previous !== undefined && changedNetuids !== undefined;
  let balancesRao: bigint;
  let balanceViolations: string[];
  let neuronViolations: string[];
  const pools = new Map<number, string[]>();
  const stakedPerNetuid = new Map<number, bigint>();
  if (incremental) {
    balancesRao = previous.balancesRao;
    balanceViolations = [...previous.parts.balances];
    neuronViolations = [...previous.parts.neurons];
    for (const [n, v] of previous.parts.pools) if (!changedNetuids.has(n)) pools.set(n, [...v]);
    for (const [n, v] of previous.stakedPerNetuid) if (!changedNetuids.has(n)) stakedPerNetuid.set(n, v);
    for (const [k, pool] of ledger.stake) {
      const netuid = netuidOfKey(k);
      if (!changedNetuids.has(netuid)) continue;
      let list = pools.get(netuid);
      if (list === undefined) pools.set(netuid, (list = []));
      auditPool(list, k, pool);
      stakedPerNetuid.set(netuid, (stakedPerNetuid.get(netuid) ?? 0n) + pool.totalValueRao);
    }
  } else {
    balanceViolations = [];
    balancesRao = 0n;
    for (const [coldkey, b] of ledger.balanceRao) {
      if (b < 0n) balanceViolations.push(`balance of ${coldkey} is ${b} < 0`);
      balancesRao += b;
    }
    for (const [k, pool] of ledger.stake) {
      const netuid = netuidOfKey(k);
      let list = pools.get(netuid);
      if (list === undefined) pools.set(netuid, (list = []));
      auditPool(list, k, pool);
      stakedPerNetuid.set(netuid, (stakedPerNetuid.get(netuid) ?? 0n) + pool.totalValueRao);
    }
    neuronViolations = [];
    for (const s of state.subnets) {
      const where = `subnet ${s.netuid}`;
      const nrn = s.neurons;
      if (nrn.n > s.turnover.maxAllowedUids) neuronViolations.push(`${where}: ${nrn.n} UIDs > MaxAllowedUids ${s.turnover.maxAllowedUids}`);
      if (nrn.hotkeys.length !== nrn.n) neuronViolations.push(`${where}: ${nrn.hotkeys.length} hotkeys for ${nrn.n} UIDs`);
      if (new Set(nrn.hotkeys).size !== nrn.hotkeys.length) neuronViolations.push(`${where}: a hotkey holds two UIDs`);
      if (!nrn.hotkeys.includes(s.ownerHotkey)) neuronViolations.push(`${where}: owner hotkey ${s.ownerHotkey} holds no UID`);
      for (const hk of nrn.hotkeys) if (hk !== null && !ledger.hotkeyOwner.has(hk)) neuronViolations.push(`${where}: registered hotkey ${hk} has no owner`);
    }
  }
  const unclaimedRootPerNetuid = new Map<number, bigint>();
  if (ledger.rootClaimable.size > 0) for (const s of state.subnets) unclaimedRootPerNetuid.set(s.netuid, unclaimedRootAlpha(ledger, s.netuid));
  const poolViolations = [...pools.keys()].sort((a, b) => a - b).flatMap((n) => pools.get(n)!);
  return {
    violations: [...balanceViolations, ...poolViolations, ...neuronViolations],
    balancesRao,
    stakedPerNetuid,
    unclaimedRootPerNetuid,
    parts: { balances: balanceViolations, neurons: neuronViolations, pools },
  };
}

/**
 * Every violation in `state`, as one line each; empty when the state is sound. `ledger` is the
 * ledger's audit — computed now unless the caller holds one that is still current.
 */
export function checkInvariants(state: ChainState, ledger: LedgerAudit = auditLedger(state)): string[] {
  const out: string[] = [...ledger.violations];
  const g = state.globals;
  if (g.totalIssuanceRao < 0n || g.totalIssuanceRao > MAX_TAO_ISSUANCE_RAO) out.push(`TotalIssuance ${g.totalIssuanceRao} outside [0, 21e15]`);
  if (state.externalTaoRao < 0n) out.push(`external genesis TAO ${state.externalTaoRao} < 0`);

  const balances = ledger.balancesRao;
  let pools = state.root.pool.taoReserveRao;
  let stranded = 0n;
  for (const s of state.subnets) {
    pools += s.economy.pool.taoReserveRao;
    stranded += s.economy.strandedTaoRao;
  }
  const held = state.externalTaoRao + balances + pools + stranded + state.totals.burnedTaoRao;
  if (held !== g.totalIssuanceRao) {
    out.push(`TAO not conserved: issuance ${g.totalIssuanceRao} ≠ external ${state.externalTaoRao} + balances ${balances} + pools ${pools} + stranded ${stranded} + burned ${state.totals.burnedTaoRao} (off by ${held - g.totalIssuanceRao})`);
  }
  const stakedPerNetuid = ledger.stakedPerNetuid;
  const rootStaked = stakedPerNetuid.get(ROOT_NETUID) ?? 0n;
  if (rootStaked !== state.root.pool.taoReserveRao) out.push(`root stake ${rootStaked} ≠ SubnetTAO[root] ${state.root.pool.taoReserveRao}`);

  if (state.subnets.length > state.network.subnetLimit) out.push(`${state.subnets.length} subnets > SubnetLimit ${state.network.subnetLimit}`);
  for (const s of state.subnets) {
    const e = s.economy;
    const where = `subnet ${s.netuid}`;
    for (const [name, v] of [
      ['SubnetTAO', e.pool.taoReserveRao],
      ['SubnetAlphaIn', e.pool.alphaReserveRao],
      ['SubnetAlphaOut', e.alphaOutRao],
      ['PendingServerEmission', e.pendingServerRao],
      ['PendingValidatorEmission', e.pendingValidatorRao],
      ['PendingRootAlphaDivs', e.pendingRootRao],
      ['PendingOwnerCut', e.pendingOwnerCutRao],
      ['SubnetProtocolAlpha', e.protocolAlphaRao],
    ] as const) {
      if (v < 0n) out.push(`${where}: ${name} ${v} < 0`);
    }
    const owned = (stakedPerNetuid.get(s.netuid) ?? 0n) + e.pendingServerRao + e.pendingValidatorRao + e.pendingRootRao + e.pendingOwnerCutRao + e.protocolAlphaRao + (ledger.unclaimedRootPerNetuid.get(s.netuid) ?? 0n);
    const roundingAllowance = BigInt(state.totals.rootStakeCredits);
    if (owned > e.alphaOutRao + roundingAllowance) out.push(`${where}: owned alpha ${owned} > SubnetAlphaOut ${e.alphaOutRao} (+ ${roundingAllowance} root-claim rounding)`);
    if (e.pool.alphaReserveRao + e.alphaOutRao >= MAX_TAO_ISSUANCE_RAO) out.push(`${where}: alpha issuance reached the cap`);
    if (e.movingPriceI96F32 < 0n || e.movingPriceI96F32 > ONE_I96F32) out.push(`${where}: EMA price raw ${e.movingPriceI96F32} outside [0, 1]`);
    if (e.pool.mechanism === 1 && e.pool.initialized && !weightsWithinBounds(e.pool.quoteWeightParts)) out.push(`${where}: pool weights ${e.pool.quoteWeightParts} out of bounds`);

    const r = s.registration;
    if (r.burnRao < r.minBurnRao || r.burnRao > r.maxBurnRao) out.push(`${where}: Burn ${r.burnRao} outside [${r.minBurnRao}, ${r.maxBurnRao}]`);
  }
  return out;
}

/** Throws `InvariantViolation` naming the block when `state` is not sound. */
export function assertInvariants(state: ChainState, ledger?: LedgerAudit): void {
  const violations = checkInvariants(state, ledger);
  if (violations.length > 0) throw new InvariantViolation(state.block, violations);
}
