/**
 * Child process of crossRuntime.test.ts: runs a scenario for a few epochs with artifacts and prints
 * the digest, on the wasm backend built with or without SIMD (`--simd on|off`, the two binaries
 * tfjs-backend-wasm ships: a machine without SIMD runs the second), under whichever JavaScript
 * runtime started it (Node with tsx, or Deno).
 *
 *   node --import tsx test/scenarios/ml/mlDigestMain.ts <scenario.yaml> <epochs> <outDir> <on|off>
 */
import { tfjs } from '../../../src/agents/ml/tfjs.ts';
import { initMlBackend } from '../../../src/agents/ml/mlBackend.ts';
import { writeRunArtifacts } from '../../../src/sim/artifacts/writeRunArtifacts.ts';
import { runScenario } from '../../../src/sim/run/runScenario.ts';
import { loadScenario } from '../../../src/sim/scenario/loadScenario.ts';
import process from 'node:process';

const [file, epochsText, outDir, simd] = process.argv.slice(2);
if (file === undefined || epochsText === undefined || outDir === undefined || (simd !== 'on' && simd !== 'off')) {
  console.error('usage: mlDigestMain.ts <scenario.yaml> <epochs> <outDir> <on|off>');
  process.exit(2);
}
// Decided before the backend loads its binary: the flag picks tfjs-backend-wasm.wasm or -simd.wasm.
tfjs().env().set('WASM_HAS_SIMD_SUPPORT', simd === 'on');
await initMlBackend();
const loaded = loadScenario(file);
const scenario = { ...loaded, durationBlocks: Number(epochsText) * loaded.subnets[0]!.rules.hyperparameters.tempoBlocks + 5 };
const manifest = writeRunArtifacts({ scenario, outDir, tag: 'ml', command: ['test'], generatedAt: () => 'fixed', execute: (recorder) => runScenario(scenario, { recorder }) });
console.log(`simd=${String(tfjs().env().get('WASM_HAS_SIMD_SUPPORT'))} digest=${manifest.digest}`);
