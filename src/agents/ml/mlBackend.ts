/**
 * The one tfjs backend ML agents run on: `wasm` (SIMD, single-threaded — tfjs-backend-wasm 4.22.0
 * in Node 20 has no thread support, so the thread count is fixed at 1). tfjs-node cannot be
 * installed here (research/stack.md §6) and `cpu` gives different float op orders, so a run never
 * falls back silently: an ML agent built before `initMlBackend()` has finished fails loudly.
 *
 * Setting a backend is the only asynchronous tfjs call; callers (the CLI run worker, tests, the
 * bench) await it once before a run, and everything after it — training, predicting, `dataSync` —
 * is synchronous, so the world loop stays synchronous.
 */
import { assert } from '../../primitives/assert.ts';
import { tfjs } from './tfjs.ts';

export const ML_BACKEND = 'wasm';

/** Selects and initialises the wasm backend (idempotent). */
export async function initMlBackend(): Promise<void> {
  const tf = tfjs();
  if (tf.getBackend() === ML_BACKEND) return;
  const ok = await tf.setBackend(ML_BACKEND);
  assert(ok && tf.getBackend() === ML_BACKEND, () => `tfjs could not initialise the ${ML_BACKEND} backend`);
  await tf.ready();
}

/** Asserts that the wasm backend is active (ML agents call it when they are built). */
export function assertMlBackend(): void {
  const tf = tfjs();
  assert(tf.getBackend() === ML_BACKEND, () => `ML agents need the tfjs ${ML_BACKEND} backend: await initMlBackend() before the run (active: ${String(tf.getBackend())})`);
}
