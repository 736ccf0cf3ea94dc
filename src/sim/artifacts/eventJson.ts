/**
 * One `events.jsonl` line per `RunEvent`: the fields in a fixed order (block, kind, agent, what,
 * reason, detail), absent optional fields left out, `detail` in canonical JSON (sorted keys,
 * bigint as decimal strings), ended by `\n`.
 */
import type { RunEvent } from '../run/records.ts';
import { canonicalJson } from './canonicalJson.ts';

export function eventJsonLine(e: RunEvent): string {
  const parts = [`"block":${JSON.stringify(e.block)}`, `"kind":${JSON.stringify(e.kind)}`];
  if (e.agent !== undefined) parts.push(`"agent":${JSON.stringify(e.agent)}`);
  parts.push(`"what":${JSON.stringify(e.what)}`);
  if (e.reason !== undefined) parts.push(`"reason":${JSON.stringify(e.reason)}`);
  if (e.detail !== undefined) parts.push(`"detail":${canonicalJson(e.detail)}`);
  return `{${parts.join(',')}}\n`;
}
