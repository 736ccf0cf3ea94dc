import { copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { hotkeyStake } from '../../../../src/consensus/staking/stakeLedger.ts';
import { ROOT_NETUID } from '../../../../src/consensus/staking/stakingSubnet.ts';
import { DISCARD_RECORDER } from '../../../../src/sim/run/records.ts';
import { genesisOf, runScenario } from '../../../../src/sim/run/runScenario.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';

const SMALL = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'metagraph', 'small.json');
const tmp = useTempFiles('state-subnet');

beforeAll(() => {
  copyFileSync(SMALL, join(tmp.dir(), 'small.json'));
});
/** The scenario's file name: in the temp directory, next to its copy of small.json. */
const scenarioFile = (): string => join(tmp.dir(), 'scenario.yaml');

const base = (subnet: string, extra = '', chain = '{epoch_blocks: 100}'): string => `
name: state-test
duration: {epochs: 2}
chain: ${chain}
${extra}
subnets:
  - name: sn7
    tempo: 100
    pool: {tao: 1000, alpha: 1000}
    hyperparameters: {commit_reveal_weights_enabled: false}
${subnet}
`;

const load = (text: string) => parseScenario(text, scenarioFile());
const problems = (text: string) => problemsOf(() => load(text));

describe('subnets[].state', () => {
  it('resolves the table with blocks counted from the snapshot and one agent per UID', () => {
    const s = load(base('    state: small.json')).subnets[0]!;
    const st = s.state!;
    expect([st.snapshotNetuid, st.snapshotBlock, st.neurons.length, st.file]).toEqual([7, 4_200_000, 16, 'small.json']);
    // UID 6 registered 1518 blocks before the snapshot, so it is still immune for 5000 − 1518 blocks.
    expect(st.neurons[6]!.registrationBlock).toBe(-1518);
    expect(st.neurons.every((x) => x.registrationBlock <= 0 && x.lastUpdateBlock <= 0)).toBe(true);
    expect(st.groups.map((g) => [g.name, g.kind, g.uids])).toEqual([
      ['validators', 'validator.honest', [0, 4, 9, 13]],
      ['miners', 'miner.honest', [1, 2, 3, 5, 6, 7, 8, 10, 11, 12, 14, 15]],
    ]);
    expect(st.groups[0]!.agentIds[1]).toBe('sn7.validators.4');
    expect(s.ownerHotkey).toBe(st.neurons[0]!.hotkey);
  });

  it('takes agent kinds and params from state_agents, and they can be overridden like any key', () => {
    const text = base('    state: small.json\n    state_agents:\n      validators: {kind: validator.lazy, params: {sample_size: 5}}');
    const st = load(text).subnets[0]!.state!;
    expect(st.groups[0]).toMatchObject({ kind: 'validator.lazy', params: { sample_size: 5, update_every_tempos: 10 } });
    expect(st.groups[1]!.kind).toBe('miner.honest');
    const over = parseScenario(text, scenarioFile(), [{ label: '--set', path: 'subnets.0.state_agents.miners.kind', value: 'miner.lazy' }]);
    expect(over.subnets[0]!.state!.groups[1]!.kind).toBe('miner.lazy');
  });

  it('adds population groups after the snapshot UIDs, with their own agents', () => {
    const s = load(base('    state: small.json\n    population:\n      - {name: attackers, kind: miner.honest, count: 2, stake: {distribution: fixed, amount: 10}}'));
    const world = genesisOf(s);
    const sub = world.state.subnets[0]!;
    expect(sub.neurons.n).toBe(18);
    expect(sub.neurons.hotkeys.slice(16)).toEqual(['sn7.attackers.0', 'sn7.attackers.1']);
    expect(world.agents.slice(16).map((a) => a.agent.spec.id)).toEqual(['sn7.attackers.0', 'sn7.attackers.1']);
  });

  it('gives tao_stake to the hotkeys as genesis root stake, and runs', () => {
    const split = tmp.write(
      JSON.stringify({
        netuid: 2,
        block: 500,
        uids: [0, 1, 2],
        hotkeys: ['5Val', '5M1', '5M2'],
        coldkeys: ['5Cv', '5Cm', '5Cm'],
        alpha_stake: [100, 1, 0],
        tao_stake: [2000, 0, 0],
        W: [[[1, 65535], [2, 30000]], [], []],
        B: [],
        last_update: [480, 100, 200],
        block_at_registration: [0, 100, 200],
        validator_permit: [true, false, false],
      }),
    );
    const s = load(base(`    state: ${split}`));
    expect(s.chain.rootStakes).toEqual([{ hotkey: '5Val', coldkey: '5Cv', taoRao: 2_000_000_000_000n }]);
    expect(hotkeyStake(genesisOf(s).state.ledger, '5Val', ROOT_NETUID)).toBe(2_000_000_000_000n);
    const summary = runScenario(s, { recorder: DISCARD_RECORDER });
    expect(summary.epochs).toBe(2);
    expect(summary.actions).toBeGreaterThan(0);
  });

  it('lets events name the state groups', () => {
    const s = load(base('    state: small.json', 'events:\n  - {at: {epoch: 1}, type: agents_leave, netuid: 1, group_name: validators, count: 1}'));
    expect(s.events[0]).toMatchObject({ type: 'agents_leave', group: 'validators', count: 1 });
    const summary = runScenario(s, { recorder: DISCARD_RECORDER });
    expect(summary.groups.find((g) => g.group === 'validators')!.agents).toBe(4);
  });

  it('refuses what does not combine with a state file, each at its key', () => {
    const file = scenarioFile();
    expect(problems(base('    state: small.json\n    replay: small.json'))[0]).toBe(`${file}:11:12: subnets.0.state: a subnet starts from a state file or is driven by a replay file, not both`);
    expect(problems(base('    state: small.json\n    owner: {hotkey: me}'))).toEqual([
      `${file}:12:13: subnets.0.owner.hotkey: the owner's hotkey comes from the state file (its owner_hotkey, else UID 0); remove owner.hotkey`,
    ]);
    expect(problems(base('    state_agents: {}'))).toEqual([`${file}:11:5: subnets.0.state_agents: state_agents drive the UIDs of a state file; add state: <file.json> or remove state_agents`]);
    expect(problems(base('    state: small.json\n    state_agents: {miners: {kind: miner.sybil}}'))).toEqual([
      `${file}:12:35: subnets.0.state_agents.miners.kind: miner.sybil does not hold exactly one UID per agent; an imported UID is driven by a kind that does (e.g. validator.honest, miner.honest)`,
    ]);
    expect(problems(base('    state: small.json\n    population: [{name: miners, kind: miner.honest, count: 1}]'))[0]).toMatch(/subnets\.0\.population\.0\.name: group name 'miners' is used twice in this subnet$/);
    const fewUids = [{ label: '--set', path: 'subnets.0.hyperparameters.max_allowed_uids', value: 10 }];
    expect(problemsOf(() => parseScenario(base('    state: small.json'), file, fewUids))).toEqual([
      `${file}:11:12: subnets.0.state: the state file's 16 UIDs + 0 agent UIDs exceed max_allowed_uids = 10`,
    ]);
  });

  it('passes the state file’s own problems on, and checks the file exists', () => {
    const bad = tmp.write('{"netuid": 2, "block": 5, "uids": [0]}');
    const p = problems(base(`    state: ${bad}`));
    expect(p[0]).toMatch(new RegExp(`subnets\\.0\\.state: invalid state file: ${bad}:1:\\d+: hotkeys: required key is missing$`));
    expect(problems(base('    state: nope.json'))[0]).toMatch(/subnets\.0\.state: no such file: .*nope\.json$/);
  });

  it('is for genesis subnets only, and the genesis TAO must fit in the issuance', () => {
    const event = `events:\n  - {at: {block: 10}, type: register_subnet, subnet: {name: late, state: small.json}}`;
    expect(problems(base('    state: small.json', event)).some((l) => /events\.0\.subnet\.state: only a genesis subnet \(under subnets:\) can start from a state file$/.test(l))).toBe(true);
    expect(problems(base('    state: small.json', '', '{epoch_blocks: 100, issuance_tao: 500}'))).toEqual([
      `${scenarioFile()}:4:42: chain.issuance_tao: genesis balances, root stakes and pool TAO add up to 1000 TAO, more than the issuance of 500 TAO (raise chain.issuance_tao)`,
    ]);
  });
});
