import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEpochVariant } from '../../../../src/consensus/epoch/variants.ts';
import { resolvedScenarioSha256 } from '../../../../src/sim/artifacts/scenarioHash.ts';
import { loadScenario, parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { parseSetArgument } from '../../../../src/sim/scenario/scenarioOverride.ts';
import { epochVariantKeyOf, isModuleReference } from '../../../../src/sim/scenario/scenarioMechanism.ts';
import { problemsOf, useTempFiles } from '../../../support/tempFiles.ts';

const ROOT = resolve(import.meta.dirname, '../../../..');
const EXAMPLE = join(ROOT, 'examples', 'my-yuma.ts');
const files = useTempFiles('mechanism');

/** A scenario whose `chain:` mapping holds `chainLines` (already indented by two spaces). */
const scenario = (chainLines: string): string => `name: m
duration: {blocks: 10}
chain:
${chainLines}
subnets:
  - pool: {tao: 100, alpha: 1000}
`;

/** Writes `text` as `name` in a fresh directory of the temp area and returns its path. */
function writeIn(dir: string, name: string, text: string): string {
  mkdirSync(join(files.dir(), dir), { recursive: true });
  const file = join(files.dir(), dir, name);
  writeFileSync(file, text);
  return file;
}

describe('chain.mechanism', () => {
  it('is absent by default: every subnet runs the chain’s own variant', () => {
    const s = parseScenario(scenario('  numeric: chain'), 'x.yaml');
    expect(s.chain.mechanism).toBeNull();
    expect(epochVariantKeyOf(s.chain.mechanism)).toBeNull();
  });

  it('takes a registered name: the chain’s variants and the research ones', () => {
    for (const name of ['yuma2', 'yuma3', 'yuma2_no_bonds_penalty', 'yuma3_no_stake_dividends']) {
      const s = parseScenario(scenario(`  mechanism: ${name}`), 'x.yaml');
      expect(s.chain.mechanism).toEqual({ reference: name, name, module: null });
      expect(epochVariantKeyOf(s.chain.mechanism)).toBe(name);
    }
  });

  it('tells a module reference from a name', () => {
    for (const r of ['./a.ts#X', 'a.ts', '/abs/a#X', 'dir/a', 'a.mjs', '#X']) expect(isModuleReference(r), r).toBe(true);
    for (const r of ['yuma2', 'my_yuma', 'yuma3-no-x']) expect(isModuleReference(r), r).toBe(false);
  });

  it('loads a module relative to the scenario file, records its hash, and registers its variant', () => {
    const s = loadScenario(join(ROOT, 'examples', 'my-yuma.yaml'));
    const m = s.chain.mechanism!;
    expect(m.reference).toBe('./my-yuma.ts#MyYuma');
    expect(m.name).toBe('my_yuma');
    expect(m.module).toMatchObject({ path: EXAMPLE, exportName: 'MyYuma', imports: [] });
    expect(m.module!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const key = epochVariantKeyOf(m)!;
    expect(key.startsWith(`${EXAMPLE}#MyYuma@`)).toBe(true);
    expect(findEpochVariant(key)!.name).toBe('my_yuma');
    expect(findEpochVariant(key)!.steps.map((x) => x.name)).toEqual(findEpochVariant('yuma3')!.steps.map((x) => x.name));
  });

  it('takes an absolute path and a --set override (relative to the scenario file)', () => {
    const abs = parseScenario(scenario(`  mechanism: ${EXAMPLE}#MyYuma`), join(files.dir(), 'x.yaml'));
    expect(abs.chain.mechanism!.module!.path).toBe(EXAMPLE);
    const set = parseScenario(scenario('  numeric: chain'), join(ROOT, 'scenarios', 'x.yaml'), [parseSetArgument('chain.mechanism=../examples/my-yuma.ts#MyYuma')]);
    expect(set.chain.mechanism!.module!.path).toBe(EXAMPLE);
    expect(set.chain.mechanism!.reference).toBe('../examples/my-yuma.ts#MyYuma');
  });

  it('gives one line with the key’s position for every bad reference', () => {
    writeIn('bad', 'shapes.ts', "export const NotAVariant = { name: 'x', description: '', steps: [{ name: 'a', description: '' }] };\nexport const Three = 3;\n");
    writeIn('bad', 'syntax.ts', 'export const X = {{;\n');
    writeIn('bad', 'throws.ts', "throw new Error('boom while loading');\n");
    const cases: [string, RegExp][] = [
      ['yuma4', /unknown mechanism 'yuma4' \(did you mean 'yuma2'\?\)$/],
      ['chain_default', /unknown mechanism 'chain_default' \(known: yuma2, yuma2_no_bonds_penalty, yuma3, yuma3_no_stake_dividends; or a module \.\/file\.ts#Export\)$/],
      ['./missing.ts#X', /no such file: .*\/bad\/missing\.ts$/],
      ['./shapes.ts#MyYuma', /shapes\.ts has no export 'MyYuma' \(exports: NotAVariant, Three\)$/],
      ['./shapes.ts#NotAVariant', /export 'NotAVariant' of .*shapes\.ts is not an epoch variant: steps\[0\] \('a'\): run must be a function/],
      ['./shapes.ts#Three', /export 'Three' of .*shapes\.ts is not an epoch variant: expected an epoch variant object/],
      ['./syntax.ts#X', /cannot load .*syntax\.ts: .*ERROR: /],
      ['./throws.ts#X', /cannot load .*throws\.ts: boom while loading$/],
      ['./shapes.ts', /a module reference names a file and its export: path\/to\/module\.ts#ExportName, got '\.\/shapes\.ts'$/],
    ];
    for (const [reference, message] of cases) {
      const file = writeIn('bad', `s-${cases.findIndex((c) => c[0] === reference)}.yaml`, scenario(`  mechanism: "${reference}"`));
      const p = problemsOf(() => loadScenario(file));
      expect(p, reference).toHaveLength(1);
      expect(p[0]!.startsWith(`${file}:4:14: chain.mechanism: `), p[0]).toBe(true);
      expect(p[0]).toMatch(message);
    }
  });

  it('reports a bad --set mechanism against the override, in one line', () => {
    const p = problemsOf(() => parseScenario(scenario('  numeric: chain'), join(files.dir(), 'x.yaml'), [parseSetArgument('chain.mechanism=./nope.ts#X')]));
    expect(p).toEqual([`--set chain.mechanism: no such file: ${join(files.dir(), 'nope.ts')}`]);
  });

  it('changes the resolved hash when the module’s code or a file it imports changes, not when the checkout moves', () => {
    const helper = "export const EXPONENT = 2;\n";
    const module = (body: string) => `import { EXPONENT } from './helper.ts';
import { YUMA3, deriveEpochVariant, matmulSparse, normalizeInPlace } from '${join(ROOT, 'src', 'consensus', 'epoch', 'epochVariantApi.ts')}';
export const V = deriveEpochVariant(YUMA3, { name: 'v', description: '${body}', replace: { incentive: {
  name: 'incentive', description: 'power', run(w) {
    const r = matmulSparse(w, w.clippedWeights, w.activeStake, w.n);
    for (let j = 0; j < w.n; j++) for (let k = 1; k < EXPONENT; k++) r[j] = w.ar.mul(r[j]!, r[j]!);
    w.incentive = normalizeInPlace(w, r);
  } } } });
`;
    const text = scenario('  mechanism: ./v.ts#V');
    const scenarioIn = (dir: string) => {
      writeIn(dir, 'helper.ts', helper);
      writeIn(dir, 'v.ts', module('one'));
      return writeIn(dir, 's.yaml', text);
    };
    const a = loadScenario(scenarioIn('a'));
    expect(a.chain.mechanism!.module!.imports).toEqual([{ file: 'helper.ts', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }]);
    // The same files elsewhere: the same hash (the absolute path is not part of it).
    const b = loadScenario(scenarioIn('b'));
    expect(resolvedScenarioSha256(b)).toBe(resolvedScenarioSha256(a));
    // The module's code changes: the hash changes, and the new code is what gets registered.
    writeIn('b', 'v.ts', module('two'));
    const b2 = loadScenario(join(files.dir(), 'b', 's.yaml'));
    expect(resolvedScenarioSha256(b2)).not.toBe(resolvedScenarioSha256(a));
    expect(findEpochVariant(epochVariantKeyOf(b2.chain.mechanism)!)!.description).toBe('two');
    expect(findEpochVariant(epochVariantKeyOf(b.chain.mechanism)!)!.description).toBe('one');
    // A file it imports changes: the hash changes too.
    writeIn('b', 'helper.ts', 'export const EXPONENT = 3;\n');
    const b3 = loadScenario(join(files.dir(), 'b', 's.yaml'));
    expect(b3.chain.mechanism!.module!.sha256).toBe(b2.chain.mechanism!.module!.sha256);
    expect(resolvedScenarioSha256(b3)).not.toBe(resolvedScenarioSha256(b2));
  });

  it('runs the code a scenario hashed even when the file changes after the scenario was loaded', () => {
    const file = writeIn('late', 'v.ts', "import { YUMA2 } from '" + join(ROOT, 'src', 'consensus', 'epoch', 'variants.ts') + "';\nexport const V = { ...YUMA2, name: 'late-1' };\n");
    const s = parseScenario(scenario(`  mechanism: ${file}#V`), join(files.dir(), 'x.yaml'));
    writeFileSync(file, "import { YUMA2 } from '" + join(ROOT, 'src', 'consensus', 'epoch', 'variants.ts') + "';\nexport const V = { ...YUMA2, name: 'late-2' };\n");
    // The variant registered while resolving is the one the scenario hashed: genesis still finds it.
    expect(findEpochVariant(epochVariantKeyOf(s.chain.mechanism)!)!.name).toBe('late-1');
    const again = parseScenario(scenario(`  mechanism: ${file}#V`), join(files.dir(), 'x.yaml'));
    expect(findEpochVariant(epochVariantKeyOf(again.chain.mechanism)!)!.name).toBe('late-2');
  });
});

describe('scenarios/README.md, Mechanisms', () => {
  it('shows the code of examples/my-yuma.ts as it is', () => {
    const readme = readFileSync(join(ROOT, 'scenarios', 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('### Writing a mechanism module'));
    const block = /```ts\n([\s\S]*?)```/.exec(section)![1]!;
    expect(readFileSync(EXAMPLE, 'utf8')).toContain(block);
    expect(block).toContain('export const MyYuma');
  });
});

describe('chain.emission_rule', () => {
  it('takes a registered rule name, price by default', () => {
    expect(parseScenario(scenario('  numeric: chain'), 'x.yaml').chain.globals.emissionRule).toBe('price');
    expect(parseScenario(scenario('  emission_rule: tao_flow'), 'x.yaml').chain.globals.emissionRule).toBe('tao_flow');
    expect(problemsOf(() => parseScenario(scenario('  emission_rule: taoflow'), 'x.yaml'))).toEqual([
      "x.yaml:4:18: chain.emission_rule: unknown emission rule 'taoflow' (did you mean 'tao_flow'?)",
    ]);
  });

  it('says that emission_share_rule was renamed, in the file, in --set and in control:', () => {
    expect(problemsOf(() => parseScenario(scenario('  emission_share_rule: price'), 'x.yaml'))).toEqual([
      "x.yaml:4:3: chain.emission_share_rule: unknown key 'emission_share_rule' (renamed: use 'emission_rule', same values)",
    ]);
    expect(problemsOf(() => parseScenario(scenario('  numeric: chain'), 'x.yaml', [parseSetArgument('chain.emission_share_rule=tao_flow')]))).toEqual([
      "--set chain.emission_share_rule: 'chain.emission_share_rule' is not a scenario key path (renamed: use 'emission_rule', same values)",
    ]);
    const control = `${scenario('  numeric: chain')}control:\n  chain.emission_share_rule: tao_flow\n`;
    expect(problemsOf(() => parseScenario(control, 'x.yaml'))).toEqual([
      "x.yaml:8:3: control.chain.emission_share_rule: 'chain.emission_share_rule' is not a scenario key path (renamed: use 'emission_rule', same values)",
    ]);
  });
});
