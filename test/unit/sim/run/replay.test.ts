import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runScenario } from '../../../../src/sim/run/runScenario.ts';
import type { NeuronRow } from '../../../../src/sim/run/records.ts';
import { InputError } from '../../../../src/sim/input/readStructuredFile.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';

const FILE = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'replay', 'scenario.yaml');

function scenario(yuma3: boolean): string {
  return `
name: replay-test
seed: 1
duration: {epochs: 6}
chain: {epoch_blocks: 100}
subnets:
  - name: r
    tempo: 100
    pool: {tao: 1000, alpha: 100000}
    hyperparameters: {max_allowed_uids: 8, commit_reveal_weights_enabled: false, yuma3_on: ${yuma3}}
    replay: two-validators.json
outputs: {cadence: epoch, detail: [neurons]}
`;
}

function neurons(yuma3: boolean): NeuronRow[] {
  const rows: NeuronRow[] = [];
  runScenario(parseScenario(scenario(yuma3), FILE), { recorder: { metrics: () => undefined, neuron: (r) => rows.push(r), event: () => undefined } });
  return rows;
}

describe('a replay subnet', () => {
  it('runs the epochs on the file’s stakes and weights: miner incentive follows the majority validator', () => {
    const rows = neurons(true);
    const incentive = (block: number, uid: number): number => rows.find((r) => r.block === block && r.uid === uid)!.incentive;
    // Epochs 1–2: the 80 % validator prefers miner UID 2 over UID 3 (1 : 0.5).
    expect(incentive(100, 2)).toBeGreaterThan(incentive(100, 3));
    // From epoch 3 it prefers UID 3 (0.2 : 1); the file's last entry repeats afterwards.
    expect(incentive(300, 3)).toBeGreaterThan(incentive(300, 2));
    expect(incentive(600, 3)).toBeGreaterThan(incentive(600, 2));
    // UID 4 is weighted only by the 20 % validator: below κ, clipped to nothing.
    expect(incentive(600, 4)).toBe(0);
    // The file's stake is what the epoch used (UID 0 holds 80 % of the stake weight).
    expect(rows.find((r) => r.block === 100 && r.uid === 0)!.stakeWeight).toBeCloseTo(0.8, 4);
  });

  it('gives different dividends under Yuma 2 and Yuma 3 on the same file', () => {
    const y2 = neurons(false).filter((r) => r.uid < 2).map((r) => r.dividends);
    const y3 = neurons(true).filter((r) => r.uid < 2).map((r) => r.dividends);
    expect(y2.length).toBe(12);
    expect(y2).not.toEqual(y3);
  });
});

describe('replay validation', () => {
  function problems(text: string): readonly string[] {
    try {
      parseScenario(text, FILE);
    } catch (e) {
      if (e instanceof InputError) return e.problems;
      throw e;
    }
    return [];
  }

  it('accepts replay only on genesis subnets, whose UIDs the world lays out from the file', () => {
    const text = `${scenario(true)}events:\n  - {at: {block: 10}, type: register_subnet, subnet: {name: late, replay: two-validators.json}}\n`;
    expect(problems(text)).toEqual([`${FILE}:14:75: events.0.subnet.replay: only a genesis subnet (under subnets:) can be a replay subnet`]);
  });

  it('refuses a replay with more UIDs than max_allowed_uids', () => {
    const text = scenario(true).replace('max_allowed_uids: 8', 'max_allowed_uids: 4');
    expect(problems(text)).toEqual([`${FILE}:11:13: subnets.0.replay: the replay has 5 UIDs; max_allowed_uids is 4`]);
  });
});
