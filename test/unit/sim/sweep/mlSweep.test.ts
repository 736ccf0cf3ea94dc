import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSweepPlan } from '../../../../src/sim/sweep/loadSweepPlan.ts';
import { localExecutor } from '../../../../src/sim/sweep/localExecutor.ts';
import { runSweep } from '../../../../src/sim/sweep/runSweep.ts';
import { subjectForFile } from '../../../../src/sim/sweep/sweepSubjects.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';

const ML = join(resolve(import.meta.dirname, '../../../..'), 'scenarios', 'ml', 'proof-of-intelligence.yaml');
const files = useTempFiles('ml-sweep');

describe('sweeps of ML scenarios', () => {
  it('set up the tfjs backend on the worker thread before running ML agents', async () => {
    const text = readFileSync(ML, 'utf8').replace(/^duration:\n {2}\w+: \d+\n/m, 'duration:\n  blocks: 150\n');
    const file = files.write(`${text}\nsweep:\n  replicates: 1\n`, 'yaml');
    const plan = loadSweepPlan(file, [], subjectForFile);
    const executor = localExecutor(1);
    try {
      const outcome = await runSweep({ plan, outDir: join(files.dir(), 'out'), executor, resume: false, noControl: false, command: ['test'], generatedAt: () => 'now' });
      expect(outcome.rows.map((r) => r.error)).toEqual(['']);
      expect(outcome.complete).toBe(1);
    } finally {
      await executor.close();
    }
  }, 120_000);
});
