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
import { initMlBackend } from '../../../src/agents/ml/mlBackend.ts';
import { subnetOf } from '../../../src/consensus/chain/chainState.ts';
import { spearmanCorrelation } from '../../../src/sim/run/spearmanCorrelation.ts';
import { buildCharts } from '../../../src/report/buildCharts.ts';
import { readRunDirectory } from '../../../src/report/readRunDirectory.ts';
import { writeRunArtifacts } from '../../../src/sim/artifacts/writeRunArtifacts.ts';
import { runScenario } from '../../../src/sim/run/runScenario.ts';
import { loadScenario } from '../../../src/sim/scenario/loadScenario.ts';
import type { Scenario } from '../../../src/sim/scenario/scenario.ts';
import { mlQualityProbe } from '../../../src/sim/world/mlQualityProbe.ts';

const ML_DIR = join(resolve(import.meta.dirname, '../../..'), 'scenarios', 'ml');
const FILE = join(ML_DIR, 'proof-of-intelligence.yaml');
const DISCARD = { metrics: () => undefined, neuron: () => undefined, event: () => undefined };

function shortened(epochs: number, file = FILE): Scenario {
  const s = loadScenario(file);
  const tempo = s.subnets[0]!.rules.hyperparameters.tempoBlocks;
  const durationBlocks = epochs * tempo + 5;
  return { ...s, durationBlocks, control: s.control === null ? null : { ...s.control, scenario: { ...s.control.scenario, durationBlocks } } };
}

/** Per epoch: Spearman of quality and incentive over the miners answering themselves, and the copiers' incentive. */
function qualityAndCopiers(scenario: Scenario): { correlations: number[]; copierIncentive: bigint[] } {
  const correlations: number[] = [];
  const copierIncentive: bigint[] = [];
  runScenario(scenario, {
    recorder: DISCARD,
    onEpoch: (world, netuid) => {
      const rows = mlQualityProbe(world, netuid);
      const incentive = subnetOf(world.state, netuid)!.lastIncentiveRao;
      // Copiers relay a top miner, so their measured quality is high; they are judged separately.
      const own = rows.filter((r) => r.group !== 'copiers');
      correlations.push(spearmanCorrelation(own.map((r) => r.quality), own.map((r) => Number(incentive[r.uid] ?? 0n))));
      copierIncentive.push(rows.filter((r) => r.group === 'copiers').reduce((sum, r) => sum + (incentive[r.uid] ?? 0n), 0n));
    },
  });
  return { correlations, copierIncentive };
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

  it('gives its report a quality-against-incentive chart from the recorded ml_quality events', async () => {
    const dir = await readRunDirectory(join(root, 'a'));
    expect(dir.kind).toBe('single');
    const run = dir.kind === 'single' ? dir.run : null;
    expect(run!.mlQuality!.length).toBeGreaterThan(0);
    expect(run!.mlQuality!.at(-1)!.miners.length).toBe(38);
    const names = buildCharts(dir, 0).flatMap((s) => s.charts.map((c) => c.name));
    expect(names).toContain('ml-quality');
  });

  it('pays higher-quality miners more, and catches the late copiers', () => {
    const { correlations, copierIncentive } = qualityAndCopiers(shortened(6));
    expect(correlations).toHaveLength(6);
    // Epoch 1 has no weights yet (validators get permits from it); after a warm-up weights follow quality.
    for (const rho of correlations.slice(3)) expect(rho).toBeGreaterThan(0.5);
    // Validators time out on relayed (late) answers, so copiers never earn.
    expect(copierIncentive.every((x) => x === 0n)).toBe(true);
  });
});

describe('the classification scenario (Gaussian mixture, cross-entropy, rank weights)', () => {
  it('pays higher-quality miners more after a warm-up and catches the late copiers', () => {
    const { correlations, copierIncentive } = qualityAndCopiers(shortened(6, join(ML_DIR, 'classification.yaml')));
    expect(correlations).toHaveLength(6);
    for (const rho of correlations.slice(3)) expect(rho).toBeGreaterThan(0.5);
    expect(copierIncentive.every((x) => x === 0n)).toBe(true);
  });
});

describe('the late-answers A/B pair', () => {
  it('pays the copiers when validators score late answers, and never when they drop them', () => {
    const pair = shortened(6, join(ML_DIR, 'late-answers.yaml'));
    const attack = qualityAndCopiers(pair);
    const control = qualityAndCopiers(pair.control!.scenario);
    // From the third epoch the copiers relay a miner that earned; the validators that wait score them.
    expect(attack.copierIncentive.slice(3).every((x) => x > 0n)).toBe(true);
    expect(control.copierIncentive.every((x) => x === 0n)).toBe(true);
  });
});
