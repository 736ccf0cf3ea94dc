/**
 * `node --import tsx bench/mlSubnet.ts [--epochs N] [--scenario FILE]`: a Proof-of-Intelligence
 * scenario (default scenarios/ml/proof-of-intelligence.yaml, 38 ML miners + 8 ML validators) on the
 * tfjs wasm backend, for N epochs (default 20): simulated epochs per minute of the whole world loop, and
 * training steps per second (Adam steps of every miner over the run's wall time, and over the time
 * spent inside training alone). Timing lives here only — tests never assert wall-clock time.
 */
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { initMlBackend } from '../src/agents/ml/mlBackend.ts';
import { MlMiner } from '../src/agents/ml/mlMiner.ts';
import { MlOverfitMiner } from '../src/agents/ml/mlOverfitMiner.ts';
import { Mlp, mlpShapeFor } from '../src/agents/ml/mlp.ts';
import { Rng } from '../src/primitives/rng.ts';
import { mlTaskOf } from '../src/agents/ml/mlTaskOf.ts';
import { mlTaskSpec } from '../src/agents/ml/mlTaskSpec.ts';
import { runScenario } from '../src/sim/run/runScenario.ts';
import { loadScenario } from '../src/sim/scenario/loadScenario.ts';
import type { World } from '../src/sim/world/world.ts';

const { values } = parseArgs({ options: { epochs: { type: 'string', default: '20' }, scenario: { type: 'string', default: 'scenarios/ml/proof-of-intelligence.yaml' } } });
const epochs = Number(values.epochs);

await initMlBackend();

// Training alone: one 1×32 MLP, batch 32, after a warm-up.
const task = mlTaskOf(mlTaskSpec('regression', 'bench'));
const mlp = new Mlp(mlpShapeFor(task, 1, 32), 0.01, Rng.fromSeed('bench/init'));
const data = Rng.fromSeed('bench/data');
const batches = Array.from({ length: 64 }, () => task.sample(data, 32, 0, true));
for (let i = 0; i < 50; i++) mlp.trainStep(batches[i % 64]!.inputs, batches[i % 64]!.targets, 32);
const t0 = performance.now();
const steps = 1000;
for (let i = 0; i < steps; i++) mlp.trainStep(batches[i % 64]!.inputs, batches[i % 64]!.targets, 32);
const isolatedStepsPerSecond = steps / ((performance.now() - t0) / 1000);
mlp.dispose();

const scenario = loadScenario(new URL(`../${values.scenario}`, import.meta.url).pathname);
const tempo = scenario.subnets[0]!.rules.hyperparameters.tempoBlocks;
let last: World | null = null;
const start = performance.now();
const summary = runScenario({ ...scenario, durationBlocks: epochs * tempo }, {
  recorder: { metrics: () => undefined, neuron: () => undefined, event: () => undefined },
  onEpoch: (world) => {
    last = world;
  },
});
const seconds = (performance.now() - start) / 1000;
let trainingSteps = 0;
for (const e of (last as World | null)?.agents ?? []) if (e.agent instanceof MlMiner || e.agent instanceof MlOverfitMiner) trainingSteps += e.agent.trainingSteps;
console.log(
  JSON.stringify(
    {
      bench: 'ml_subnet',
      scenario: values.scenario,
      epochs: summary.epochs,
      blocks: summary.blocks,
      wall_seconds: Number(seconds.toFixed(2)),
      epochs_per_minute: Number(((summary.epochs / seconds) * 60).toFixed(1)),
      training_steps: trainingSteps,
      training_steps_per_second_in_run: Number((trainingSteps / seconds).toFixed(0)),
      training_steps_per_second_isolated_1x32_batch32: Number(isolatedStepsPerSecond.toFixed(0)),
    },
    null,
    2,
  ),
);
