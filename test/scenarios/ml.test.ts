/**
 * The Proof-of-Intelligence scenario (scenarios/ml/proof-of-intelligence.yaml), briefly: the same
 * seed gives the same artifact digest, and after a warm-up incentive rank-correlates positively
 * with the miners' quality measured on a held-out probe. A few epochs only (each tempo trains 32
 * tfjs models); the full day runs with `yumalab run` and in bench/.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initMlBackend } from '../../src/agents/ml/mlBackend.ts';
import { subnetOf } from '../../src/consensus/chain/chainState.ts';
import { spearmanCorrelation } from '../../src/report/spearmanCorrelation.ts';
import { writeRunArtifacts } from '../../src/sim/artifacts/writeRunArtifacts.ts';
import { runScenario } from '../../src/sim/run/runScenario.ts';
import { loadScenario } from '../../src/sim/scenario/loadScenario.ts';
import type { Scenario } from '../../src/sim/scenario/scenario.ts';
import { mlQualityProbe } from '../../src/sim/world/mlQualityProbe.ts';

const FILE = join(resolve(import.meta.dirname, '../..'), 'scenarios', 'ml', 'proof-of-intelligence.yaml');
const DISCARD = { metrics: () => undefined, neuron: () => undefined, event: () => undefined };

function shortened(epochs: number): Scenario {
  const s = loadScenario(FILE);
  const tempo = s.subnets[0]!.rules.hyperparameters.tempoBlocks;
  return { ...s, durationBlocks: epochs * tempo + 5 };
}

let root = '';
beforeAll(async () => {
  await initMlBackend();
  root = mkdtempSync(join(tmpdir(), 'yumalab-ml-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('the proof-of-intelligence scenario', () => {
  it('repeats its artifact digest for the same seed', () => {
    const digest = (dir: string): string => {
      const scenario = shortened(3);
      return writeRunArtifacts({ scenario, outDir: join(root, dir), tag: 'ml', command: ['test'], generatedAt: () => 'fixed', execute: (recorder) => runScenario(scenario, { recorder }) }).digest;
    };
    const a = digest('a');
    expect(digest('b')).toBe(a);
  });

  it('pays higher-quality miners more: incentive rank-correlates with held-out quality after warm-up', () => {
    const correlations: number[] = [];
    runScenario(shortened(6), {
      recorder: DISCARD,
      onEpoch: (world, netuid) => {
        const rows = mlQualityProbe(world, netuid);
        const incentive = subnetOf(world.state, netuid)!.lastIncentiveRao;
        correlations.push(spearmanCorrelation(rows.map((r) => r.quality), rows.map((r) => Number(incentive[r.uid] ?? 0n))));
      },
    });
    expect(correlations).toHaveLength(6);
    // Epoch 1 has no weights yet (validators get permits from it); from the third on, weights are set.
    for (const rho of correlations.slice(3)) expect(rho).toBeGreaterThan(0.5);
  });
});
