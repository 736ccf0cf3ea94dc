import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentKindKeyRows, scenarioKeyRows } from '../../../../src/sim/scenario/scenarioKeyDocs.ts';

const README = readFileSync(join(resolve(import.meta.dirname, '../../../..'), 'scenarios', 'README.md'), 'utf8');

/** First-column key paths of every table row: | `path` | … */
const documented = new Set([...README.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]!));
const schemaPaths = [...scenarioKeyRows(), ...agentKindKeyRows()].map((r) => r.path);

describe('scenarios/README.md and the scenario schema', () => {
  it('documents every schema key path and every agent-kind parameter', () => {
    expect(schemaPaths.filter((p) => !documented.has(p))).toEqual([]);
  });

  it('documents no key path the schema does not have', () => {
    const known = new Set(schemaPaths);
    expect([...documented].filter((p) => !known.has(p))).toEqual([]);
  });

  it('gives every schema key a type and a meaning', () => {
    const undocumented = [...scenarioKeyRows(), ...agentKindKeyRows()].filter((r) => r.doc === undefined || r.doc.doc === '' || r.doc.type === '').map((r) => r.path);
    expect(undocumented).toEqual([]);
  });

  it('covers the keys the issue names', () => {
    for (const p of ['name', 'seed', 'duration.days', 'chain.numeric', 'chain.issuance_tao', 'chain.block_seconds', 'chain.emission_rule', 'chain.mechanism', 'subnets[].count', 'subnets[].tempo', 'subnets[].hyperparameters.kappa', 'subnets[].hyperparameters.reveal_period', 'subnets[].pool.tao', 'subnets[].population[].stake', 'subnets[].replay', 'events[].at.epoch', 'outputs.cadence', 'outputs.detail', 'control']) {
      expect(documented.has(p), p).toBe(true);
    }
  });
});
