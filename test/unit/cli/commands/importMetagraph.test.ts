import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../../../src/cli/main.ts';
import { assertInvariants, auditLedger } from '../../../../src/consensus/chain/checkInvariants.ts';
import { hotkeyOwner, hotkeyStake } from '../../../../src/consensus/staking/stakeLedger.ts';
import { loadMetagraphFile } from '../../../../src/sim/input/metagraphFile.ts';
import { DISCARD_RECORDER } from '../../../../src/sim/run/records.ts';
import { genesisOf, runScenario } from '../../../../src/sim/run/runScenario.ts';
import { loadScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { useTempFiles } from '../../../support/tempFiles.ts';

const SMALL = join(resolve(import.meta.dirname, '../../../..'), 'test', 'fixtures', 'metagraph', 'small.json');
const tmp = useTempFiles('import');
let k = 0;
/** A fresh directory for one test's output. */
const fresh = (): string => {
  const d = join(tmp.dir(), `out-${k++}`);
  mkdirSync(d);
  return d;
};

function cli(...argv: string[]): { code: number; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(['import-metagraph', ...argv], (l) => out.push(l), (l) => err.push(l)) as number;
  return { code, out, err };
}

describe('yumalab import-metagraph, state mode (the default)', () => {
  it('writes the scenario and its state file, and says what it imported and left out', () => {
    const dir = fresh();
    const r = cli(SMALL, '--out', join(dir, 'sn7.yaml'), '--duration-epochs', '3');
    expect(r.err).toEqual([]);
    expect(r.code).toBe(0);
    expect(r.out.slice(0, 3)).toEqual([`wrote ${join(dir, 'sn7.yaml')}`, `wrote ${join(dir, 'sn7.state.json')}`, '16 UIDs of subnet 7 at block 4200000: 4 with a validator permit']);
    expect(r.out).toContain('note: not read: incentive');
    expect(r.out).toContain('note: hyperparameters.rho: not simulated; ignored');
    expect(readdirSync(dir).sort()).toEqual(['sn7.state.json', 'sn7.yaml']);
    const text = readFileSync(join(dir, 'sn7.yaml'), 'utf8');
    expect(text).toContain('    state: sn7.state.json\n    state_agents:\n      validators: {kind: validator.honest}\n      miners: {kind: miner.honest}\n');
    expect(text).toContain('    tempo: 100\n    pool: {tao: 52000.5, alpha: 1250000}\n');
  });

  it('gives a scenario whose genesis is the snapshot: UIDs, keys, stakes, weights, bonds, permits, blocks from the snapshot', () => {
    const dir = fresh();
    expect(cli(SMALL, '--out', join(dir, 's.yaml')).code).toBe(0);
    const scenario = loadScenario(join(dir, 's.yaml'));
    const m = loadMetagraphFile(SMALL);
    const world = genesisOf(scenario);
    const state = world.state;
    const s = state.subnets[0]!;
    expect(s.neurons.n).toBe(16);
    expect([s.ownerHotkey, s.ownerColdkey]).toEqual([m.neurons[0]!.hotkey, m.neurons[0]!.coldkey]);
    m.neurons.forEach((x, uid) => {
      expect(s.neurons.hotkeys[uid]).toBe(x.hotkey);
      expect(hotkeyOwner(state.ledger, x.hotkey)).toBe(x.coldkey);
      expect(hotkeyStake(state.ledger, x.hotkey, 1)).toBe(x.alphaStakeRao);
      expect(s.neurons.mechanisms[0]!.weights.get(uid) ?? []).toEqual(x.weights);
      expect(s.neurons.mechanisms[0]!.bonds.get(uid) ?? []).toEqual(x.bonds);
      expect(s.neurons.validatorPermit[uid]).toBe(x.validatorPermit);
      expect(s.neurons.blockAtRegistration[uid]).toBe(x.registrationBlock - m.block);
      expect(s.neurons.mechanisms[0]!.lastUpdate[uid]).toBe(x.lastUpdateBlock - m.block);
    });
    expect(s.economy.alphaOutRao).toBe(m.neurons.reduce((a, x) => a + x.alphaStakeRao, 0n));
    expect(s.economy.pool.taoReserveRao).toBe(52_000_500_000_000n);
    expect(() => assertInvariants(state, auditLedger(state))).not.toThrow();
    // One agent per UID, bound to its keys: permit holders validators, the rest miners.
    expect(world.agents.map((a) => a.agent.spec.id)).toEqual(m.neurons.map((x, uid) => `sn7.${x.validatorPermit ? 'validators' : 'miners'}.${uid}`));
    expect(world.agents[4]!.agent.spec).toMatchObject({ kind: 'validator.honest', hotkey: m.neurons[4]!.hotkey, coldkey: m.neurons[4]!.coldkey });
  });

  it('runs: validators keep setting weights, the invariants hold every block, and the miners earn', () => {
    const dir = fresh();
    expect(cli(SMALL, '--out', join(dir, 's.yaml'), '--duration-epochs', '3').code).toBe(0);
    const summary = runScenario(loadScenario(join(dir, 's.yaml')), { recorder: DISCARD_RECORDER });
    expect(summary.blocks).toBe(300);
    expect(summary.epochs).toBe(3);
    expect(summary.rejectedActions).toBe(0);
    expect(summary.actions).toBeGreaterThanOrEqual(4);
    const miners = summary.groups.find((g) => g.group === 'miners')!;
    expect(miners.incentiveAlphaRao).toBeGreaterThan(0n);
    expect(summary.groups.map((g) => g.group)).toEqual(['miners', 'validators']);
  });

  it('takes other agent kinds and the numeric mode from flags', () => {
    const dir = fresh();
    expect(cli(SMALL, '--out', join(dir, 'x.yaml'), '--validators', 'validator.lazy', '--miners', 'miner.lazy', '--numeric', 'float', '--name', 'other').code).toBe(0);
    const s = loadScenario(join(dir, 'x.yaml'));
    expect([s.name, s.chain.mode, s.subnets[0]!.state!.groups.map((g) => g.kind)]).toEqual(['other', 'float', ['validator.lazy', 'miner.lazy']]);
  });

  it('writes the same bytes twice', () => {
    const a = fresh();
    const b = fresh();
    expect(cli(SMALL, '--out', join(a, 'sn.yaml')).code).toBe(0);
    expect(cli(SMALL, '--out', join(b, 'sn.yaml')).code).toBe(0);
    for (const f of ['sn.yaml', 'sn.state.json']) expect(readFileSync(join(a, f), 'utf8')).toBe(readFileSync(join(b, f), 'utf8'));
  });

  it('imports its own state file to the same neuron table (the normalised copy loses nothing)', () => {
    const dir = fresh();
    expect(cli(SMALL, '--out', join(dir, 'a.yaml')).code).toBe(0);
    expect(loadMetagraphFile(join(dir, 'a.state.json')).neurons).toEqual(loadMetagraphFile(SMALL).neurons);
  });
});

describe('yumalab import-metagraph --mode replay', () => {
  it('writes a replay whose validators are the permit holders, remapped to UIDs 0..V−1, and runs it', () => {
    const dir = fresh();
    const r = cli(SMALL, '--out', join(dir, 'r.yaml'), '--mode', 'replay', '--duration-epochs', '2');
    expect(r.code).toBe(0);
    const text = readFileSync(join(dir, 'r.yaml'), 'utf8');
    const m = loadMetagraphFile(SMALL);
    expect(text).toContain(`#     1 ←   4  ${m.neurons[4]!.hotkey}  (validator)`);
    expect(text).toContain(`#     4 ←   1  ${m.neurons[1]!.hotkey}\n`);
    const replay = JSON.parse(readFileSync(join(dir, 'r.replay.json'), 'utf8')) as { epochs: { stakes_tao: string[]; weights: number[][] }[] };
    expect(replay.epochs).toHaveLength(1);
    expect(replay.epochs[0]!.stakes_tao.slice(0, 4)).toEqual(['1200.5', '145000.25', '61030.75', '9800.125']);
    expect(replay.epochs[0]!.weights).toHaveLength(4);
    expect(replay.epochs[0]!.weights[0]).toHaveLength(12);
    const scenario = loadScenario(join(dir, 'r.yaml'));
    expect(scenario.subnets[0]!.replayFile).toBe(join(dir, 'r.replay.json'));
    const summary = runScenario(scenario, { recorder: DISCARD_RECORDER });
    expect(summary.epochs).toBe(2);
    expect(summary.groups.find((g) => g.group === 'replay-miners')!.incentiveAlphaRao).toBeGreaterThan(0n);
  });
});

describe('yumalab import-metagraph: mistakes (one line each, exit 2, nothing written)', () => {
  const bad = (text: string): string => tmp.write(text);

  it('reports a bad export at its line and writes nothing', () => {
    const file = bad('{\n  "netuid": 2,\n  "block": 10,\n  "uids": [0, 1],\n  "hotkeys": ["a1", "b1", "c1"],\n  "coldkeys": ["c", "c"],\n  "S": [1, 2],\n  "W": [],\n  "B": [],\n  "last_update": [1, 2],\n  "block_at_registration": [1, 2],\n  "validator_permit": [true, false]\n}\n');
    const dir = fresh();
    const r = cli(file, '--out', join(dir, 's.yaml'));
    expect(r).toEqual({ code: 2, out: [], err: [`${file}:5:14: hotkeys: 3 entries; expected one per UID (2)`] });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a replay without a permit holder', () => {
    const file = bad('{"netuid": 2, "block": 10, "uids": [0, 1], "hotkeys": ["a1", "b1"], "coldkeys": ["c", "c"], "S": [1, 2], "W": [], "B": [], "last_update": [1, 2], "block_at_registration": [1, 2], "validator_permit": [false, false]}');
    const r = cli(file, '--out', join(fresh(), 's.yaml'), '--mode', 'replay');
    expect(r.code).toBe(2);
    expect(r.err).toEqual([expect.stringMatching(/:1:\d+: validator_permit: replay mode needs at least one UID with a validator permit/)]);
  });

  it('keeps existing files without --force and replaces them with it', () => {
    const dir = fresh();
    writeFileSync(join(dir, 's.yaml'), 'mine');
    const r = cli(SMALL, '--out', join(dir, 's.yaml'));
    expect(r).toEqual({ code: 2, out: [], err: [`yumalab import-metagraph: ${join(dir, 's.yaml')} exists (use --force to replace it)`] });
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 's.state.json'))).toBe(false);
    expect(cli(SMALL, '--out', join(dir, 's.yaml'), '--force').code).toBe(0);
    expect(readFileSync(join(dir, 's.yaml'), 'utf8')).toMatch(/^# Imported by/);
  });

  it('checks its flags', () => {
    const out = join(fresh(), 's.yaml');
    expect(cli(SMALL).err).toEqual(['yumalab import-metagraph: --out FILE is required (the scenario to write)']);
    expect(cli(SMALL, '--out', out, '--mode', 'stat').err).toEqual(["yumalab import-metagraph: --mode must be 'state' or 'replay', got 'stat'"]);
    expect(cli(SMALL, '--out', out, '--duration-epochs', '0').err).toEqual(["yumalab import-metagraph: --duration-epochs must be an integer ≥ 1, got '0'"]);
    expect(cli(SMALL, '--out', out, '--validators', 'validator.honets').err).toEqual(["yumalab import-metagraph: --validators: unknown agent kind 'validator.honets' (did you mean 'validator.honest'?)"]);
    expect(cli(SMALL, '--out', out, '--miners', 'miner.sybil').err).toEqual(['yumalab import-metagraph: --miners: miner.sybil does not hold exactly one UID per agent, so it cannot drive an imported UID']);
    expect(cli(SMALL, '--out', out, '--mode', 'replay', '--miners', 'miner.lazy').code).toBe(2);
    expect(cli(SMALL, '--out', out, '--name', 'Bad Name').err).toEqual(["yumalab import-metagraph: --name must use lower-case letters, digits, _ and - (it names the run directory), got 'Bad Name'"]);
    expect(existsSync(out)).toBe(false);
  });
});
