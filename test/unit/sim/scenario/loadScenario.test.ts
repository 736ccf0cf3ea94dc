import { describe, expect, it } from 'vitest';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS as D } from '../../../../src/consensus/epoch/defaults.ts';
import { InputError } from '../../../../src/sim/input/readStructuredFile.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';

const BASE = `name: t
duration: {days: 2}
subnets:
  - pool: {tao: 100, alpha: 1000}
`;

function problems(text: string): string[] {
  try {
    parseScenario(text, 'x.yaml');
  } catch (e) {
    if (e instanceof InputError) return [...e.problems];
    throw e;
  }
  throw new Error('expected the scenario to be rejected');
}

describe('parseScenario defaults', () => {
  it('fills every default from the chain and converts times and amounts', () => {
    const s = parseScenario(BASE, 'x.yaml');
    expect(s.seed).toBe(0);
    expect(s.durationBlocks).toBe(2 * 7200);
    expect(s.chain.mode).toBe('chain');
    expect(s.chain.rulesVersion).toBe('14bc6f9');
    expect(s.chain.issuanceRao).toBe(10_000_000n * 1_000_000_000n);
    expect(s.chain.globals.emissionRule).toBe('price');
    expect(s.subnets).toHaveLength(1);
    const sn = s.subnets[0]!;
    expect(sn.netuid).toBe(1);
    expect(sn.name).toBe('sn1');
    expect(sn.ownerColdkey).toBe('sn1.owner');
    expect(sn.pool).toEqual({ taoRao: 100_000_000_000n, alphaRao: 1_000_000_000_000n });
    expect(sn.rules.hyperparameters).toEqual({ ...D, taoWeightRaw: s.chain.globals.taoWeightRaw });
    expect(sn.rules.turnover.maxAllowedUids).toBe(256);
    expect(s.outputs).toEqual({ cadence: { unit: 'epoch', every: 1 }, cadenceBlocks: 360, detail: ['summary', 'neurons', 'events'] });
    expect(s.control).toBeNull();
  });

  it('converts fractions to the chain integers', () => {
    const s = parseScenario(`${BASE}    hyperparameters: {kappa: 0.5, bonds_moving_average: 0.975, alpha_low: 0.7, bonds_penalty: 0}\n`, 'x.yaml');
    const h = s.subnets[0]!.rules.hyperparameters;
    expect(h.kappaU16).toBe(32768);
    expect(h.bondsMovingAveragePpm).toBe(975_000);
    expect(h.alphaLowU16).toBe(45875);
    expect(h.bondsPenaltyU16).toBe(0);
  });

  it('keeps a YAML number with more digits than a float64 exact', () => {
    const s = parseScenario(BASE.replace('name: t', 'name: t\nchain: {issuance_tao: 21000000.123456789}'), 'x.yaml');
    expect(s.chain.issuanceRao).toBe(21_000_000_123_456_789n);
  });
});

describe('subnet templates', () => {
  it('expand in place into numbered subnets with their own agents', () => {
    const s = parseScenario(
      `name: t
duration: {epochs: 3}
subnets:
  - {name: a, count: 3, pool: {tao: 1, alpha: 1}, population: [{kind: miner.honest, count: 2}]}
  - {pool: {tao: 1, alpha: 1}}
`,
      'x.yaml',
    );
    expect(s.durationBlocks).toBe(3 * 360);
    expect(s.subnets.map((x) => [x.netuid, x.name, x.source])).toEqual([
      [1, 'a-1', 'subnets.0'],
      [2, 'a-2', 'subnets.0'],
      [3, 'a-3', 'subnets.0'],
      [4, 'sn4', 'subnets.1'],
    ]);
    expect(s.subnets[1]!.population[0]!.agentIds).toEqual(['a-2.miner.honest.0', 'a-2.miner.honest.1']);
  });

  it('reject a count below 1', () => {
    expect(problems(`${BASE}    count: 0\n`)).toEqual(['x.yaml:5:12: subnets.0.count: a template stands for at least 1 subnet, got count 0']);
  });

  it('count against the subnet limit after expansion', () => {
    expect(problems(BASE.replace('name: t', 'name: t\nchain: {network: {subnet_limit: 2}}') + '    count: 3\n')).toEqual([
      'x.yaml:5:3: subnets: 3 subnets exceed the subnet limit of 2 (chain.network.subnet_limit)',
    ]);
  });
});

describe('parseScenario errors', () => {
  it('reports each unknown key on its own line with a suggestion', () => {
    expect(problems(`${BASE}    hyperparameters: {kapa: 0.5, tmepo: 3, colour: red}\n`)).toEqual([
      "x.yaml:5:23: subnets.0.hyperparameters.kapa: unknown key 'kapa' (did you mean 'kappa'?)",
      "x.yaml:5:34: subnets.0.hyperparameters.tmepo: unknown key 'tmepo'",
      "x.yaml:5:44: subnets.0.hyperparameters.colour: unknown key 'colour'",
    ]);
  });

  it('suggests misspelt enum values and checks agent params against their kind', () => {
    expect(problems(BASE.replace('name: t', 'name: t\nchain: {numeric: flaot}'))).toEqual(["x.yaml:2:18: chain.numeric: unknown value 'flaot' (did you mean 'float'?)"]);
    expect(problems(`${BASE}    population: [{kind: validator.honest, count: 1, params: {noise_sdd: 1}}]\n`)).toEqual([
      "x.yaml:5:62: subnets.0.population.0.params.noise_sdd: unknown key 'noise_sdd' (did you mean 'noise_sd'?)",
    ]);
  });

  it('requires exactly one unit in duration and event times', () => {
    expect(problems(BASE.replace('{days: 2}', '{days: 2, blocks: 5}'))).toEqual(['x.yaml:2:11: duration: give exactly one of blocks, epochs, days, not blocks and days']);
  });

  it('checks min_burn against max_burn and the UID capacity', () => {
    expect(problems(`${BASE}    hyperparameters: {min_burn: 5, max_burn: 1}\n`)).toEqual(['x.yaml:5:33: subnets.0.hyperparameters.min_burn: min_burn (5 TAO) exceeds max_burn (1 TAO)']);
  });

  it('checks set_hyperparameter names and values and event references', () => {
    const events = `events:
  - {at: {block: 1}, type: set_hyperparameter, netuid: 1, name: kapa, value: 0.2}
  - {at: {block: 2}, type: set_hyperparameter, netuid: 1, name: kappa, value: 2}
  - {at: {block: 3}, type: stake, netuid: 7, coldkey: a, hotkey: b, amount_tao: 1}
  - {at: {block: 4}, type: agents_leave, netuid: 1, group_name: miners}
`;
    expect(problems(BASE + events)).toEqual([
      "x.yaml:6:65: events.0.name: unknown hyperparameter 'kapa' (did you mean 'kappa'?)",
      'x.yaml:7:79: events.1.value: must be a fraction in [0, 1], got 2',
      'x.yaml:8:43: events.2.netuid: no subnet 7 exists at block 3 (subnets: 1..1)',
      "x.yaml:9:65: events.3.group_name: subnet 1 has no group 'miners' at block 4",
    ]);
  });

  it('lets later events refer to a subnet registered by an earlier one', () => {
    const s = parseScenario(
      `${BASE}events:
  - {at: {block: 10}, type: register_subnet, subnet: {name: late}}
  - {at: {block: 20}, type: stake, netuid: 2, coldkey: a, hotkey: late.owner, amount_tao: 1}
`,
      'x.yaml',
    );
    expect(s.events.map((e) => [e.type, e.atBlock])).toEqual([
      ['register_subnet', 10],
      ['stake', 20],
    ]);
  });
});

describe('control overrides', () => {
  it('resolve the control run with the overridden values', () => {
    const s = parseScenario(`${BASE}control:\n  subnets.0.hyperparameters.kappa: 0.25\n  chain.numeric: float\n`, 'x.yaml');
    expect(s.control?.overrides.map((o) => o.path)).toEqual(['subnets.0.hyperparameters.kappa', 'chain.numeric']);
    expect(s.control?.scenario.subnets[0]!.rules.hyperparameters.kappaU16).toBe(16384); // 0.25 · 65535 = 16383.75
    expect(s.control?.scenario.chain.mode).toBe('float');
    expect(s.subnets[0]!.rules.hyperparameters.kappaU16).toBe(D.kappaU16);
  });

  it('reject paths that are not keys, missing list items and invalid values', () => {
    expect(problems(`${BASE}control:\n  subnets.0.hyperparameters.kapa: 0.25\n`)).toEqual([
      "x.yaml:6:3: control.subnets.0.hyperparameters.kapa: 'subnets.0.hyperparameters.kapa' is not a scenario key path (e.g. subnets.0.hyperparameters.kappa)",
    ]);
    expect(problems(`${BASE}control:\n  subnets.3.tempo: 10\n`)).toEqual(['x.yaml:6:3: control.subnets.3.tempo: subnets.3 does not exist in this scenario']);
    expect(problems(`${BASE}control:\n  subnets.0.tempo: 0\n`)).toEqual(['x.yaml:6:20: control.subnets.0.tempo: in the control run: subnets.0.tempo: tempo must be ≥ 1 block, got 0']);
  });
});
