import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { loadScenario } from '../../../../src/sim/scenario/loadScenario.ts';

const DIR = join(resolve(import.meta.dirname, '../../../..'), 'scenarios');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? yamlFiles(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));
}
const files = yamlFiles(DIR).sort();

describe('the scenario library', () => {
  it('contains the baseline scenario', () => {
    expect(files).toContain(join(DIR, 'baseline.yaml'));
  });

  it.each(files)('%s validates with yumalab validate', (file) => {
    const out: string[] = [];
    const err: string[] = [];
    expect(main(['validate', file], (l) => out.push(l), (l) => err.push(l))).toBe(0);
    expect(err).toEqual([]);
    expect(out).toEqual([`OK ${file}`]);
  });

  it('baseline has several subnets of 256 UIDs with honest agents over about 30 days', () => {
    const s = loadScenario(join(DIR, 'baseline.yaml'));
    expect(s.subnets.length).toBeGreaterThanOrEqual(3);
    for (const subnet of s.subnets) {
      const uids = 1 + subnet.population.reduce((a, g) => a + g.count, 0);
      expect(uids).toBe(256);
      expect(subnet.rules.turnover.maxAllowedUids).toBe(256);
      expect(subnet.population.map((g) => g.kind).sort()).toEqual(['miner.honest', 'validator.honest']);
    }
    expect(s.durationBlocks).toBe(30 * 7200);
  });
});
