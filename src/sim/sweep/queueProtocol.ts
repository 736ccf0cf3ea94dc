/**
 * What travels through Redis between `yumalab sweep --queue` (queueExecutor.ts) and `yumalab
 * worker` (queueWorker.ts): the queue's name, the job id of a run, the job's payload (the task,
 * which is plain data) and its return value (the run directory's files, gzipped and base64 so
 * they survive BullMQ's JSON). Both sides import this one file, so they cannot disagree.
 */
import { gunzip, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import { YUMALAB_VERSION } from '../version.ts';
import type { SweepTask, SweepTaskFile, SweepTaskResult } from './sweepTask.ts';

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** The BullMQ queue sweeps and workers meet on unless told otherwise (no `:` allowed by BullMQ). */
export const DEFAULT_QUEUE_NAME = 'yumalab-sweeps';

/** Bumped when the payload or result layout changes. */
const PROTOCOL = 1;

/** The BullMQ job name of a sweep run (informational: workers run every job of their queue). */
export const SWEEP_JOB_NAME = 'sweep-run';

/**
 * A run's job id is its content address (runKey.ts, which includes the yumalab version): every
 * job with this id would return the same bytes, so two sweeps on one Redis that need the same run
 * share one job — BullMQ ignores an add whose id exists — and can never receive each other's
 * different results. The prefix keeps BullMQ from reading an all-digit key as a number.
 */
export function jobIdOf(runKey: string): string {
  return `run-${runKey}`;
}

export interface SweepJobPayload {
  readonly protocol: number;
  /** The coordinator's yumalab version: a worker on another version would write other bytes. */
  readonly yumalab: string;
  readonly task: SweepTask;
}

export function encodeTaskPayload(task: SweepTask): SweepJobPayload {
  return { protocol: PROTOCOL, yumalab: YUMALAB_VERSION, task };
}

/** The task, or why this worker must not run it (a one-line message). */
export function decodeTaskPayload(data: unknown): { readonly task: SweepTask } | { readonly refusal: string } {
  const p = data as Partial<SweepJobPayload> | null;
  if (p === null || typeof p !== 'object' || typeof p.task !== 'object' || p.task === null) return { refusal: 'the job is not a yumalab sweep run' };
  if (p.protocol !== PROTOCOL) return { refusal: `the job uses queue protocol ${String(p.protocol)}, this worker speaks ${PROTOCOL}` };
  if (p.yumalab !== YUMALAB_VERSION) return { refusal: `the sweep runs yumalab ${String(p.yumalab)} but this worker runs ${YUMALAB_VERSION} (its bytes would differ)` };
  return { task: p.task };
}

/** The job's return value: JSON-safe, files gzipped (run outputs are text and shrink ~5-10×). */
export type EncodedSweepResult =
  | { readonly protocol: number; readonly ok: true; readonly runKey: string; readonly files: readonly { readonly name: string; readonly gzipBase64: string }[] }
  | { readonly protocol: number; readonly ok: false; readonly runKey: string; readonly error: string };

export async function encodeResult(result: SweepTaskResult): Promise<EncodedSweepResult> {
  if (!result.ok) return { protocol: PROTOCOL, ok: false, runKey: result.runKey, error: result.error };
  // zlib's async gzip runs on libuv's pool, so the worker's main thread stays free to renew job locks.
  const files = await Promise.all(result.files.map(async (f) => ({ name: f.name, gzipBase64: (await gzipAsync(f.data)).toString('base64') })));
  return { protocol: PROTOCOL, ok: true, runKey: result.runKey, files };
}

/** Back to a SweepTaskResult with the files' bytes; anything malformed becomes a failed run. */
export async function decodeResult(value: unknown, runKey: string): Promise<SweepTaskResult> {
  const v = value as Partial<{ protocol: number; ok: boolean; runKey: string; error: string; files: { name: string; gzipBase64: string }[] }> | null;
  const bad = (why: string): SweepTaskResult => ({ ok: false, runKey, error: `malformed result from the queue: ${why}` });
  if (v === null || typeof v !== 'object') return bad('not an object');
  if (v.protocol !== PROTOCOL) return bad(`protocol ${String(v.protocol)}, expected ${PROTOCOL}`);
  if (v.runKey !== runKey) return bad(`it answers run ${String(v.runKey)}`);
  if (v.ok === false) return { ok: false, runKey, error: typeof v.error === 'string' ? v.error : 'unknown error' };
  if (v.ok !== true || !Array.isArray(v.files)) return bad('no files');
  try {
    const files: SweepTaskFile[] = await Promise.all(
      v.files.map(async (f) => {
        if (typeof f?.name !== 'string' || typeof f.gzipBase64 !== 'string') throw new Error('a file without name or data');
        const data = await gunzipAsync(Buffer.from(f.gzipBase64, 'base64'));
        return { name: f.name, data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength) };
      }),
    );
    return { ok: true, runKey, files };
  } catch (e) {
    return bad(e instanceof Error ? e.message : String(e));
  }
}
