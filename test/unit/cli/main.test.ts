import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../../src/cli/main.ts';
import { YUMALAB_VERSION } from '../../../src/sim/version.ts';

const ROOT = resolve(import.meta.dirname, '../../..');
const EXAMPLE = join(ROOT, 'examples', 'epoch-state.json');
const MATH_CASES = join(ROOT, 'conformance', 'math');

interface Run {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

function run(...argv: string[]): Run {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, (l) => out.push(l), (l) => err.push(l)) as number; // every command tested here is synchronous
  return { code, out, err };
}

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'yumalab-cli-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('yumalab (no command, help, version)', () => {
  it('prints the version with --version', () => {
    const r = run('--version');
    expect(r).toEqual({ code: 0, out: [YUMALAB_VERSION], err: [] });
    expect(YUMALAB_VERSION).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('prints usage and exits 2 without a command', () => {
    const r = run();
    expect(r.code).toBe(2);
    expect(r.out.join('\n')).toMatch(/^yumalab .*\n\nusage: yumalab <command>/);
    expect(r.out.join('\n')).toMatch(/conformance <file-or-dir>/);
  });

  it('prints usage and exits 0 with --help', () => {
    const r = run('--help');
    expect(r.code).toBe(0);
    expect(r.out.join('\n')).toMatch(/usage: yumalab <command>/);
  });

  it('rejects an unknown command in one line with exit code 2', () => {
    const r = run('frobnicate', '--x');
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual(["yumalab: unknown command 'frobnicate' (commands: conformance, epoch, import-metagraph, regress, report, reports, run, supply, sweep, validate, worker)"]);
  });
});

describe('yumalab conformance', () => {
  it('passes every math case, one line per case and a closing summary', () => {
    const r = run('conformance', MATH_CASES);
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    expect(r.out.at(-1)).toBe('76 passed, 0 failed');
    expect(r.out).toHaveLength(77);
    expect(r.out.slice(0, -1).every((l) => /^PASS math\.\S+$/.test(l))).toBe(true);
  });

  it('prints machine-readable results with --json', () => {
    const r = run('conformance', MATH_CASES, '--json');
    expect(r.code).toBe(0);
    const parsed = JSON.parse(r.out.join('\n')) as { mode: string; passed: number; failed: number; results: { id: string; passed: boolean }[] };
    expect(parsed.mode).toBe('chain');
    expect(parsed.passed).toBe(76);
    expect(parsed.failed).toBe(0);
    expect(parsed.results).toHaveLength(76);
    expect(parsed.results.every((x) => x.passed && x.id.startsWith('math.'))).toBe(true);
  });

  it('exits 1 and prints the failing case when a case fails', () => {
    const caseDir = mkdtempSync(join(dir, 'cases-'));
    const source = join(MATH_CASES, 'math.test_math_weighted_median.0.json');
    const broken = JSON.parse(readFileSync(source, 'utf8')) as { expect: { value: string } };
    broken.expect.value = '12345';
    writeFileSync(join(caseDir, 'math.test_math_weighted_median.0.json'), JSON.stringify(broken));
    copyFileSync(join(MATH_CASES, 'math.test_math_weighted_median.2.json'), join(caseDir, 'math.test_math_weighted_median.2.json'));
    const r = run('conformance', caseDir);
    expect(r.code).toBe(1);
    expect(r.out).toEqual([
      'FAIL math.test_math_weighted_median.0: value, -, expected 12345, got 0',
      'PASS math.test_math_weighted_median.2',
      '1 passed, 1 failed',
    ]);
    const quiet = run('conformance', '--quiet', caseDir);
    expect(quiet.out).toEqual(['FAIL math.test_math_weighted_median.0: value, -, expected 12345, got 0', '1 passed, 1 failed']);
  });

  it('counts an unreadable case file as a failure', () => {
    const caseDir = mkdtempSync(join(dir, 'bad-'));
    const file = join(caseDir, 'broken.json');
    writeFileSync(file, '{ nope');
    const r = run('conformance', caseDir);
    expect(r.code).toBe(1);
    expect(r.out[0]).toMatch(new RegExp(`^FAIL ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:1:3: invalid JSON`));
    expect(r.out.at(-1)).toBe('0 passed, 1 failed');
  });

  it('reports a missing path in one line with exit code 2 and no stack trace', () => {
    const missing = join(dir, 'no-such-dir');
    const r = run('conformance', missing);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err).toEqual([`yumalab conformance: ${missing}: no such file or directory`]);
  });

  it('rejects a missing path argument, a bad mode and an unknown flag with exit code 2', () => {
    expect(run('conformance')).toEqual({ code: 2, out: [], err: ['yumalab conformance: conformance: give at least one case file or directory'] });
    const mode = run('conformance', MATH_CASES, '--mode', 'quad');
    expect(mode.code).toBe(2);
    expect(mode.err).toEqual(["yumalab conformance: --mode must be 'chain' or 'float', got 'quad'"]);
    const flag = run('conformance', MATH_CASES, '--bogus');
    expect(flag.code).toBe(2);
    expect(flag.err).toHaveLength(1);
    expect(flag.err[0]).toMatch(/^yumalab conformance: .*--bogus/);
  });

  it('prints its usage with --help', () => {
    const r = run('conformance', '--help');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^usage: yumalab conformance/);
  });
});

describe('yumalab epoch', () => {
  interface EpochJson {
    mode: string;
    block: string;
    n: number;
    emission_rao: string;
    outputs: Record<string, unknown[]>;
    mechanisms: Record<string, { variant: string; emission_rao: string; incentive: number[]; bonds: Record<string, unknown>; trace?: Record<string, unknown> }>;
  }

  function epochJson(r: Run): EpochJson {
    expect(r.code).toBe(0);
    expect(r.err).toEqual([]);
    return JSON.parse(r.out.join('\n')) as EpochJson;
  }

  it('runs the example state and prints valid JSON with one output per uid', () => {
    const j = epochJson(run('epoch', EXAMPLE));
    expect(j.mode).toBe('chain');
    expect(j.n).toBe(6);
    expect(j.block).toBe('1000');
    expect(j.emission_rao).toBe('1000000000');
    for (const key of ['active', 'validator_permit', 'stake_weight', 'consensus', 'dividends', 'validator_trust', 'server_emission', 'validator_emission', 'emission']) {
      expect(j.outputs[key], key).toHaveLength(6);
    }
    expect(j.mechanisms['0']!.variant).toBe('yuma3');
    expect(j.mechanisms['0']!.incentive).toHaveLength(6);
    expect(j.mechanisms['0']!.trace).toBeUndefined();
    const total = [...j.outputs.server_emission!, ...j.outputs.validator_emission!].reduce((a: bigint, x) => a + BigInt(x as string), 0n);
    expect(total).toBeLessThanOrEqual(1_000_000_000n);
    expect(total).toBeGreaterThan(999_999_900n);
  });

  it('runs in float mode with --mode float', () => {
    const j = epochJson(run('epoch', EXAMPLE, '--mode', 'float'));
    expect(j.mode).toBe('float');
    expect(j.outputs.emission).toHaveLength(6);
  });

  it('includes every intermediate vector and matrix with --trace', () => {
    const chain = epochJson(run('epoch', EXAMPLE, '--trace'));
    const trace = chain.mechanisms['0']!.trace!;
    expect(trace.representation).toBe('I32F32 raw (value × 2^32)');
    expect(trace.stake).toHaveLength(6);
    expect((trace.stake as string[]).every((x) => /^\d+$/.test(x))).toBe(true);
    expect(trace.bonds_delta).toBeNull(); // yuma3 has no ΔB
    expect(Object.keys(trace.weights as object)).toEqual(['0', '1', '2']);
    const float = epochJson(run('epoch', EXAMPLE, '--trace', '--mode', 'float'));
    expect(float.mechanisms['0']!.trace!.representation).toBe('fraction');
  });

  it('honours --emission, --variant and --mechanism', () => {
    const j = epochJson(run('epoch', EXAMPLE, '--emission', '2000', '--variant', 'yuma2', '--mechanism', '0'));
    expect(j.emission_rao).toBe('2000');
    expect(j.mechanisms['0']!.variant).toBe('yuma2');
    expect(j.mechanisms['0']!.emission_rao).toBe('2000');
  });

  it('rejects bad flags and flag values in one line with exit code 2', () => {
    for (const argv of [
      ['epoch', EXAMPLE, '--bogus'],
      ['epoch', EXAMPLE, '--mode', 'fast'],
      ['epoch', EXAMPLE, '--variant', 'yuma9'],
      ['epoch', EXAMPLE, '--emission', '1e9'],
      ['epoch', EXAMPLE, '--mechanism', '-1'],
      ['epoch'],
      ['epoch', EXAMPLE, EXAMPLE],
    ]) {
      const r = run(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.out).toEqual([]);
      expect(r.err, argv.join(' ')).toHaveLength(1);
      expect(r.err[0]).toMatch(/^yumalab epoch: /);
    }
  });

  it('reports every problem of a bad state file as file:line:col: … with exit code 2', () => {
    const file = join(dir, 'bad-state.json');
    writeFileSync(
      file,
      JSON.stringify(
        {
          hyperparameters: { tempo: -1, colour: 'red' },
          state: { block: '10', n: 2, alpha_stake: ['1'], block_at_registration: ['0', '0'], validator_permit: [], mechanisms: [] },
        },
        null,
        2,
      ),
    );
    const r = run('epoch', file);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([]);
    expect(r.err.length).toBeGreaterThanOrEqual(3);
    for (const line of r.err) expect(line).toMatch(/^.+:\d+:\d+: /);
    expect(r.err.join('\n')).toMatch(/unknown key 'colour'/);
  });

  it('reports a missing state file in one line with exit code 2', () => {
    const file = join(dir, 'absent.json');
    expect(run('epoch', file)).toEqual({ code: 2, out: [], err: [`${file}: cannot read file: no such file`] });
  });

  it('prints its usage with --help', () => {
    const r = run('epoch', '-h');
    expect(r.code).toBe(0);
    expect(r.out[0]).toMatch(/^usage: yumalab epoch/);
  });
});

describe('yumalab validate', () => {
  const BASELINE = join(ROOT, 'scenarios', 'baseline.yaml');

  it('prints OK per valid file and exits 0', () => {
    expect(run('validate', BASELINE, BASELINE)).toEqual({ code: 0, out: [`OK ${BASELINE}`, `OK ${BASELINE}`], err: [] });
  });

  it('checks every file, prints each problem line and exits 2 if any file is bad', () => {
    const file = join(dir, 'bad-scenario.yaml');
    writeFileSync(file, 'name: x\nduration: {days: 1}\nsubnets: []\nextra: 1\n');
    const r = run('validate', file, BASELINE);
    expect(r.code).toBe(2);
    expect(r.out).toEqual([`OK ${BASELINE}`]);
    // Schema problems come first; cross-key checks (e.g. 'at least one subnet') run once they are fixed.
    expect(r.err).toEqual([`${file}:4:1: extra: unknown key 'extra'`]);
  });

  it('checks the files with --set overrides applied, as run would read them', () => {
    expect(run('validate', BASELINE, '--set', 'subnets.0.hyperparameters.kappa=0.6')).toEqual({ code: 0, out: [`OK ${BASELINE}`], err: [] });
    const r = run('validate', BASELINE, '--set', 'subnets.0.tempo=0');
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/subnets\.0\.tempo: tempo must be ≥ 1 block, got 0$/);
  });

  it('rejects a call without files and prints its usage with --help', () => {
    expect(run('validate')).toEqual({ code: 2, out: [], err: ['yumalab validate: validate: give at least one scenario file'] });
    expect(run('validate', '--help').out[0]).toMatch(/^usage: yumalab validate/);
  });
});
