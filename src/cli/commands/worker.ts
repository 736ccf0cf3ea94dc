/**
 * `yumalab worker --queue redis://host:port` — processes the runs of distributed sweeps
 * (`yumalab sweep --queue`) on this machine until Ctrl-C or SIGTERM (src/sim/sweep/queueWorker.ts).
 * One line per job on stderr (unless --quiet); Redis that cannot be reached is one line, exit 2.
 */
import { parseArgs } from 'node:util';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { redactedRedisUrl } from '../../sim/sweep/checkRedisReachable.ts';
import { DEFAULT_QUEUE_NAME } from '../../sim/sweep/queueProtocol.ts';
import { defaultConcurrency, runQueueWorker, type QueueWorkerEvent } from '../../sim/sweep/queueWorker.ts';
import { runDirName } from '../../sim/sweep/runKey.ts';
import { UsageError } from '../usageError.ts';

export const WORKER_USAGE = `usage: yumalab worker --queue redis://HOST:PORT [options]

Processes the runs of distributed sweeps ('yumalab sweep <file> --queue redis://HOST:PORT'):
takes run jobs from Redis, runs each on a worker thread, and sends the run's files back through
Redis, so this machine needs no disk shared with the sweep (but a scenario's 'replay:' files must
exist here at the same path). Start any number of workers, on any machines that reach Redis.
A worker that dies mid-run loses its job to another worker within about 15 seconds. Ctrl-C or
SIGTERM stops it: runs in progress go back to the queue for other workers.

options:
  --queue redis://H:P      the Redis server (required; redis://:PASSWORD@H:P, rediss:// for TLS)
  --concurrency N          runs at once, one thread each (default: ${defaultConcurrency()}, the number of cores)
  --queue-name NAME        the queue to serve (default ${DEFAULT_QUEUE_NAME}; the sweep's --queue-name)
  --quiet                  no line per job

Exit code: 0 stopped by Ctrl-C or SIGTERM, 2 a problem with the arguments or Redis cannot be reached.`;

export interface WorkerCommandHooks {
  /** Test hook: a signal standing in for Ctrl-C. */
  readonly stop?: AbortSignal;
}

/** A `--queue` value: a redis:// or rediss:// URL. */
export function parseQueueUrl(value: string): string {
  if (!/^rediss?:\/\/[^\s/]+/.test(value)) throw new UsageError(`--queue must be a redis:// URL (e.g. redis://127.0.0.1:6379), got '${redactedRedisUrl(value)}'`);
  return value;
}

/** A `--queue-name` value: what BullMQ accepts in a key (no ':'), kept to plain characters. */
export function parseQueueName(value: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/.test(value)) throw new UsageError(`--queue-name must be letters, digits, '.', '_' or '-' (at most 100), got '${value}'`);
  return value;
}

export function workerCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void, hooks: WorkerCommandHooks = {}): number | Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      queue: { type: 'string' },
      concurrency: { type: 'string' },
      'queue-name': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(WORKER_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`takes no positional arguments (got '${positionals[0]}')`);
  if (values.queue === undefined) throw new UsageError('--queue redis://HOST:PORT is required');
  const url = parseQueueUrl(values.queue);
  const concurrency = values.concurrency === undefined ? defaultConcurrency() : Number(values.concurrency);
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 1024) throw new UsageError(`--concurrency must be an integer in [1, 1024], got '${values.concurrency}'`);
  const queueName = values['queue-name'] === undefined ? DEFAULT_QUEUE_NAME : parseQueueName(values['queue-name']);
  const quiet = values.quiet;

  const stop = new AbortController();
  const onSignal = (): void => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  hooks.stop?.addEventListener('abort', onSignal);
  const startedAt = new Map<string, number>();
  const seconds = (jobId: string): string => `${((Date.now() - (startedAt.get(jobId) ?? Date.now())) / 1000).toFixed(1)} s`;
  const onEvent = (e: QueueWorkerEvent): void => {
    if (e.type === 'warning') return err(`yumalab worker: ${e.message}`);
    if (quiet) return;
    switch (e.type) {
      case 'ready':
        return err(`worker: serving queue '${e.queueName}' on ${redactedRedisUrl(url)} with ${e.concurrency} thread${e.concurrency === 1 ? '' : 's'} (Ctrl-C to stop)`);
      case 'started':
        startedAt.set(e.jobId, Date.now());
        return;
      case 'done':
        return err(`run ${runDirName(e.runKey)} ${e.error === undefined ? 'done' : `failed: ${e.error}`} in ${seconds(e.jobId)} (${e.file})`);
      case 'crashed':
        return err(`run ${runDirName(e.runKey)} crashed after ${seconds(e.jobId)}: ${e.error} (${e.file})`);
      case 'released':
        return err(`run ${runDirName(e.runKey)} released to the queue after ${seconds(e.jobId)} (${e.file})`);
      case 'refused':
        return err(`job ${e.jobId} refused: ${e.error}`);
    }
  };

  return runQueueWorker(url, { concurrency, queueName, signal: stop.signal, onEvent })
    .then((s) => {
      if (!quiet) err(`worker stopped: ${s.done} runs done, ${s.failed} failed, ${s.released} released to the queue`);
      return 0;
    })
    .catch((e: unknown) => {
      if (e instanceof InputError) {
        for (const p of e.problems) err(`yumalab worker: ${p}`);
        return 2;
      }
      throw e;
    })
    .finally(() => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    });
}
