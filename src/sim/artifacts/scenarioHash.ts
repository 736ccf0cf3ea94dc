/**
 * Hashes that identify what a run ran: the scenario file's bytes (what the user wrote) and the
 * resolved scenario (what the simulator read after defaults, templates and `--set` overrides),
 * as sha256 of its canonical JSON. The path the file was given by is left out of the second,
 * so the same scenario hashes the same from any working directory; so is the absolute path of a
 * mechanism module, whose reference as written and sha256 (with its imports') stay in.
 */
import { createHash } from 'node:crypto';
import type { Scenario } from '../scenario/scenario.ts';
import { canonicalJson } from './canonicalJson.ts';

export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

export function resolvedScenarioSha256(scenario: Scenario): string {
  return sha256Hex(canonicalJson(withoutFile(scenario)));
}

function withoutFile(s: Scenario): unknown {
  const m = s.chain.mechanism;
  const chain = m === null || m.module === null ? s.chain : { ...s.chain, mechanism: { ...m, module: { ...m.module, path: undefined } } };
  return { ...s, file: undefined, chain, control: s.control === null ? null : { ...s.control, scenario: withoutFile(s.control.scenario) } };
}
