/**
 * Distributed sweeps end to end: `yumalab sweep --queue` in-process against a real Redis
 * (test/support/testRedis.ts), with `yumalab worker` child processes, compared byte for byte
 * with the same sweep run locally on two threads.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { sweepTree } from '../../../support/sweepTree.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';
import { freePort, inCi, redisAvailability, startTestRedis, type TestRedis } from '../../../support/testRedis.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const BIN = join(ROOT, 'bin', 'yumalab.js');
const GRID = join(ROOT, 'test', 'fixtures', 'sweeps', 'grid.yaml');
// Runs of a second or so, so that a worker stopped while it holds a job is in the middle of the run.
const LONG = ['--set', 'duration.blocks=15000'];
const files = useTempFiles('queue-sweep');

interface CliRun {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

async function cli(argv: string[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, (l) => out.push(l), (l) => err.push(l));
  return { code, out, err };
}

describe('distributed sweeps when Redis cannot be reached', () => {
  it('yumalab sweep --queue exits 2 with one line instead of hanging', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const r = await cli(['sweep', GRID, '--queue', url, '--out', join(files.dir(), 'unreachable'), '--quiet', '--no-report']);
    expect(r.code).toBe(2);
    expect(r.err).toEqual([`${url}: cannot reach Redis (connect ECONNREFUSED ${url.slice('redis://'.length)})`]);
  });

  it('yumalab worker exits 2 with one line instead of hanging', async () => {
    const url = `redis://127.0.0.1:${await freePort()}`;
    const r = await cli(['worker', '--queue', url, '--quiet']);
    expect(r).toEqual({ code: 2, out: [], err: [`yumalab worker: ${url}: cannot reach Redis (connect ECONNREFUSED ${url.slice('redis://'.length)})`] });
  });

  it('yumalab worker refuses a queue URL that is not redis:// and a queue name BullMQ cannot use', async () => {
    expect(await cli(['worker', '--queue', 'http://x'])).toEqual({ code: 2, out: [], err: ["yumalab worker: --queue must be a redis:// URL (e.g. redis://127.0.0.1:6379), got 'http://x'"] });
    expect((await cli(['worker', '--queue', 'redis://h:1', '--queue-name', 'a:b'])).err).toEqual(["yumalab worker: --queue-name must be letters, digits, '.', '_' or '-' (at most 100), got 'a:b'"]);
  });
});

/** A `yumalab worker` child process and the lines it printed. */
class WorkerProcess {
  readonly lines: string[] = [];
  readonly child: ChildProcess;
  readonly exited: Promise<number | null>;
  private waiters: { re: RegExp; resolve: (line: string) => void }[] = [];

  constructor(url: string, queueName: string) {
    this.child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--queue-name', queueName, '--concurrency', '1'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', (code) => resolve(code)));
    let buffer = '';
    this.child.stderr!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('utf8');
      const parts = buffer.split('\n');
      buffer = parts.pop()!;
      for (const line of parts) {
        this.lines.push(line);
        this.waiters = this.waiters.filter((w) => !(w.re.test(line) && (w.resolve(line), true)));
      }
    });
  }

  /** The first line (printed so far or later) matching `re`. */
  waitFor(re: RegExp): Promise<string> {
    const seen = this.lines.find((l) => re.test(l));
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ re, resolve }));
  }

  count(re: RegExp): number {
    return this.lines.filter((l) => re.test(l)).length;
  }

  async stop(): Promise<number | null> {
    this.child.kill('SIGTERM');
    return this.exited;
  }
}

const DONE = /^run [0-9a-f]{16} done in /;
const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const availability = redisAvailability();

if (availability.kind === 'none') {
  if (inCi) {
    it('runs sweeps through Redis (needs Redis)', () => {
      expect.fail(`${availability.reason}; under CI, .ci/run must start one and set YUMALAB_TEST_REDIS`);
    });
  } else {
    it.skip(`runs sweeps through Redis — skipped: ${availability.reason}`, () => undefined);
  }
} else {
  describe('distributed sweeps through Redis', () => {
    let redis: TestRedis | null = null;
    let workers: WorkerProcess[] = [];
    let queueName = '';
    const startWorker = (): WorkerProcess => {
      const w = new WorkerProcess(redis!.url, queueName);
      workers.push(w);
      return w;
    };
    const sweepVia = (out: string, extra: string[] = []): Promise<CliRun> =>
      cli(['sweep', GRID, '--queue', redis!.url, '--queue-name', queueName, '--out', out, '--quiet', '--no-report', ...extra]);
    const sweepLocally = (out: string, extra: string[] = []): Promise<CliRun> => cli(['sweep', GRID, '--workers', '2', '--out', out, '--quiet', '--no-report', ...extra]);

    beforeAll(async () => {
      redis = await startTestRedis(availability);
    });
    afterEach(async () => {
      for (const w of workers) if (w.child.exitCode === null && w.child.signalCode === null) w.child.kill('SIGKILL');
      await Promise.all(workers.map((w) => w.exited));
      workers = [];
      // A fresh queue per test; on a shared Redis (CI), leave nothing behind.
      const q = new Queue(queueName, { connection: { url: redis!.url, maxRetriesPerRequest: null } });
      await q.obliterate({ force: true });
      await q.close();
    });
    afterAll(async () => {
      await redis?.stop();
    });
    const freshQueue = (): void => {
      queueName = `yumalab-test-${randomUUID().slice(0, 8)}`;
    };

    it('runs the grid sweep on two `yumalab worker` processes with the same bytes as a local run on two threads', async () => {
      freshQueue();
      const local = join(files.dir(), 'local');
      const queued = join(files.dir(), 'queued');
      const l = await sweepLocally(local);
      expect(l.code).toBe(0);
      const [a, b] = [startWorker(), startWorker()];
      await Promise.all([a.waitFor(/^worker: serving queue/), b.waitFor(/^worker: serving queue/)]);
      const r = await sweepVia(queued);
      expect(r.code).toBe(0);
      expect(r.out).toEqual(l.out); // '8 runs: 8 complete, 0 failed' and the same digest
      expect(readFileSync(join(queued, 'summary.csv'), 'utf8')).toBe(readFileSync(join(local, 'summary.csv'), 'utf8'));
      expect(sweepTree(queued)).toEqual(sweepTree(local));
      expect(a.count(DONE) + b.count(DONE)).toBe(8);
      expect(await Promise.all([a.stop(), b.stop()])).toEqual([0, 0]);
      expect(a.lines.at(-1)).toMatch(/^worker stopped: \d runs done, 0 failed, 0 released to the queue$/);
    });

    it('finishes the runs of a worker killed mid-run and of a worker stopped mid-run on another worker, with the local bytes', async () => {
      freshQueue();
      const local = join(files.dir(), 'local-long');
      const queued = join(files.dir(), 'queued-long');
      expect((await sweepLocally(local, LONG)).code).toBe(0);
      const [a, b] = [startWorker(), startWorker()];
      await Promise.all([a.waitFor(/^worker: serving queue/), b.waitFor(/^worker: serving queue/)]);
      const sweep = sweepVia(queued, LONG);
      // Both workers hold a job (BullMQ hands a worker its next job as it finishes one, so while
      // jobs wait, a worker always holds one): kill one, stop the other.
      const client = new Redis(redis!.url);
      while ((await client.llen(`bull:${queueName}:active`)) < 2) await pause(20);
      a.child.kill('SIGKILL');
      expect(await b.stop()).toBe(0);
      await a.exited;
      expect(b.lines).toContainEqual(expect.stringMatching(/^run [0-9a-f]{16} released to the queue after /));
      const c = startWorker();
      const r = await sweep;
      expect(r.code).toBe(0);
      expect(sweepTree(queued)).toEqual(sweepTree(local));
      // Every run was finished exactly once; the killed worker's run was recovered as a stalled job.
      expect(a.count(DONE) + b.count(DONE) + c.count(DONE)).toBe(8);
      const events = (await client.xrange(`bull:${queueName}:events`, '-', '+')) as [string, string[]][];
      await client.quit();
      expect(events.some(([, fields]) => fields[1] === 'stalled')).toBe(true);
      expect(await c.stop()).toBe(0);
    });
  });
}
