/**
 * The overall digest of a run: sha256 over one line `<name> <sha256-hex>\n` per artifact, sorted
 * by name. It covers the artifacts' bytes only — not the manifest, whose `generated_at` and
 * command line differ between identical runs — so two runs of the same scenario, seed and
 * version must give the same digest (DESIGN.md determinism contract).
 */
import { createHash } from 'node:crypto';

export function runDigest(files: readonly { readonly name: string; readonly sha256: string }[]): string {
  const lines = files.map((f) => `${f.name} ${f.sha256}\n`).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(lines.join(''), 'utf8').digest('hex');
}
