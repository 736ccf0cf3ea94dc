/**
 * The far end of a distributed sweep (`yumalab worker`): a BullMQ Worker that takes sweep jobs
 * from Redis, runs each task with executeSweepTask and returns the run's files as the job's
 * result (queueProtocol.ts), so it needs no disk shared with the coordinator.
 *
 * A run is synchronous and CPU-bound for seconds to minutes. On this process's main thread it
 * would block the event loop, BullMQ could not renew the job's lock, and the job would be
 * declared stalled and handed to another worker while it still ran. So runs execute on a piscina
 * pool of `concurrency` threads (the same thread module as local sweeps, sweepThreadBootstrap.mjs),
 * and the main thread only moves messages and renews locks. (BullMQ's sandboxed processors would
 * do the same with a child process or thread per job, but need a JS entry file of their own and
 * a second way to load our TypeScript; piscina already does both for local sweeps.) Because the
 * main thread stays responsive, the lock can be short, and a worker that dies is noticed soon:
 * its lock expires after `lockDurationMs` and the next stalled-job check of any surviving worker
 * (every `stalledIntervalMs`) puts the job back in the queue.
 *
 * Stopping (the `signal`): the worker takes no new jobs, aborts the runs in progress (their
 * threads are terminated) and puts their jobs back at the head of the queue for another worker,
 * then closes its connections. Nothing is half-done: a job is either completed or waiting again.
 */
import { availableParallelism } from 'node:os';
import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq';
import { Piscina } from 'piscina';
import { checkRedisReachable, DEFAULT_REDIS_TIMEOUT_MS, redactedRedisUrl, redisConnectionOf } from './checkRedisReachable.ts';
import { errorLine } from './errorLine.ts';
import { decodeTaskPayload, DEFAULT_QUEUE_NAME, encodeResult, type EncodedSweepResult } from './queueProtocol.ts';
import type { SweepTaskResult } from './sweepTask.ts';

const BOOTSTRAP_URL = new URL('./sweepThreadBootstrap.mjs', import.meta.url).href;

export interface QueueWorkerOptions {
  /** Jobs run at once, one thread each (default: every core). */
  readonly concurrency?: number;
  /** The BullMQ queue to serve (default `yumalab-sweeps`, the one `yumalab sweep --queue` uses). */
  readonly queueName?: string;
  /** Aborting it stops the worker (see above). */
  readonly signal?: AbortSignal;
  readonly onEvent?: (event: QueueWorkerEvent) => void;
  /** How long Redis may take to answer the first PING (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** A job's lock lives this long unless renewed (every half of it); default 10 s. */
  readonly lockDurationMs?: number;
  /** How often this worker looks for jobs whose worker died (default 5 s). */
  readonly stalledIntervalMs?: number;
  /** Times a job may lose its worker before it fails for good (default 2). */
  readonly maxStalledCount?: number;
}

interface JobInfo {
  readonly jobId: string;
  readonly runKey: string;
  readonly file: string;
}

export type QueueWorkerEvent =
  | { readonly type: 'ready'; readonly queueName: string; readonly concurrency: number }
  | ({ readonly type: 'started' } & JobInfo)
  /** The run finished; `error` is set when the run itself failed (it is reported, not retried). */
  | ({ readonly type: 'done'; readonly error?: string } & JobInfo)
  /** The thread died (the job is retried up to its attempts), or the job's lock was lost to another worker. */
  | ({ readonly type: 'crashed'; readonly error: string } & JobInfo)
  /** Stopping: the job went back to the queue. */
  | ({ readonly type: 'released' } & JobInfo)
  /** A job this worker must not run (another yumalab version); it fails without retries. */
  | { readonly type: 'refused'; readonly jobId: string; readonly error: string }
  /** Redis trouble; BullMQ reconnects by itself. Each distinct message once in a row. */
  | { readonly type: 'warning'; readonly message: string };

export interface QueueWorkerSummary {
  readonly done: number;
  readonly failed: number;
  readonly released: number;
}

export const DEFAULT_LOCK_DURATION_MS = 10_000;
export const DEFAULT_STALLED_INTERVAL_MS = 5_000;

export function defaultConcurrency(): number {
  return availableParallelism();
}

/** Serves the queue until `signal` aborts; throws InputError (one line) when Redis cannot be reached. */
export async function runQueueWorker(url: string, options: QueueWorkerOptions = {}): Promise<QueueWorkerSummary> {
  const concurrency = options.concurrency ?? defaultConcurrency();
  const queueName = options.queueName ?? DEFAULT_QUEUE_NAME;
  const emit = (e: QueueWorkerEvent): void => options.onEvent?.(e);
  await checkRedisReachable(url, options.connectTimeoutMs ?? DEFAULT_REDIS_TIMEOUT_MS);
  if (options.signal?.aborted) return { done: 0, failed: 0, released: 0 };

  // One thread per job; threads stay up between jobs (each one loads tsx and the simulator once).
  const pool = new Piscina({ filename: BOOTSTRAP_URL, minThreads: concurrency, maxThreads: concurrency, idleTimeout: 3_600_000 });
  const stopping = new AbortController();
  const counts = { done: 0, failed: 0, released: 0 };

  const processor = async (job: Job, token: string | undefined, lockLost?: AbortSignal): Promise<EncodedSweepResult> => {
    const decoded = decodeTaskPayload(job.data);
    const jobId = job.id ?? '';
    if ('refusal' in decoded) {
      emit({ type: 'refused', jobId, error: decoded.refusal });
      throw new UnrecoverableError(decoded.refusal);
    }
    const info: JobInfo = { jobId, runKey: decoded.task.runKey, file: decoded.task.file };
    emit({ type: 'started', ...info });
    let result: SweepTaskResult;
    try {
      const signals = lockLost === undefined ? [stopping.signal] : [stopping.signal, lockLost];
      result = (await pool.run(decoded.task, { signal: AbortSignal.any(signals) })) as SweepTaskResult;
    } catch (e) {
      if (stopping.signal.aborted && !lockLost?.aborted) {
        // Back to the head of the queue; WaitingError tells BullMQ the job is no longer ours.
        await job.moveToWait(token);
        counts.released++;
        emit({ type: 'released', ...info });
        throw new WaitingError();
      }
      const error = lockLost?.aborted ? 'lost the job lock (another worker runs it now)' : `worker thread failed: ${errorLine(e)}`;
      counts.failed++;
      emit({ type: 'crashed', ...info, error });
      throw new Error(error);
    }
    if (result.ok) counts.done++;
    else counts.failed++;
    emit(result.ok ? { type: 'done', ...info } : { type: 'done', ...info, error: result.error });
    return encodeResult(result);
  };

  const worker = new Worker(queueName, processor, {
    connection: redisConnectionOf(url),
    concurrency,
    lockDuration: options.lockDurationMs ?? DEFAULT_LOCK_DURATION_MS,
    stalledInterval: options.stalledIntervalMs ?? DEFAULT_STALLED_INTERVAL_MS,
    maxStalledCount: options.maxStalledCount ?? 2,
  });
  let lastWarning = '';
  worker.on('error', (e: Error) => {
    const message = `${redactedRedisUrl(url)}: ${e.message.split('\n')[0]}`;
    if (message !== lastWarning) emit({ type: 'warning', message });
    lastWarning = message;
  });
  // A lock that could not be renewed belongs to the stalled-job check now: stop computing a
  // result that BullMQ would refuse to store.
  worker.on('lockRenewalFailed', (jobIds: string[]) => {
    for (const id of jobIds) worker.cancelJob(id, 'lock lost');
  });
  await worker.waitUntilReady();
  emit({ type: 'ready', queueName, concurrency });

  await new Promise<void>((resolve) => {
    if (options.signal === undefined) return; // runs until the process ends
    if (options.signal.aborted) resolve();
    else options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  // close() first, so a released job's slot does not fetch the next job; then abort the runs.
  const closing = worker.close();
  stopping.abort();
  await closing;
  await pool.close({ force: true });
  return counts;
}
