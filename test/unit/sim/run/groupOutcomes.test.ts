import { describe, expect, it } from 'vitest';
import { spotPriceU64F64 } from '../../../../src/consensus/amm/spotPrice.ts';
import type { GroupOutcome } from '../../../../src/sim/run/groupOutcomes.ts';
import type { MetricsRow, NeuronRow, RunRecorder } from '../../../../src/sim/run/records.ts';
import { genesisOf, runScenario } from '../../../../src/sim/run/runScenario.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';

const TAO = 1_000_000_000n;

/** One subnet, 3 validators with a fixed 1000-alpha stake and 5 TAO each, 6 miners with 2 TAO each. */
const SMALL = `
name: outcomes
seed: 5
duration: {blocks: 1200}
subnets:
  - name: s
    tempo: 99
    pool: {tao: 1000, alpha: 50000}
    hyperparameters: {max_allowed_uids: 24, max_allowed_validators: 8, commit_reveal_weights_enabled: false, burn: 1}
    population:
      - {name: validators, kind: validator.honest, count: 3, balance: 5, stake: {distribution: fixed, amount: 1000}}
      - {name: miners, kind: miner.honest, count: 6, balance: 2, params: {quality: {distribution: uniform, min: 0.2, max: 1}}}
outputs: {cadence: epoch, detail: [summary, neurons]}
`;

interface Recorded {
  readonly metrics: MetricsRow[];
  readonly neurons: NeuronRow[];
  readonly groups: readonly GroupOutcome[];
  readonly epochs: number;
}

function run(text: string): Recorded {
  const metrics: MetricsRow[] = [];
  const neurons: NeuronRow[] = [];
  const recorder: RunRecorder = { metrics: (r) => metrics.push(r), neuron: (r) => neurons.push(r), event: () => undefined };
  const summary = runScenario(parseScenario(text, 'outcomes.yaml'), { recorder });
  return { metrics, neurons, groups: summary.groups, epochs: summary.epochs };
}

function group(groups: readonly GroupOutcome[], netuid: number, name: string): GroupOutcome {
  const g = groups.find((x) => x.netuid === netuid && x.group === name);
  if (g === undefined) throw new Error(`no group ${netuid}/${name} in ${groups.map((x) => `${x.netuid}/${x.group}`).join(', ')}`);
  return g;
}

const genesisPriceU64F64 = spotPriceU64F64(genesisOf(parseScenario(SMALL, 'outcomes.yaml')).state.subnets[0]!.economy.pool);

describe('group outcomes of a run', () => {
  const r = run(SMALL);

  it('lists every group of the subnet, owner included, sorted by netuid then name, with kinds, agent and UID counts', () => {
    expect(r.groups.map((g) => [g.netuid, g.group, g.kind, g.agents, g.uidsAtEnd])).toEqual([
      [1, 'miners', 'miner.honest', 6, 6],
      [1, 'owner', '', 0, 1],
      [1, 'validators', 'validator.honest', 3, 3],
    ]);
  });

  it('values genesis stakes at the genesis spot price and adds the coldkeys\' free balances', () => {
    const v = group(r.groups, 1, 'validators');
    // Three coldkeys, each with 1000 alpha valued at the pool's price (floored per coldkey and subnet).
    expect(v.initialStakeTaoRao).toBe(3n * ((1000n * TAO * genesisPriceU64F64) >> 64n));
    expect(v.initialStakeTaoRao).toBeGreaterThan(3n * 20n * TAO - 4n);
    expect(v.initialWealthTaoRao).toBe(v.initialStakeTaoRao + 3n * 5n * TAO);
    const m = group(r.groups, 1, 'miners');
    expect(m.initialStakeTaoRao).toBe(0n);
    expect(m.initialWealthTaoRao).toBe(6n * 2n * TAO);
    expect(m.returnOnStake).toBe(0);
  });

  it('sums the alpha credited at every epoch, as the per-UID records show it', () => {
    for (const g of r.groups) {
      const rows = r.neurons.filter((n) => n.group === g.group);
      expect(g.incentiveAlphaRao).toBe(rows.reduce((a, n) => a + n.incentiveCreditRao, 0n));
      expect(g.dividendsAlphaRao).toBe(rows.reduce((a, n) => a + n.dividendCreditRao, 0n));
    }
    expect(group(r.groups, 1, 'miners').incentiveAlphaRao).toBeGreaterThan(0n);
    expect(group(r.groups, 1, 'validators').dividendsAlphaRao).toBeGreaterThan(0n);
  });

  it('values each epoch\'s credit at that epoch\'s price, and averages the per-epoch shares over all epochs', () => {
    for (const g of r.groups) {
      const rows = r.metrics.filter((m) => m.group === g.group);
      // The recorded alpha price is a float64 of the same U64F64 price: agreement to ~1e-9 relative.
      const approx = rows.reduce((a, m) => a + Number(m.incentiveRao + m.dividendsRao) * m.alphaPrice, 0);
      expect(Math.abs(Number(g.emissionTaoRao) - approx)).toBeLessThanOrEqual(1e-9 * approx + rows.length);
      expect(g.stakeShare).toBeCloseTo(rows.reduce((a, m) => a + m.stakeShare, 0) / r.epochs, 12);
    }
    const v = group(r.groups, 1, 'validators');
    expect(v.returnOnStake).toBe(Number(v.emissionTaoRao) / Number(v.initialStakeTaoRao));
  });

  it('shares sum to one on the subnet and profit is final minus initial wealth', () => {
    expect(r.groups.reduce((a, g) => a + g.emissionShare, 0)).toBeCloseTo(1, 12);
    expect(r.groups.reduce((a, g) => a + g.stakeShare, 0)).toBeCloseTo(1, 9);
    const credited = r.groups.reduce((a, g) => a + g.incentiveAlphaRao + g.dividendsAlphaRao, 0n);
    for (const g of r.groups) {
      expect(g.profitTaoRao).toBe(g.finalWealthTaoRao - g.initialWealthTaoRao);
      expect(g.emissionShare).toBe(Number(g.incentiveAlphaRao + g.dividendsAlphaRao) / Number(credited));
    }
  });

  it('counts every epoch, whatever the output cadence records', () => {
    const sparse = run(SMALL.replace('cadence: epoch,', 'cadence: epoch-4,'));
    expect(sparse.metrics.length).toBeLessThan(r.metrics.length / 3);
    expect(sparse.groups).toEqual(r.groups);
  });
});

describe('group outcomes of agents that arrive later', () => {
  it('measures a joining group\'s wealth right before the event, so its burn and stake slippage count against it', () => {
    const text = `${SMALL}events:\n  - at: {block: 400}\n    type: agents_join\n    netuid: 1\n    group: {name: late, kind: validator.honest, count: 2, balance: 60, stake: {distribution: fixed, amount: 50, unit: tao}}\n`;
    const r = run(text);
    const late = group(r.groups, 1, 'late');
    expect([late.kind, late.agents, late.uidsAtEnd]).toEqual(['validator.honest', 2, 2]);
    // Before the event the two coldkeys held only their 60 TAO each.
    expect(late.initialStakeTaoRao).toBe(0n);
    expect(late.initialWealthTaoRao).toBe(120n * TAO);
    expect(late.profitTaoRao).toBe(late.finalWealthTaoRao - 120n * TAO);
    expect(late.dividendsAlphaRao).toBeGreaterThan(0n);
    // Its stake share is averaged over all epochs of the subnet, including those before it came.
    const epochsAfter = r.metrics.filter((m) => m.group === 'late').length;
    expect(epochsAfter).toBeLessThan(r.epochs);
    expect(late.stakeShare).toBeCloseTo(r.metrics.filter((m) => m.group === 'late').reduce((a, m) => a + m.stakeShare, 0) / r.epochs, 12);
  });

  it('adds a registered subnet\'s owner (its coldkey measured before the lock was paid) and population', () => {
    const text = SMALL.replace('subnets:', 'chain:\n  balances: {whale: 50000}\nsubnets:') +
      'events:\n  - at: {block: 300}\n    type: register_subnet\n    subnet:\n      name: gamma\n      owner: {coldkey: whale}\n      population:\n        - {name: miners, kind: miner.honest, count: 3, balance: 20}\n';
    const r = run(text);
    expect(r.groups.map((g) => `${g.netuid}/${g.group}`)).toEqual(['1/miners', '1/owner', '1/validators', '2/miners', '2/owner']);
    const owner = group(r.groups, 2, 'owner');
    expect(owner.initialWealthTaoRao).toBe(50_000n * TAO);
    expect(owner.initialStakeTaoRao).toBe(0n);
    const miners = group(r.groups, 2, 'miners');
    expect(miners.initialWealthTaoRao).toBe(60n * TAO);
    expect(miners.agents).toBe(3);
    // The subnet 1 groups are those of the run without the event.
    expect(group(r.groups, 1, 'validators').initialWealthTaoRao).toBe(group(run(SMALL).groups, 1, 'validators').initialWealthTaoRao);
  });
});
