/**
 * Redis connections for distributed sweeps: the options every BullMQ object gets, and a PING with
 * a deadline before anything else. BullMQ itself never gives up on a Redis that is down — its
 * calls hang while ioredis reconnects (shared research/stack.md §11) — so the sweep and the worker
 * ask once, with a timeout, and turn a refusal into a one-line InputError (exit code 2).
 */
import { Redis } from 'ioredis';
import { InputError } from '../input/readStructuredFile.ts';

export const DEFAULT_REDIS_TIMEOUT_MS = 5_000;

/** BullMQ's connection options for a redis:// URL (BullMQ requires maxRetriesPerRequest: null). */
export function redisConnectionOf(url: string): { url: string; maxRetriesPerRequest: null } {
  return { url, maxRetriesPerRequest: null };
}

/** The URL without its password, for messages. */
export function redactedRedisUrl(url: string): string {
  return url.replace(/^(rediss?:\/\/[^:@/]*:)[^@/]*@/, '$1***@');
}

/** Resolves once Redis answers PING; else throws `InputError(['<url>: cannot reach Redis (<why>)'])`. */
export async function checkRedisReachable(url: string, timeoutMs: number = DEFAULT_REDIS_TIMEOUT_MS): Promise<void> {
  // No reconnects and no offline queue: the first refusal is the answer.
  const client = new Redis(url, { lazyConnect: true, connectTimeout: timeoutMs, maxRetriesPerRequest: 0, retryStrategy: () => null, enableOfflineQueue: false });
  // connect() only rejects with 'Connection is closed.'; the socket's own error says why.
  let socketError: string | null = null;
  client.on('error', (e: Error) => {
    socketError ??= e.message;
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
  });
  try {
    await Promise.race([
      (async () => {
        await client.connect();
        const pong = await client.ping();
        if (pong !== 'PONG') throw new Error(`PING answered '${pong}'`);
      })(),
      deadline,
    ]);
  } catch (e) {
    const why = (socketError ?? (e instanceof Error ? e.message : String(e))).split('\n')[0]!;
    throw new InputError([`${redactedRedisUrl(url)}: cannot reach Redis (${why})`]);
  } finally {
    clearTimeout(timer);
    client.disconnect();
  }
}
