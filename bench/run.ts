/**
 * `npm run bench [-- --json] [-- --quick] [-- --filter TEXT]`:
 *  - coinbase blocks per second for a 128-subnet network (bench/coinbase.ts), both numeric modes,
 *    with the time one simulated year (2,628,000 blocks) takes;
 *  - simulated blocks per second of the whole world loop (bench/engine.ts) for the baseline
 *    scenario (30 days; 3 with --quick) and for 64 subnets × 256 UIDs (1 day, extrapolated to 30),
 *    both numeric modes, and for scenarios/network-large.yaml (32 × 256, every behaviour, float);
 *  - epochs per second of the Yuma epoch on random subnets of V validators × M miners with about
 *    10% of weights set, for both numeric modes and for `yuma2` and `yuma3` + liquid alpha;
 *  - the consensus-guarantees retention maps on one thread (bench/retentionMap.ts): the whole
 *    baseline study in float mode and one chain-mode map, in seconds and grid points per second;
 *  - the full retention map through `yumalab sweep` with 1 and 2 worker threads (bench/retentionSweep.ts);
 *  - the Proof-of-Intelligence ML subnets (bench/mlSubnet.ts; the regression and the
 *    classification scenario): simulated epochs per minute and tfjs training steps per second.
 * Each figure is the median of several timed rounds after a warm-up. Timing lives here only —
 * tests never assert wall-clock time.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import type { NumericMode } from '../src/consensus/epoch/arithmetic.ts';
import { runEpoch } from '../src/consensus/epoch/runEpoch.ts';
import { Arena } from '../src/primitives/arena.ts';
import type { EpochInputs } from '../src/consensus/epoch/types.ts';
import { Rng } from '../src/primitives/rng.ts';
import { measureCoinbase } from './coinbase.ts';
import { measureEngine, type EngineConfig, type EngineResult } from './engine.ts';
import { measureRetentionMap, type RetentionBenchConfig, type RetentionBenchResult } from './retentionMap.ts';
import { measureRetentionSweep, RETENTION_POINTS, type RetentionSweepResult } from './retentionSweep.ts';
import { randomEpochInputs, withBondsFromOneEpoch } from '../src/sim/randomEpochInputs.ts';

interface BenchResult {
  bench: string;
  mode: NumericMode;
  variant: string;
  validators: number;
  miners: number;
  per_second: number;
}

const SIZES: readonly (readonly [number, number])[] = [
  [64, 256],
  [256, 1024],
  [1024, 4096],
];
const VARIANTS = [
  { variant: 'yuma2', yuma3On: false, liquidAlphaOn: false },
  { variant: 'yuma3+liquid_alpha', yuma3On: true, liquidAlphaOn: true },
] as const;
const MODES: readonly NumericMode[] = ['chain', 'float'];
/**
 * `uniform` is the workload the targets are stated for (random 10% weights); `agreeing` is a
 * working subnet, where validators agree and consensus, clipping and bonds do real work.
 */
const WORKLOADS = ['uniform', 'agreeing'] as const;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Epochs per second: warm up, then time `rounds` batches of about `roundMs` each. */
function measure(inputs: EpochInputs, mode: NumericMode, rounds: number, roundMs: number): number {
  // As a simulator runs epochs: one reusable workspace, results consumed before the next run.
  const workspace = new Arena(1 << 20);
  const warmEnd = performance.now() + roundMs;
  let warm = 0;
  while (performance.now() < warmEnd || warm < 3) {
    runEpoch(inputs, { mode, workspace });
    warm++;
  }
  // Batch size so one round takes about roundMs.
  const t0 = performance.now();
  runEpoch(inputs, { mode, workspace });
  const one = Math.max(performance.now() - t0, 1e-3);
  const batch = Math.max(1, Math.round(roundMs / one));
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    for (let k = 0; k < batch; k++) runEpoch(inputs, { mode, workspace });
    rates.push((batch * 1000) / (performance.now() - start));
  }
  return median(rates);
}

interface CoinbaseConfig {
  readonly mode: NumericMode;
  readonly subnets: number;
}

interface CoinbaseResult {
  bench: 'coinbase';
  mode: NumericMode;
  subnets: number;
  blocks_per_second: number;
}

/** One simulated year at 12 s blocks: 365 days × 7,200 blocks. */
const YEAR_BLOCKS = 2_628_000;

interface Config {
  readonly workload: (typeof WORKLOADS)[number];
  readonly validators: number;
  readonly miners: number;
  readonly variant: (typeof VARIANTS)[number]['variant'];
  readonly mode: NumericMode;
}

/** Measures one configuration in this process. */
function runSingle(c: Config, rounds: number, roundMs: number): BenchResult {
  const v = VARIANTS.find((x) => x.variant === c.variant)!;
  const base = randomEpochInputs(Rng.fromSeed('bench').stream(`${c.workload}/${c.validators}x${c.miners}`), {
    validators: c.validators,
    miners: c.miners,
    weightDensity: 0.1,
    weightPattern: c.workload,
    hyperparameters: { yuma3On: v.yuma3On, liquidAlphaOn: v.liquidAlphaOn },
  });
  // Bonds as one epoch left them, so the bond EMA works on real bonds.
  const inputs = withBondsFromOneEpoch(base);
  const perSecond = measure(inputs, c.mode, rounds, roundMs);
  return { bench: `epoch/${c.workload}`, mode: c.mode, variant: c.variant, validators: c.validators, miners: c.miners, per_second: Math.round(perSecond * 10) / 10 };
}

function main(): void {
  const { values } = parseArgs({
    options: {
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      filter: { type: 'string' },
      single: { type: 'string' },
      'single-coinbase': { type: 'string' },
      'single-engine': { type: 'string' },
      'single-retention': { type: 'string' },
    },
  });
  const rounds = values.quick ? 3 : 7;
  const roundMs = values.quick ? 100 : 300;
  if (values.single !== undefined) {
    process.stdout.write(JSON.stringify(runSingle(JSON.parse(values.single) as Config, rounds, roundMs)));
    return;
  }
  if (values['single-coinbase'] !== undefined) {
    const c = JSON.parse(values['single-coinbase']) as CoinbaseConfig;
    const perSecond = measureCoinbase(c.mode, c.subnets, rounds, roundMs * 3);
    process.stdout.write(JSON.stringify({ bench: 'coinbase', mode: c.mode, subnets: c.subnets, blocks_per_second: Math.round(perSecond) }));
    return;
  }
  if (values['single-retention'] !== undefined) {
    process.stdout.write(JSON.stringify(measureRetentionMap(JSON.parse(values['single-retention']) as RetentionBenchConfig)));
    return;
  }
  if (values['single-engine'] !== undefined) {
    process.stdout.write(JSON.stringify(measureEngine(JSON.parse(values['single-engine']) as EngineConfig)));
    return;
  }
  const coinbase: CoinbaseResult[] = [];
  for (const mode of MODES) {
    const c: CoinbaseConfig = { mode, subnets: 128 };
    const label = `coinbase ${mode} ${c.subnets} subnets`;
    if (values.filter !== undefined && !label.includes(values.filter)) continue;
    const args = ['--import', 'tsx', import.meta.filename, '--single-coinbase', JSON.stringify(c), ...(values.quick ? ['--quick'] : [])];
    coinbase.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as CoinbaseResult);
    if (!values.json) process.stderr.write(`  measured ${label}\n`);
  }
  const engine: EngineResult[] = [];
  for (const network of ['baseline', '64x256', 'network-large'] as const) {
    // network-large is a float-mode scenario (issue 5 asks for its float throughput).
    for (const mode of network === 'network-large' ? (['float'] as const) : MODES) {
      const c: EngineConfig = { network, mode, days: network === 'baseline' ? (values.quick ? 3 : 30) : 1 };
      const label = `engine ${network} ${mode}`;
      if (values.filter !== undefined && !label.includes(values.filter)) continue;
      const args = ['--import', 'tsx', import.meta.filename, '--single-engine', JSON.stringify(c)];
      engine.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as EngineResult);
      if (!values.json) process.stderr.write(`  measured ${label}\n`);
    }
  }
  const retention: RetentionBenchResult[] = [];
  for (const mode of ['float', 'chain'] as const) {
    // Float: the whole study; chain: one map at S = 0.6 (11 × 11 with --quick, chain is slow).
    const c: RetentionBenchConfig = { mode, weightSteps: mode === 'chain' && values.quick ? 10 : 50 };
    const label = `retention-map ${mode} baseline`;
    if (values.filter !== undefined && !label.includes(values.filter)) continue;
    const args = ['--import', 'tsx', import.meta.filename, '--single-retention', JSON.stringify(c)];
    retention.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as RetentionBenchResult);
    if (!values.json) process.stderr.write(`  measured ${label}\n`);
  }
  const sweeps: RetentionSweepResult[] = [];
  for (const workers of [1, 2]) {
    const label = `retention-sweep float workers ${workers}`;
    if (values.filter !== undefined && !label.includes(values.filter)) continue;
    sweeps.push(measureRetentionSweep(workers));
    if (!values.json) process.stderr.write(`  measured ${label}\n`);
  }
  // The Proof-of-Intelligence subnet (bench/mlSubnet.ts, tfjs on wasm): its own process, JSON out.
  const ml: Record<string, unknown>[] = [];
  if (values.filter === undefined || 'ml-subnet'.includes(values.filter)) {
    for (const scenario of ['scenarios/ml/proof-of-intelligence.yaml', 'scenarios/ml/classification.yaml']) {
      const args = ['--import', 'tsx', join(import.meta.dirname, 'mlSubnet.ts'), '--epochs', values.quick ? '5' : '20', '--scenario', scenario];
      ml.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as Record<string, unknown>);
      if (!values.json) process.stderr.write(`  measured ml-subnet ${scenario}\n`);
    }
  }
  const results: BenchResult[] = [];
  for (const workload of WORKLOADS) {
    for (const [validators, miners] of SIZES) {
      for (const v of VARIANTS) {
        for (const mode of MODES) {
          const c: Config = { workload, validators, miners, variant: v.variant, mode };
          const label = `epoch/${workload} ${mode} ${v.variant} ${validators}x${miners}`;
          if (values.filter !== undefined && !label.includes(values.filter)) continue;
          // Each configuration runs in a fresh process: a simulator uses one numeric mode and
          // variant throughout, and mixing them in one process would skew V8's optimisations.
          const args = ['--import', 'tsx', import.meta.filename, '--single', JSON.stringify(c), ...(values.quick ? ['--quick'] : [])];
          results.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' })) as BenchResult);
          if (!values.json) process.stderr.write(`  measured ${label}\n`);
        }
      }
    }
  }
  if (values.json) {
    process.stdout.write(`${JSON.stringify([...coinbase, ...engine, ...retention, ...sweeps, ...ml, ...results], null, 2)}\n`);
    return;
  }
  if (coinbase.length > 0) {
    process.stdout.write('coinbase (runCoinbase + epoch scheduler, no Yuma epochs)\n');
    for (const r of coinbase) {
      const yearMinutes = YEAR_BLOCKS / r.blocks_per_second / 60;
      process.stdout.write(`  ${r.mode.padEnd(5)} ${r.subnets} subnets: ${String(r.blocks_per_second).padStart(7)} blocks/s — one year (${YEAR_BLOCKS} blocks) in ${yearMinutes.toFixed(1)} min\n`);
    }
    const ch = coinbase.find((r) => r.mode === 'chain');
    const fl = coinbase.find((r) => r.mode === 'float');
    if (ch && fl) process.stdout.write(`  float / chain speed ratio: ${(fl.blocks_per_second / ch.blocks_per_second).toFixed(2)}×\n`);
    process.stdout.write('\n');
  }
  if (engine.length > 0) {
    process.stdout.write('world loop (agents + chain + epochs + invariant checks; records counted, not written)\n');
    for (const r of engine) {
      const month = (30 * 7200) / r.blocks_per_second;
      process.stdout.write(`  ${r.network.padEnd(13)} ${r.mode.padEnd(5)} ${String(r.blocks_per_second).padStart(6)} blocks/s over ${r.days} day(s) — 30 days in ${(month / 60).toFixed(1)} min\n`);
    }
    process.stdout.write('\n');
  }
  if (retention.length > 0) {
    process.stdout.write('retention maps (consensus-guarantees study, baseline, 64 validators × 448 servers, one thread)\n');
    for (const r of retention) {
      const what = r.stakes === 1 ? `1 stake (S = 0.6) × ${Math.sqrt(r.points)}²` : `${r.stakes} stakes × ${Math.sqrt(r.points / r.stakes)}²`;
      process.stdout.write(`  ${r.mode.padEnd(5)} ${what}: ${r.points} points in ${r.seconds.toFixed(2)} s — ${r.per_second} points/s\n`);
    }
    process.stdout.write('\n');
  }
  if (sweeps.length > 0) {
    process.stdout.write(`full retention map via 'yumalab sweep' (baseline, ${RETENTION_POINTS} points, float, wall clock of the whole command)\n`);
    for (const r of sweeps) process.stdout.write(`  --workers ${r.workers}: ${r.seconds.toFixed(2)} s — ${r.points_per_second} points/s\n`);
    process.stdout.write('\n');
  }
  for (const r of ml) {
    process.stdout.write(`Proof-of-Intelligence subnet (${String(r.scenario)}, tfjs wasm)\n`);
    process.stdout.write(`  ${String(r.epochs)} epochs in ${String(r.wall_seconds)} s — ${String(r.epochs_per_minute)} epochs/min; training ${String(r.training_steps_per_second_in_run)} steps/s in the run, ${String(r.training_steps_per_second_isolated_1x32_batch32)} steps/s for one 1×32 MLP alone\n\n`);
  }
  if (results.length === 0) return;
  const header = ['bench', 'mode', 'variant', 'V', 'M', 'epochs/s'];
  const rows = results.map((r) => [r.bench, r.mode, r.variant, String(r.validators), String(r.miners), r.per_second.toFixed(1)]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => (i >= 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join('  ');
  process.stdout.write(`${line(header)}\n${line(widths.map((w) => '-'.repeat(w)))}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
  // chain vs float ratio per configuration
  process.stdout.write('\nfloat / chain speed ratio:\n');
  for (const c of results.filter((r) => r.mode === 'chain')) {
    const f = results.find((r) => r.mode === 'float' && r.bench === c.bench && r.variant === c.variant && r.validators === c.validators);
    if (f) process.stdout.write(`  ${c.bench} ${c.variant} ${c.validators}x${c.miners}: ${(f.per_second / c.per_second).toFixed(2)}×\n`);
  }
}

main();
