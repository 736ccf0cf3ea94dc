/**
 * tfjs, loaded on first use. Every run imports the agent registry, and most runs have no ML agent;
 * loading tfjs and its wasm backend costs about half a second per process, so it is required
 * lazily (CommonJS `require`, which is also what an ESM import of these packages resolves to, so
 * there is one tfjs-core instance) instead of imported at module load.
 */
import { createRequire } from 'node:module';

type Tf = typeof import('@tensorflow/tfjs');

let loaded: Tf | null = null;

export function tfjs(): Tf {
  if (loaded === null) {
    const require = createRequire(import.meta.url);
    loaded = require('@tensorflow/tfjs') as Tf;
    // Registers the wasm backend with that same tfjs-core.
    require('@tensorflow/tfjs-backend-wasm');
  }
  return loaded;
}
