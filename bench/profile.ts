/**
 * Profiling driver: `node --import tsx --cpu-prof bench/profile.ts V M chain|float y2|y3 [uniform|agreeing] [iterations]`.
 */
import type { NumericMode } from '../src/consensus/epoch/arithmetic.ts';
import { runEpoch } from '../src/consensus/epoch/runEpoch.ts';
import { Arena } from '../src/primitives/arena.ts';
import { Rng } from '../src/primitives/rng.ts';
import { randomEpochInputs, withBondsFromOneEpoch } from '../src/sim/randomEpochInputs.ts';

const [V, M] = [Number(process.argv[2] ?? 64), Number(process.argv[3] ?? 256)];
const mode = (process.argv[4] ?? 'float') as NumericMode;
const y3 = process.argv[5] === 'y3';
const weightPattern = (process.argv[6] ?? 'agreeing') as 'uniform' | 'agreeing';
const iterations = Number(process.argv[7] ?? 2000);
const inputs = withBondsFromOneEpoch(
  randomEpochInputs(Rng.fromSeed('bench').stream(`${weightPattern}/${V}x${M}`), {
    validators: V,
    miners: M,
    weightDensity: 0.1,
    weightPattern,
    hyperparameters: { yuma3On: y3, liquidAlphaOn: y3 },
  }),
);
const workspace = new Arena(1 << 20);
const start = process.hrtime.bigint();
for (let i = 0; i < iterations; i++) runEpoch(inputs, { mode, workspace });
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
process.stdout.write(`${(iterations / seconds).toFixed(1)} epochs/s\n`);
