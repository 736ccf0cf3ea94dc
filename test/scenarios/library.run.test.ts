/**
 * Every scenario in scenarios/ runs in CI (briefly): loaded as a user would, then simulated for
 * three epochs of its slowest subnet (capped at its own duration), with the invariant checker after
 * every block as in any run. Long scenarios are exercised in full by `yumalab run` and the bench.
 * Research experiments (files with a top-level `experiment:` key, run by `yumalab sweep`) are not
 * world scenarios; test/scenarios/research.test.ts runs them. A golden suite's suite.yaml (a top-level
 * `scenarios:` list) is not a scenario either; test/scenarios/regress.test.ts runs the suite.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { initMlBackend } from '../../src/agents/ml/mlBackend.ts';
import { runScenario } from '../../src/sim/run/runScenario.ts';
import { loadScenario } from '../../src/sim/scenario/loadScenario.ts';

const DIR = join(resolve(import.meta.dirname, '../..'), 'scenarios');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe('the scenario library runs', () => {
  // scenarios/ml/ builds tfjs models, which need the wasm backend.
  beforeAll(async () => {
    await initMlBackend();
  });

  it.each(yamlFiles(DIR).filter((f) => !/^(experiment|scenarios):/m.test(readFileSync(f, 'utf8'))).sort())('%s runs a few epochs with every invariant holding', (file) => {
    const full = loadScenario(file);
    const slowestTempo = Math.max(...full.subnets.map((s) => s.rules.hyperparameters.tempoBlocks));
    const blocks = Math.min(full.durationBlocks, 3 * slowestTempo + 10);
    const summary = runScenario({ ...full, durationBlocks: blocks }, { recorder: { metrics: () => undefined, neuron: () => undefined, event: () => undefined } });
    expect(summary.blocks).toBe(blocks);
    expect(summary.epochs).toBeGreaterThan(0);
  });
});
