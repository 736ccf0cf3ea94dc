import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { runDigest } from '../../../../src/sim/artifacts/runDigest.ts';

const sha = (s: string): string => createHash('sha256').update(s).digest('hex');

describe('runDigest', () => {
  const a = { name: 'events.jsonl', sha256: sha('e') };
  const b = { name: 'metrics.csv', sha256: sha('m') };

  it('is the sha256 of the name-sorted "<name> <sha256>" lines', () => {
    expect(runDigest([b, a])).toBe(sha(`events.jsonl ${sha('e')}\nmetrics.csv ${sha('m')}\n`));
  });

  it('does not depend on the order files are listed in, but on every file hash', () => {
    expect(runDigest([a, b])).toBe(runDigest([b, a]));
    expect(runDigest([a, { ...b, sha256: sha('m2') }])).not.toBe(runDigest([a, b]));
    expect(runDigest([a])).not.toBe(runDigest([a, b]));
  });
});
