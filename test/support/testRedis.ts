/**
 * A Redis for the distributed-sweep tests: `YUMALAB_TEST_REDIS` (a redis:// URL, set by .ci/run)
 * if given; else a private `redis-server` on a free loopback port, started here without
 * persistence and stopped by its pid; else none, and the tests say why (under CI that is a failure).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { checkRedisReachable } from '../../src/sim/sweep/checkRedisReachable.ts';

export type RedisAvailability = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'binary' } | { readonly kind: 'none'; readonly reason: string };

export const inCi = (process.env.CI ?? '') !== '' && process.env.CI !== 'false';

export function redisAvailability(): RedisAvailability {
  const url = process.env.YUMALAB_TEST_REDIS;
  if (url !== undefined && url !== '') return { kind: 'url', url };
  if (spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0) return { kind: 'binary' };
  return { kind: 'none', reason: 'no YUMALAB_TEST_REDIS and no redis-server on PATH (apt-get install redis-server)' };
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export interface TestRedis {
  readonly url: string;
  stop(): Promise<void>;
}

/** The Redis to use; `stop` ends the server only if this function started it. */
export async function startTestRedis(availability: RedisAvailability): Promise<TestRedis> {
  if (availability.kind === 'url') {
    await checkRedisReachable(availability.url);
    return { url: availability.url, stop: async () => {} };
  }
  if (availability.kind === 'none') throw new Error(availability.reason);
  const port = await freePort();
  const server: ChildProcess = spawn('redis-server', ['--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--daemonize', 'no'], { stdio: 'ignore' });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `redis://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGTERM');
    await exited;
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await checkRedisReachable(url, 1_000);
      return { url, stop };
    } catch (e) {
      if (attempt >= 50 || server.exitCode !== null) {
        await stop();
        throw e;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}
