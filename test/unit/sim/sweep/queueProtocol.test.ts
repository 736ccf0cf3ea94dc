import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeResult, decodeTaskPayload, encodeResult, encodeTaskPayload, jobIdOf } from '../../../../src/sim/sweep/queueProtocol.ts';
import type { SweepTask, SweepTaskResult } from '../../../../src/sim/sweep/sweepTask.ts';
import { YUMALAB_VERSION } from '../../../../src/sim/version.ts';

const KEY = 'a'.repeat(64);
const TASK: SweepTask = {
  kind: 'scenario',
  file: 'grid.yaml',
  text: 'name: x\n',
  overrides: [{ path: 'duration.blocks', value: 300 }],
  coordinates: [],
  seed: 7,
  noControl: false,
  runKey: KEY,
};

/** What BullMQ does to a job's data and return value on the way through Redis. */
const throughJson = <T>(value: T): unknown => JSON.parse(JSON.stringify(value));

describe('queueProtocol', () => {
  it('brings every file of a run back through JSON with the same bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ name: fc.stringMatching(/^[a-z]{1,8}(\/[a-z]{1,8})?\.csv$/), data: fc.uint8Array({ maxLength: 2_000 }) }), { maxLength: 5 }), async (files) => {
        const result: SweepTaskResult = { ok: true, runKey: KEY, files };
        const back = await decodeResult(throughJson(await encodeResult(result)), KEY);
        expect(back).toEqual(result);
      }),
      { numRuns: 40 },
    );
  });

  it('brings a failed run back with its error', async () => {
    const failed: SweepTaskResult = { ok: false, runKey: KEY, error: 'invariant violated at block 3' };
    expect(await decodeResult(throughJson(await encodeResult(failed)), KEY)).toEqual(failed);
  });

  it('turns a malformed or misaddressed result into a failed run instead of throwing', async () => {
    const good = throughJson(await encodeResult({ ok: true, runKey: KEY, files: [{ name: 'a.csv', data: new Uint8Array([1]) }] })) as Record<string, unknown>;
    for (const bad of [null, 'text', { ...good, protocol: 99 }, { ...good, files: [{ name: 'a.csv', gzipBase64: 'bm90IGd6aXA=' }] }, { ...good, files: 'x' }]) {
      const r = await decodeResult(bad, KEY);
      expect(r.ok).toBe(false);
      expect(r.ok ? '' : r.error).toMatch(/^malformed result from the queue: /);
    }
    const other = await decodeResult(good, 'b'.repeat(64));
    expect(other).toEqual({ ok: false, runKey: 'b'.repeat(64), error: `malformed result from the queue: it answers run ${KEY}` });
  });

  it('hands a task through JSON unchanged and refuses jobs of another yumalab version', () => {
    expect(decodeTaskPayload(throughJson(encodeTaskPayload(TASK)))).toEqual({ task: TASK });
    expect(decodeTaskPayload({ ...encodeTaskPayload(TASK), yumalab: '0.0.0-other' })).toEqual({ refusal: `the sweep runs yumalab 0.0.0-other but this worker runs ${YUMALAB_VERSION} (its bytes would differ)` });
    expect(decodeTaskPayload({ hello: 1 })).toEqual({ refusal: 'the job is not a yumalab sweep run' });
  });

  it('names a job by its run key, in a form BullMQ accepts as a custom id', () => {
    const id = jobIdOf('0123456789'.repeat(6) + '0123');
    expect(id).toBe(`run-${'0123456789'.repeat(6)}0123`);
    expect(id).not.toContain(':');
    expect(Number.isInteger(Number(id))).toBe(false);
  });
});
