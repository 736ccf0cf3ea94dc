import { describe, expect, it } from 'vitest';
import { compareGroups } from '../../../../src/sim/run/compareGroups.ts';
import type { GroupOutcome } from '../../../../src/sim/run/groupOutcomes.ts';
import { runAB } from '../../../../src/sim/run/runAB.ts';
import { runScenario } from '../../../../src/sim/run/runScenario.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';

function outcome(netuid: number, group: string, over: Partial<GroupOutcome> = {}): GroupOutcome {
  return {
    netuid, group, kind: 'validator.honest', agents: 2, uidsAtEnd: 2, incentiveAlphaRao: 0n, dividendsAlphaRao: 10n,
    emissionTaoRao: 100n, emissionShare: 0.5, stakeShare: 0.25, initialStakeTaoRao: 1000n, initialWealthTaoRao: 1500n,
    finalWealthTaoRao: 1600n, profitTaoRao: 100n, returnOnStake: 0.1, ...over,
  };
}

describe('compareGroups', () => {
  it('matches groups by (netuid, group name) and gives attack − control for each metric', () => {
    const attack = [outcome(1, 'cabal', { kind: 'validator.cabal', emissionTaoRao: 300n, emissionShare: 0.75, stakeShare: 0.5, returnOnStake: 0.3, profitTaoRao: 250n, finalWealthTaoRao: 1750n })];
    const control = [outcome(1, 'cabal')];
    expect(compareGroups(attack, control)).toEqual([
      {
        netuid: 1, group: 'cabal', kindAttack: 'validator.cabal', kindControl: 'validator.honest',
        emissionTaoRao: { attack: 300n, control: 100n, delta: 200n },
        emissionShare: { attack: 0.75, control: 0.5, delta: 0.25 },
        stakeShare: { attack: 0.5, control: 0.25, delta: 0.25 },
        returnOnStake: { attack: 0.3, control: 0.1, delta: 0.3 - 0.1 },
        profitTaoRao: { attack: 250n, control: 100n, delta: 150n },
        finalWealthTaoRao: { attack: 1750n, control: 1600n, delta: 150n },
        attackerProfitVsControlTaoRao: 150n,
      },
    ]);
  });

  it('keeps a group present in one run only, null on the other side, counting the missing side as zero', () => {
    const rows = compareGroups([outcome(1, 'a'), outcome(2, 'only-attack', { profitTaoRao: -40n })], [outcome(1, 'a'), outcome(1, 'only-control')]);
    expect(rows.map((r) => `${r.netuid}/${r.group}`)).toEqual(['1/a', '1/only-control', '2/only-attack']);
    const onlyControl = rows[1]!;
    expect(onlyControl.kindAttack).toBeNull();
    expect(onlyControl.profitTaoRao).toEqual({ attack: null, control: 100n, delta: -100n });
    expect(onlyControl.emissionShare).toEqual({ attack: null, control: 0.5, delta: -0.5 });
    const onlyAttack = rows[2]!;
    expect(onlyAttack.kindControl).toBeNull();
    expect(onlyAttack.attackerProfitVsControlTaoRao).toBe(-40n);
    expect(rows[0]!.attackerProfitVsControlTaoRao).toBe(0n);
  });

  it('sorts by netuid numerically, then by group name, whatever the input order', () => {
    const rows = compareGroups([outcome(10, 'b'), outcome(2, 'z'), outcome(10, 'a')], [outcome(2, 'a')]);
    expect(rows.map((r) => `${r.netuid}/${r.group}`)).toEqual(['2/a', '2/z', '10/a', '10/b']);
  });

  it('refuses a run that lists a group twice', () => {
    expect(() => compareGroups([outcome(1, 'a'), outcome(1, 'a')], [])).toThrow(/twice/);
  });
});

const CABAL = `
name: cabal-ab
seed: 7
duration: {blocks: 800}
subnets:
  - name: small
    tempo: 99
    pool: {tao: 1000, alpha: 50000}
    hyperparameters: {max_allowed_uids: 24, max_allowed_validators: 8, commit_reveal_weights_enabled: false}
    population:
      - {name: validators, kind: validator.honest, count: 2, stake: {distribution: fixed, amount: 1000}}
      - {name: cabal, kind: validator.cabal, count: 2, stake: {distribution: fixed, amount: 1000}, params: {favoured_prefix: small.cabal_miners., boost: 20}}
      - {name: miners, kind: miner.honest, count: 6, params: {quality: {distribution: uniform, min: 0.5, max: 1}}}
      - {name: cabal_miners, kind: miner.honest, count: 2, params: {quality: {distribution: fixed, value: 0.1}}}
outputs: {cadence: epoch, detail: [summary]}
control:
  subnets.0.population.1.kind: validator.honest
  subnets.0.population.1.params: {}
`;

describe('runAB', () => {
  const discard = { metrics: () => undefined, neuron: () => undefined, event: () => undefined };

  it('runs the attack and its control with the same seed and compares their groups', () => {
    const scenario = parseScenario(CABAL, 'cabal.yaml');
    const ab = runAB(scenario);
    expect(ab.attack.groups).toEqual(runScenario(scenario, { recorder: discard }).groups);
    expect(ab.control.groups).toEqual(runScenario(scenario.control!.scenario, { recorder: discard }).groups);
    expect(ab.rows).toEqual(compareGroups(ab.attack.groups, ab.control.groups));
    expect(ab.rows.map((r) => [r.group, r.kindAttack, r.kindControl])).toEqual([
      ['cabal', 'validator.cabal', 'validator.honest'],
      ['cabal_miners', 'miner.honest', 'miner.honest'],
      ['miners', 'miner.honest', 'miner.honest'],
      ['owner', '', ''],
      ['validators', 'validator.honest', 'validator.honest'],
    ]);
    // The boost moves incentive from the honest miners to the cabal's miners.
    const favoured = ab.rows.find((r) => r.group === 'cabal_miners')!;
    expect(favoured.emissionTaoRao.delta).toBeGreaterThan(0n);
    expect(ab.rows.find((r) => r.group === 'miners')!.emissionShare.delta).toBeLessThan(0);
  });

  it('refuses a scenario without a control: section', () => {
    const plain = parseScenario(CABAL.slice(0, CABAL.indexOf('control:')), 'cabal.yaml');
    expect(() => runAB(plain)).toThrow(/no control/);
  });
});
