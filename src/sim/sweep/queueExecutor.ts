/**
 * Distributed sweeps: each task becomes a BullMQ job on Redis, `yumalab worker` processes run them
 * on any machine (queueWorker.ts), and each result comes back as the job's return value — the run
 * directory's files — so workers need no shared disk. The coordinator (runSweep.ts) files them.
 *
 * How results are collected: a QueueEvents reader follows the queue's event stream from the id
 * it had before the first job was added (so no completion can slip past between adding and
 * listening), and takes each `completed`/`failed` event of an outstanding job. Events are a
 * notification, not the record: a slow reader can lose them to the stream's trimming, and Redis
 * can restart empty. So every `reconcileIntervalMs` the outstanding jobs are also looked up: a
 * finished one is read from its job hash, a vanished one is added again (same id, so at worst a
 * run is computed twice — both computations give the same bytes).
 *
 * Retries: a worker that dies loses its job lock, and BullMQ's stalled-job check (run by the
 * surviving workers, queueWorker.ts) puts the job back in the queue for another worker. A job
 * whose processor throws — the run itself never throws, its thread died — is retried `attempts`
 * times. A job that finally fails is reported as a failed run and the sweep goes on.
 */
import { Job, Queue, QueueEvents, type JobsOptions } from 'bullmq';
import { checkRedisReachable, DEFAULT_REDIS_TIMEOUT_MS, redactedRedisUrl, redisConnectionOf } from './checkRedisReachable.ts';
import { decodeResult, DEFAULT_QUEUE_NAME, encodeTaskPayload, jobIdOf, SWEEP_JOB_NAME } from './queueProtocol.ts';
import type { SweepExecutor } from './sweepExecutor.ts';
import type { SweepTask, SweepTaskResult } from './sweepTask.ts';

export interface QueueExecutorOptions {
  /** The BullMQ queue (default `yumalab-sweeps`); the workers must serve the same one. */
  readonly queueName?: string;
  /** How long Redis may take to answer the first PING (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** How often outstanding jobs are looked up in case an event was missed (default 10 s). */
  readonly reconcileIntervalMs?: number;
  /** Redis trouble during the sweep (it reconnects by itself); each distinct message once in a row. */
  readonly onWarning?: (line: string) => void;
}

/** Attempts of a job whose processor throws (a crashed thread), not counting stalls. */
export const SWEEP_JOB_ATTEMPTS = 3;
// Finished jobs stay an hour, so a sweep interrupted and `--resume`d meanwhile collects them.
const KEEP_FINISHED = { age: 3_600, count: 10_000 };
// Completion events carry the (large) return values; the job hash is the record, so keep fewer.
const EVENTS_MAX_LEN = 2_000;
const ADD_CHUNK = 500;

const JOB_OPTIONS: JobsOptions = {
  attempts: SWEEP_JOB_ATTEMPTS,
  backoff: { type: 'fixed', delay: 1_000 },
  removeOnComplete: KEEP_FINISHED,
  removeOnFail: KEEP_FINISHED,
};

export function queueExecutor(url: string, options: QueueExecutorOptions = {}): SweepExecutor {
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const connection = redisConnectionOf(url);
  let queue: Queue | null = null;
  let events: QueueEvents | null = null;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;
  let lastWarning = '';
  const warn = (e: unknown): void => {
    const line = `${redactedRedisUrl(url)}: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}`;
    if (line !== lastWarning) options.onWarning?.(line);
    lastWarning = line;
  };

  return {
    async run(tasks, onResult) {
      if (tasks.length === 0) return;
      await checkRedisReachable(url, options.connectTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS);
      if (closed) return new Promise<void>(() => {});
      const q = new Queue(queueName, { connection, streams: { events: { maxLen: EVENTS_MAX_LEN } } });
      queue = q;
      q.on('error', warn);
      await q.waitUntilReady();
      const client = await q.getBackend().client;
      const newest = (await client.runCommand('xrevrange', [q.keys.events!, '+', '-', 'COUNT', 1])) as [string, string[]][];
      const ev = new QueueEvents(queueName, { connection, lastEventId: newest[0]?.[0] ?? '0-0' });
      events = ev;
      ev.on('error', warn);

      const outstanding = new Map<string, SweepTask>(tasks.map((t) => [jobIdOf(t.runKey), t]));
      const settling = new Set<string>();
      let finish: () => void = () => {};
      const finished = new Promise<void>((resolve) => (finish = resolve));

      /** Hands one job's result over exactly once, then lets Redis forget the job. */
      const settle = async (jobId: string, result: () => Promise<SweepTaskResult>): Promise<void> => {
        if (closed || !outstanding.has(jobId) || settling.has(jobId)) return;
        settling.add(jobId);
        const r = await result();
        outstanding.delete(jobId);
        settling.delete(jobId);
        if (closed) return;
        onResult(r);
        q.remove(jobId).catch(() => {}); // locked by a second computation, or already gone: it ages out
        if (outstanding.size === 0) finish();
      };
      const runKeyOf = (jobId: string): string => outstanding.get(jobId)!.runKey;
      const failedRun = (jobId: string, reason: string): (() => Promise<SweepTaskResult>) => async () => ({ ok: false, runKey: runKeyOf(jobId), error: `queue: ${reason}` });

      ev.on('completed', ({ jobId, returnvalue }) => {
        if (outstanding.has(jobId)) void settle(jobId, () => decodeResult(returnvalue, runKeyOf(jobId)));
      });
      ev.on('failed', ({ jobId, failedReason }) => {
        if (outstanding.has(jobId)) void settle(jobId, failedRun(jobId, failedReason));
      });
      await ev.waitUntilReady();

      const add = async (list: readonly SweepTask[]): Promise<void> => {
        for (let i = 0; i < list.length; i += ADD_CHUNK) {
          await q.addBulk(list.slice(i, i + ADD_CHUNK).map((t) => ({ name: SWEEP_JOB_NAME, data: encodeTaskPayload(t), opts: { ...JOB_OPTIONS, jobId: jobIdOf(t.runKey) } })));
        }
      };
      /** The safety net described above: finished jobs whose event was missed, vanished jobs. */
      const reconcile = async (): Promise<void> => {
        const ids = [...outstanding.keys()].filter((id) => !settling.has(id));
        const states = await Promise.all(ids.map((id) => q.getJobState(id)));
        const vanished: SweepTask[] = [];
        await Promise.all(
          ids.map(async (id, i) => {
            const state = states[i];
            if (state === 'unknown') {
              const task = outstanding.get(id);
              if (task !== undefined) vanished.push(task);
            } else if (state === 'completed' || state === 'failed') {
              const job = await Job.fromId(q, id);
              if (job === undefined) return;
              await settle(id, state === 'completed' ? () => decodeResult(job.returnvalue, runKeyOf(id)) : failedRun(id, job.failedReason));
            }
          }),
        );
        if (vanished.length > 0) await add(vanished.filter((t) => outstanding.has(jobIdOf(t.runKey))));
      };
      const tick = (): void => {
        timer = setTimeout(() => {
          reconcile()
            .catch(warn)
            .finally(() => {
              if (!closed && outstanding.size > 0) tick();
            });
        }, options.reconcileIntervalMs ?? 10_000);
      };

      await add(tasks);
      // Jobs that already existed (a sweep interrupted and resumed) may have finished long ago.
      await reconcile();
      if (outstanding.size > 0) tick();
      await finished;
      clearTimeout(timer);
    },

    async close() {
      // A run() in progress is abandoned: it never settles, so its caller does not write a summary
      // of a sweep that did not finish. Queued jobs stay (another sweep may share them; `--resume`
      // adopts them).
      closed = true;
      clearTimeout(timer);
      await Promise.allSettled([events?.close(), queue?.close()]);
    },
  };
}
