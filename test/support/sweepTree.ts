/** Every file under a sweep directory (report and sweep.json aside) with its sha256, for byte-for-byte comparisons. */
import { createHash } from 'node:crypto';
import { fileTree } from './fileTree.ts';

export function sweepTree(dir: string, skip: readonly string[] = ['sweep.json', 'report']): Map<string, string> {
  return new Map([...fileTree(dir, skip)].map(([name, bytes]) => [name, createHash('sha256').update(bytes).digest('hex')]));
}
