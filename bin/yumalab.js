#!/usr/bin/env node
// Runs the TypeScript CLI directly through tsx's loader, so the command always matches the source.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/run.ts');
