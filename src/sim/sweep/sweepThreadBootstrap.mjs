// Piscina's worker imports this plain-JS module; it registers tsx's loader in the worker thread
// first, because Node 20 cannot load a .ts worker module by itself (shared research/stack.md §9).
import { register } from 'tsx/esm/api';

register();
const { default: sweepThread } = await import('./sweepThread.ts');
export default sweepThread;
