/**
 * Per-step timing of the epoch (for optimisation work): `node --import tsx bench/steps.ts V M chain|float [y3]`.
 */
import { performance } from 'node:perf_hooks';
import type { NumericMode } from '../src/consensus/epoch/arithmetic.ts';
import { arithmeticFor, resolveVariant, runEpoch } from '../src/consensus/epoch/runEpoch.ts';
import { Rng } from '../src/primitives/rng.ts';
import { randomEpochInputs, withBondsFromOneEpoch } from '../src/sim/randomEpochInputs.ts';
import { runEpochUpTo } from '../src/consensus/epoch/runEpoch.ts';
import { Arena } from '../src/primitives/arena.ts';
const workspace = new Arena(1 << 20);

const V = Number(process.argv[2] ?? 64);
const M = Number(process.argv[3] ?? 256);
const mode = (process.argv[4] ?? 'float') as NumericMode;
const y3 = process.argv[5] === 'y3';
const inputs = withBondsFromOneEpoch(
  randomEpochInputs(Rng.fromSeed('bench').stream(`${V}x${M}`), { validators: V, miners: M, weightDensity: 0.1, weightPattern: (process.env.PATTERN ?? 'agreeing') as 'uniform' | 'agreeing', hyperparameters: { yuma3On: y3, liquidAlphaOn: y3 } }),
);
const variant = resolveVariant(inputs, undefined);
const totals = new Map<string, number>();
const iters = Math.max(20, Math.round(Number(process.env.ITERS ?? 2_000_000) / (V * M * 0.1)));
for (let it = 0; it < iters * 2; it++) {
  const w = runEpochUpTo(inputs, variant.steps[0]!.name, { mode, workspace });
  for (const step of variant.steps.slice(1)) {
    const t = performance.now();
    step.run(w);
    if (it >= iters) totals.set(step.name, (totals.get(step.name) ?? 0) + performance.now() - t);
  }
}
let sum = 0;
for (const [k, v] of totals) {
  sum += v;
  console.log(`${k.padEnd(26)} ${((v / iters) * 1000).toFixed(1).padStart(9)} µs`);
}
console.log(`${'total (steps 2..)'.padEnd(26)} ${((sum / iters) * 1000).toFixed(1).padStart(9)} µs`);
const t0 = performance.now();
for (let i = 0; i < iters; i++) runEpoch(inputs, { mode, workspace });
console.log(`${'runEpoch'.padEnd(26)} ${(((performance.now() - t0) / iters) * 1000).toFixed(1).padStart(9)} µs`);
void arithmeticFor;
