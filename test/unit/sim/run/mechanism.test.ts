/**
 * `chain.mechanism` in a run: the named variant runs on every subnet instead of the chain's own
 * choice, and a user module runs through `runScenario` like a registered variant.
 */
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { MetricsRow, NeuronRow, RunRecorder } from '../../../../src/sim/run/records.ts';
import { genesisOf, runScenario } from '../../../../src/sim/run/runScenario.ts';
import { loadScenario, parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { parseSetArgument } from '../../../../src/sim/scenario/scenarioOverride.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');

/** Two subnets with Yuma3 on (the new-subnet default), stakes unequal, miners of graded quality. */
const SCENARIO = (chainLines: string, yuma3On = true) => `
name: mechanisms
seed: 4
duration: {blocks: 1200}
chain:
  numeric: chain
${chainLines}
subnets:
  - name: s
    count: 2
    tempo: 100
    pool: {tao: 5000, alpha: 100000}
    hyperparameters: {max_allowed_uids: 24, commit_reveal_weights_enabled: false, weights_set_rate_limit: 0, yuma3_on: ${yuma3On}}
    population:
      - {name: validators, kind: validator.honest, count: 4, stake: {distribution: uniform, min: 1000, max: 8000}}
      - {name: miners, kind: miner.honest, count: 10, params: {quality: {distribution: uniform, min: 0, max: 1}}}
outputs: {cadence: epoch, detail: [summary, neurons]}
`;

function run(text: string, file = 'mechanisms.yaml'): { metrics: MetricsRow[]; neurons: NeuronRow[] } {
  const metrics: MetricsRow[] = [];
  const neurons: NeuronRow[] = [];
  const recorder: RunRecorder = { metrics: (r) => metrics.push(r), neuron: (r) => neurons.push(r), event: () => undefined };
  runScenario(parseScenario(text, file), { recorder });
  return { metrics, neurons };
}

const dividends = (r: { neurons: NeuronRow[] }) => r.neurons.map((n) => n.dividends);

describe('chain.mechanism in a run', () => {
  it('runs yuma2 on subnets whose yuma3_on is true, exactly as the chain runs yuma3_on: false', () => {
    const forced = run(SCENARIO('  mechanism: yuma2'));
    const chainYuma2 = run(SCENARIO('', false));
    const chainYuma3 = run(SCENARIO(''));
    expect(forced).toEqual(chainYuma2);
    // The observable difference from the subnets' own Yuma3: bonds, hence dividends.
    expect(dividends(forced)).not.toEqual(dividends(chainYuma3));
    expect(forced.neurons.length).toBe(chainYuma3.neurons.length);
  });

  it('sets the chain state’s variant for every subnet, including a registered one', () => {
    const w = genesisOf(parseScenario(SCENARIO('  mechanism: yuma3_no_stake_dividends'), 'mechanisms.yaml'));
    expect(w.state.epochVariant).toBe('yuma3_no_stake_dividends');
    expect(genesisOf(parseScenario(SCENARIO(''), 'mechanisms.yaml')).state.epochVariant).toBeNull();
  });

  it('runs a research variant that changes the dividends, and at first nothing the miners get', () => {
    const research = run(SCENARIO('  mechanism: yuma3_no_stake_dividends'));
    const yuma3 = run(SCENARIO('  mechanism: yuma3'));
    expect(yuma3).toEqual(run(SCENARIO('')));
    expect(dividends(research)).not.toEqual(dividends(yuma3));
    // Each subnet's first epoch with weights: the same incentive (after it, the dividends staked
    // back move the stake weights, and with them everything else).
    const firstIncentive = (r: { neurons: NeuronRow[] }) => {
      const first = new Map<number, number>();
      for (const n of r.neurons) if (n.incentive > 0 && !first.has(n.netuid)) first.set(n.netuid, n.block);
      return r.neurons.filter((n) => n.block === first.get(n.netuid)).map((n) => [n.netuid, n.uid, n.incentive, n.dividends]);
    };
    const a = firstIncentive(research);
    const b = firstIncentive(yuma3);
    expect(a.length).toBe(2 * 15);
    expect(a.map((x) => x.slice(0, 3))).toEqual(b.map((x) => x.slice(0, 3)));
    expect(a.map((x) => x[3])).not.toEqual(b.map((x) => x[3]));
  });

  it('takes a control: override of the mechanism, so an A/B pair compares two mechanisms on one seed', () => {
    const module = join(ROOT, 'examples', 'my-yuma.ts');
    const s = parseScenario(`${SCENARIO('  mechanism: yuma2')}control:\n  chain.mechanism: ${module}#MyYuma\n`, 'mechanisms.yaml');
    expect(s.chain.mechanism!.name).toBe('yuma2');
    expect(s.control!.scenario.chain.mechanism!.name).toBe('my_yuma');
    expect(genesisOf(s.control!.scenario).state.epochVariant).toMatch(/my-yuma\.ts#MyYuma@[0-9a-f]{16}$/);
  });

  it('runs the user module of examples/ through runScenario, deterministically, differently from yuma3', () => {
    const file = join(ROOT, 'examples', 'my-yuma.yaml');
    const go = (overrides: string[]) => {
      const metrics: MetricsRow[] = [];
      const neurons: NeuronRow[] = [];
      const s = loadScenario(file, ['duration.epochs=2', ...overrides].map(parseSetArgument));
      runScenario(s, { recorder: { metrics: (r) => metrics.push(r), neuron: (r) => neurons.push(r), event: () => undefined } });
      return { metrics, neurons };
    };
    const mine = go([]);
    expect(go([])).toEqual(mine);
    const yuma3 = go(['chain.mechanism=yuma3']);
    // Rank squared: the best miner's incentive rises above what Yuma3 gives it.
    const last = (r: { neurons: NeuronRow[] }) => r.neurons.filter((n) => n.block === r.neurons.at(-1)!.block && n.group === 'miners');
    const top = (r: { neurons: NeuronRow[] }) => Math.max(...last(r).map((n) => n.incentive));
    expect(top(mine)).toBeGreaterThan(top(yuma3));
    expect(mine.neurons.map((n) => n.incentive)).not.toEqual(yuma3.neurons.map((n) => n.incentive));
  });
});
