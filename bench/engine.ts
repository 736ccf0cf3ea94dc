/**
 * Simulated blocks per second of the whole world loop (runScenario: agents, chain block, epochs,
 * invariant checks; records go to a counting recorder, so file I/O is not measured) for the
 * baseline scenario and for a network of 64 subnets × 256 UIDs (16,384 neurons), in both numeric
 * modes, and for scenarios/network-large.yaml (32 × 256 UIDs mixing every behaviour, float mode). Each configuration runs `days` simulated days in a fresh process; the time for 30 days is
 * extrapolated from the measured rate unless `--full` runs all 30.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { NumericMode } from '../src/consensus/epoch/arithmetic.ts';
import { runScenario } from '../src/sim/run/runScenario.ts';
import { parseScenario } from '../src/sim/scenario/loadScenario.ts';

export interface EngineConfig {
  readonly network: 'baseline' | '64x256' | 'network-large';
  readonly mode: NumericMode;
  readonly days: number;
}

export interface EngineResult {
  readonly bench: 'engine';
  readonly network: string;
  readonly mode: NumericMode;
  readonly days: number;
  readonly blocks: number;
  readonly seconds: number;
  readonly blocks_per_second: number;
}

const BASELINE = join(import.meta.dirname, '..', 'scenarios', 'baseline.yaml');
const LARGE = join(import.meta.dirname, '..', 'scenarios', 'network-large.yaml');

function fileOf(c: EngineConfig): string {
  return c.network === 'network-large' ? LARGE : BASELINE;
}

/** The scenario text, resized: `count` subnets (64×256 only), `days` days, the given numeric mode. */
function scenarioText(c: EngineConfig): string {
  let text = readFileSync(fileOf(c), 'utf8');
  text = text.replace(/^( {2}days:) \d+$/m, `$1 ${c.days}`).replace(/^( {2}numeric:) \w+$/m, `$1 ${c.mode}`);
  if (c.network === '64x256') text = text.replace(/^( {4}count:) 4$/m, '$1 64');
  return text;
}

export function measureEngine(c: EngineConfig): EngineResult {
  const scenario = parseScenario(scenarioText(c), fileOf(c));
  let rows = 0;
  const start = performance.now();
  const summary = runScenario(scenario, { recorder: { metrics: () => rows++, neuron: () => rows++, event: () => rows++ } });
  const seconds = (performance.now() - start) / 1000;
  return {
    bench: 'engine',
    network: c.network,
    mode: c.mode,
    days: c.days,
    blocks: summary.blocks,
    seconds: Math.round(seconds * 10) / 10,
    blocks_per_second: Math.round(summary.blocks / seconds),
  };
}
