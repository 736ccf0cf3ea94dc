import { describe, expect, it } from 'vitest';
import { runScenario, RunInterrupted } from '../../../../src/sim/run/runScenario.ts';
import type { MetricsRow, NeuronRow, RunEvent, RunRecorder } from '../../../../src/sim/run/records.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';

const SMALL = `
name: small
seed: 3
duration: {days: 1}
subnets:
  - name: s
    tempo: 60
    pool: {tao: 5000, alpha: 100000}
    hyperparameters: {max_allowed_uids: 24, commit_reveal_weights_enabled: false}
    population:
      - {name: validators, kind: validator.honest, count: 4, stake: {distribution: uniform, min: 1000, max: 4000}}
      - {name: miners, kind: miner.honest, count: 12, params: {quality: {distribution: uniform, min: 0, max: 1}}}
outputs: {cadence: epoch, detail: [summary, neurons, events]}
`;

interface Collected {
  metrics: MetricsRow[];
  neurons: NeuronRow[];
  events: RunEvent[];
}

function collect(): Collected & { recorder: RunRecorder } {
  const c: Collected = { metrics: [], neurons: [], events: [] };
  return { ...c, recorder: { metrics: (r) => c.metrics.push(r), neuron: (r) => c.neurons.push(r), event: (e) => c.events.push(e) } };
}

function run(text: string): Collected & { summary: ReturnType<typeof runScenario> } {
  const c = collect();
  const summary = runScenario(parseScenario(text, 'small.yaml'), { recorder: c.recorder });
  return { metrics: c.metrics, neurons: c.neurons, events: c.events, summary };
}

describe('runScenario', () => {
  it('runs the honest loop: validators set weights, epochs pay miners by quality, nothing is refused', () => {
    const r = run(SMALL);
    expect(r.summary.blocks).toBe(7200);
    expect(r.summary.epochs).toBe(120);
    expect(r.summary.rejectedActions).toBe(0);
    expect(r.events.filter((e) => e.what === 'set_weights' && e.kind === 'action').length).toBeGreaterThan(100);
    // 120 epochs × 17 UIDs.
    expect(r.neurons.length).toBe(120 * 17);
    const groups = new Set(r.metrics.map((m) => m.group));
    expect([...groups].sort()).toEqual(['miners', 'owner', 'validators']);
    // In the last epoch most miners earn incentive, and validators earned dividends over the run.
    const last = r.neurons.filter((n) => n.block === Math.max(...r.neurons.map((x) => x.block)) && n.group === 'miners');
    const credited = last.filter((n) => n.incentiveCreditRao > 0n).length;
    expect(credited).toBeGreaterThan(6);
    const dividends = r.metrics.filter((m) => m.group === 'validators').reduce((a, m) => a + m.dividendsRao, 0n);
    expect(dividends).toBeGreaterThan(0n);
  });

  it('is deterministic: the same scenario and seed give identical records; another seed differs', () => {
    const a = run(SMALL);
    const b = run(SMALL);
    expect(b.metrics).toEqual(a.metrics);
    expect(b.neurons).toEqual(a.neurons);
    expect(b.events).toEqual(a.events);
    const c = run(SMALL.replace('seed: 3', 'seed: 4'));
    expect(c.neurons).not.toEqual(a.neurons);
  });

  it('records a refused scenario event with the chain error, and keeps going', () => {
    const text = `${SMALL}events:\n  - {at: {block: 100}, type: stake, netuid: 1, coldkey: pauper, hotkey: s.validators.0, amount_tao: 5}\n`;
    const r = run(text);
    const failed = r.events.filter((e) => e.kind === 'scenario_event_failed');
    expect(failed).toEqual([
      { block: 100, kind: 'scenario_event_failed', what: 'stake', reason: 'NotEnoughBalanceToStake', detail: { netuid: 1, coldkey: 'pauper', hotkey: 's.validators.0', amount_rao: 5_000_000_000n } },
    ]);
    expect(r.summary.blocks).toBe(7200);
  });

  it('registers and stakes agents that join later, paid from their own coldkeys', () => {
    const text = SMALL.replace('max_allowed_uids: 24', 'max_allowed_uids: 24, burn: 1') +
      'events:\n  - at: {block: 500}\n    type: agents_join\n    netuid: 1\n    group: {name: late, kind: validator.honest, count: 2, balance: 60, stake: {distribution: fixed, amount: 50, unit: tao}}\n';
    const r = run(text);
    const late = r.events.filter((e) => e.agent?.startsWith('s.late.') === true && e.block === 500);
    expect(late.map((e) => `${e.agent} ${e.what} ${e.kind}`)).toEqual([
      's.late.0 register action',
      's.late.0 add_stake action',
      's.late.1 register action',
      's.late.1 add_stake action',
    ]);
    expect(late[1]!.detail!.amount_rao).toBe(50_000_000_000n);
    const lastBlock = Math.max(...r.neurons.map((n) => n.block));
    expect(r.neurons.filter((n) => n.block === lastBlock && n.group === 'late').length).toBe(2);
  });

  it('stops at the next block when asked, with RunInterrupted', () => {
    const c = collect();
    let calls = 0;
    expect(() => runScenario(parseScenario(SMALL, 'small.yaml'), { recorder: c.recorder, shouldStop: () => ++calls > 50 })).toThrow(RunInterrupted);
    expect(calls).toBe(51);
  });
});
