/**
 * The `ml_quality` events of a run's events.jsonl (src/sim/run/mlQualityEvent.ts): per recorded
 * epoch of a Proof-of-Intelligence subnet, each ML miner's held-out quality, its incentive, and
 * their Spearman rank correlation. Only those lines are parsed, so a long action log costs a scan.
 * Empty when the run wrote no events.jsonl or has no ML subnet.
 */
import { createReadStream, existsSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ReportError } from './reportError.ts';

export const EVENTS_FILE = 'events.jsonl';

export interface MlQualityMiner {
  readonly uid: number;
  readonly group: string;
  readonly quality: number;
  /** Classification subnets: share of the probe's labels it gets right. */
  readonly accuracy?: number;
  /** Its share of the subnet's incentive this epoch (0–1). */
  readonly incentiveShare: number;
}

export interface MlQualityEpoch {
  readonly block: number;
  readonly netuid: number;
  readonly spearman: number | null;
  /** What the subnet's ML validators did with late (relayed) answers; null in runs recorded before it was written. */
  readonly lateAnswers: 'dropped' | 'scored' | 'mixed' | 'none' | null;
  readonly miners: readonly MlQualityMiner[];
}

export async function readMlQuality(dir: string): Promise<MlQualityEpoch[]> {
  const path = join(dir, EVENTS_FILE);
  if (!existsSync(path)) return [];
  const out: MlQualityEpoch[] = [];
  const lines = createInterface({ input: createReadStream(path, 'utf8'), crlfDelay: Infinity });
  let lineNo = 0;
  for await (const line of lines) {
    lineNo++;
    if (!line.includes('"ml_quality"')) continue;
    try {
      const e = JSON.parse(line) as { block: number; kind: string; detail: { netuid: number; spearman: number | null; late_answers?: MlQualityEpoch['lateAnswers']; miners: { uid: number; group: string; quality: number; accuracy?: number; incentive_rao: string }[] } };
      if (e.kind !== 'ml_quality') continue;
      const incentives = e.detail.miners.map((m) => BigInt(m.incentive_rao));
      const total = incentives.reduce((a, b) => a + b, 0n);
      out.push({
        block: e.block,
        netuid: e.detail.netuid,
        spearman: e.detail.spearman,
        lateAnswers: e.detail.late_answers ?? null,
        miners: e.detail.miners.map((m, i) => ({
          uid: m.uid,
          group: m.group,
          quality: m.quality,
          ...(m.accuracy === undefined ? {} : { accuracy: m.accuracy }),
          incentiveShare: total === 0n ? 0 : Number((incentives[i]! * 1_000_000_000n) / total) / 1e9,
        })),
      });
    } catch (err) {
      throw new ReportError(`${path}:${lineNo}: malformed ml_quality event (${err instanceof Error ? err.message : String(err)})`);
    }
  }
  return out;
}
