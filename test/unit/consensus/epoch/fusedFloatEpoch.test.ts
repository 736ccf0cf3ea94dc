/**
 * The fused float epoch (src/consensus/epoch/fusedFloatEpoch.ts) against the step pipeline, which
 * defines it: on random subnets — degenerate ones included — every output and trace element must
 * be the same, compared with Object.is (so 0 and −0 differ) and === for rao, never a tolerance.
 * Inputs of a shape the fused path declines must still give the pipeline's results through
 * runEpoch, and the comparison itself must notice a single changed ulp.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runFusedFloatEpoch, type FusedFloatVariant } from '../../../../src/consensus/epoch/fusedFloatEpoch.ts';
import { runEpoch } from '../../../../src/consensus/epoch/runEpoch.ts';
import { sparseFromRows, type SparseMatrix } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochInputs, EpochOutput } from '../../../../src/consensus/epoch/types.ts';
import { runSubnetEpoch } from '../../../../src/consensus/epoch/mechanisms.ts';
import { Arena } from '../../../../src/primitives/arena.ts';
import { Rng } from '../../../../src/primitives/rng.ts';
import { randomEpochInputs, withBondsFromOneEpoch } from '../../../../src/sim/randomEpochInputs.ts';
import { epochInputsArbitrary, TRACE_VECTORS } from '../../../property/arbitraries.ts';

const VARIANTS: readonly FusedFloatVariant[] = ['yuma2', 'yuma3'];

function describeNumber(x: number | bigint | boolean | undefined): string {
  return Object.is(x, -0) ? '-0' : String(x);
}

/** First difference between two array-likes, element by element (Object.is), or null. */
function diffArrays(path: string, a: ArrayLike<unknown>, b: ArrayLike<unknown>): string | null {
  if (a.length !== b.length) return `${path}: length ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) {
    if (!Object.is(a[i], b[i])) return `${path}[${i}]: ${describeNumber(a[i] as number)} vs ${describeNumber(b[i] as number)}`;
  }
  return null;
}

function diffMatrices(path: string, a: SparseMatrix | null, b: SparseMatrix | null): string | null {
  if (a === null || b === null) return a === b ? null : `${path}: ${a === null ? 'null' : 'matrix'} vs ${b === null ? 'null' : 'matrix'}`;
  if (a.rowCount !== b.rowCount) return `${path}.rowCount: ${a.rowCount} vs ${b.rowCount}`;
  return diffArrays(`${path}.rowStart`, a.rowStart, b.rowStart) ?? diffArrays(`${path}.col`, a.col, b.col) ?? diffArrays(`${path}.val`, a.val, b.val);
}

const VECTORS = [
  'active',
  'newValidatorPermit',
  'stakeWeightU16',
  'consensusU16',
  'incentiveU16',
  'dividendsU16',
  'validatorTrustU16',
  'serverEmissionRao',
  'validatorEmissionRao',
  'emissionRao',
] as const;
const TRACE_MATRICES = ['weights', 'clippedWeights', 'weightsForBonds', 'bondsDelta', 'emaBonds'] as const;

/** The first field where two epoch outputs differ, or null when every element is identical. */
function diffOutputs(a: EpochOutput, b: EpochOutput): string | null {
  if (a.mode !== b.mode || a.variant !== b.variant || a.n !== b.n) return `header: ${a.mode}/${a.variant}/${a.n} vs ${b.mode}/${b.variant}/${b.n}`;
  for (const key of VECTORS) {
    const d = diffArrays(key, a[key], b[key]);
    if (d !== null) return d;
  }
  const bonds = diffMatrices('bondsU16', a.bondsU16, b.bondsU16);
  if (bonds !== null) return bonds;
  for (const key of TRACE_VECTORS) {
    const d = diffArrays(`trace.${key}`, a.trace[key], b.trace[key]);
    if (d !== null) return d;
  }
  for (const key of TRACE_MATRICES) {
    const d = diffMatrices(`trace.${key}`, a.trace[key], b.trace[key]);
    if (d !== null) return d;
  }
  const keys = (o: object): string => Object.keys(o).sort().join(',');
  if (keys(a) !== keys(b) || keys(a.trace) !== keys(b.trace)) return `fields: ${keys(a)} | ${keys(a.trace)} vs ${keys(b)} | ${keys(b.trace)}`;
  return null;
}

function pipeline(inputs: EpochInputs, variant: FusedFloatVariant): EpochOutput {
  return runEpoch(inputs, { mode: 'float', variant, stepPipeline: true });
}

/** Fused (which must accept these inputs) vs pipeline, both variants; the first difference or null. */
function compareFused(inputs: EpochInputs, mem: Arena = new Arena(1 << 12)): string | null {
  for (const variant of VARIANTS) {
    const expected = pipeline(inputs, variant);
    mem.reset();
    const fused = runFusedFloatEpoch(inputs, variant, mem);
    if (fused === null) return `${variant}: the fused path declined inputs of the usual shape`;
    const d = diffOutputs(fused, expected);
    if (d !== null) return `${variant}: ${d}`;
    // runEpoch itself takes the fused path for float + a built-in variant.
    const viaRunEpoch = diffOutputs(runEpoch(inputs, { mode: 'float', variant }), expected);
    if (viaRunEpoch !== null) return `${variant} via runEpoch: ${viaRunEpoch}`;
  }
  return null;
}

function withHyperparameters(inputs: EpochInputs, h: Partial<EpochInputs['hyperparameters']>): EpochInputs {
  return { ...inputs, hyperparameters: { ...inputs.hyperparameters, ...h } };
}

/** Where the ulp after x is: the next float64 away from zero (toward +∞ for 0). */
function nextUlp(x: number): number {
  const f = new Float64Array([x]);
  const bits = new BigInt64Array(f.buffer);
  if (x === 0) return Number.MIN_VALUE;
  bits[0] = bits[0]! + 1n;
  return f[0]!;
}

describe('fused float epoch = step pipeline, bit for bit', () => {
  it('on random subnets (every shape the epoch arbitrary draws, both variants, liquid alpha on and off)', () => {
    fc.assert(
      fc.property(epochInputsArbitrary(), fc.boolean(), (inputs, liquidAlphaOn) => {
        const d = compareFused(withHyperparameters(inputs, { liquidAlphaOn }));
        expect(d).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('on bonds one epoch old and on several epochs in a row, through one reused workspace', () => {
    const mem = new Arena(1 << 10);
    fc.assert(
      fc.property(
        epochInputsArbitrary({ minN: 1 }),
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        (inputs, epochs, liquidAlphaOn) => {
          let state = withHyperparameters(inputs, { liquidAlphaOn });
          for (let e = 0; e <= epochs; e++) {
            expect(compareFused(state, mem)).toBeNull();
            const out = pipeline(state, state.hyperparameters.yuma3On ? 'yuma3' : 'yuma2');
            // The next epoch's stored state, as the chain would leave it, a few blocks later.
            state = { ...state, bonds: out.bondsU16, validatorPermit: out.newValidatorPermit, currentBlock: state.currentBlock + 7 };
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('on benchmark-like subnets (uniform and agreeing weights, larger n)', () => {
    for (const pattern of ['uniform', 'agreeing'] as const) {
      for (const [validators, miners] of [
        [1, 1],
        [4, 30],
        [16, 64],
        [64, 256],
      ] as const) {
        for (const yuma3On of [false, true]) {
          for (const liquidAlphaOn of [false, true]) {
            for (const bondsPenaltyU16 of [0, 30000, 65535]) {
              const rng = Rng.fromSeed('fused').stream(`${pattern}/${validators}x${miners}/${yuma3On}/${liquidAlphaOn}/${bondsPenaltyU16}`);
              const inputs = withBondsFromOneEpoch(
                randomEpochInputs(rng, { validators, miners, weightDensity: 0.1, weightPattern: pattern, hyperparameters: { yuma3On, liquidAlphaOn, bondsPenaltyU16 } }),
                { mode: 'float', stepPipeline: true },
              );
              expect(compareFused(inputs), `${pattern} ${validators}x${miners} yuma3On=${yuma3On} liquid=${liquidAlphaOn} β=${bondsPenaltyU16}`).toBeNull();
            }
          }
        }
      }
    }
  });

  it('on degenerate subnets: empty, one neuron, zero weights, zero stake, nobody reaching kappa', () => {
    const cases: [string, fc.Arbitrary<EpochInputs>][] = [
      ['empty', epochInputsArbitrary({ minN: 0, maxN: 0 })],
      ['one neuron', epochInputsArbitrary({ minN: 1, maxN: 1 })],
      ['all-zero weights', epochInputsArbitrary({ minN: 1, maxN: 12 }).map((x) => ({ ...x, weights: zeroValues(x.weights) }))],
      ['no weights', epochInputsArbitrary({ minN: 1, maxN: 12 }).map((x) => ({ ...x, weights: sparseFromRows([], x.n) }))],
      ['zero stake', epochInputsArbitrary({ minN: 1, maxN: 12 }).map((x) => ({ ...x, alphaStakeRao: x.alphaStakeRao.map(() => 0n), rootStakeRao: x.rootStakeRao.map(() => 0n) }))],
      ['kappa = 1 (nobody reaches it)', epochInputsArbitrary({ minN: 1, maxN: 12 }).map((x) => withHyperparameters(x, { kappaU16: 65535 }))],
      ['kappa = 0', epochInputsArbitrary({ minN: 1, maxN: 12 }).map((x) => withHyperparameters(x, { kappaU16: 0 }))],
      ['everyone inactive', epochInputsArbitrary({ minN: 1, maxN: 12 }).map((x) => ({ ...x, lastUpdate: [] }))],
      [
        'commit-reveal masks',
        epochInputsArbitrary({ minN: 2, maxN: 12 }).map((x) =>
          withHyperparameters(
            { ...x, commits: x.commits.length > 0 ? x.commits : [{ uid: 0, block: x.currentBlock - 3, epoch: x.currentEpochIndex, kind: 'timelocked' as const }] },
            { commitRevealWeightsEnabled: true },
          ),
        ),
      ],
      [
        'outdated weights',
        epochInputsArbitrary({ minN: 2, maxN: 12 }).map((x) => ({ ...x, blockAtRegistration: x.blockAtRegistration.map((b, i) => (i % 2 === 0 ? x.currentBlock : b)) })),
      ],
    ];
    for (const [name, arbitrary] of cases) {
      fc.assert(
        fc.property(arbitrary, fc.boolean(), (inputs, liquidAlphaOn) => {
          expect(compareFused(withHyperparameters(inputs, { liquidAlphaOn })), name).toBeNull();
        }),
        { numRuns: 60 },
      );
    }
  });

  it('through mechanisms (one epoch per mechanism, merged)', () => {
    fc.assert(
      fc.property(epochInputsArbitrary({ minN: 1, maxN: 12 }), fc.integer({ min: 1, max: 3 }), (inputs, count) => {
        // Mechanism m weights with its own matrix: the stored weights, the bonds, then no weights.
        const matrices = [inputs.weights, inputs.bonds, sparseFromRows([], inputs.n)];
        const inputsFor = (m: number, emissionRao: bigint): EpochInputs => ({ ...inputs, weights: matrices[m]!, emissionRao });
        const fused = runSubnetEpoch(count, inputs.emissionRao, inputsFor, { mode: 'float' });
        const steps = runSubnetEpoch(count, inputs.emissionRao, inputsFor, { mode: 'float', stepPipeline: true });
        for (let m = 0; m < count; m++) expect(diffOutputs(fused.mechanisms[m]!, steps.mechanisms[m]!)).toBeNull();
        expect(JSON.stringify(fused, replacer)).toBe(JSON.stringify(steps, replacer));
      }),
      { numRuns: 60 },
    );
  });
});

function replacer(_key: string, value: unknown): unknown {
  if (typeof value === 'bigint') return `${value}n`;
  if (typeof value === 'number' && Object.is(value, -0)) return '-0';
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>).map((x) => (Object.is(x, -0) ? '-0' : x));
  return value;
}

function zeroValues(m: SparseMatrix): SparseMatrix {
  return { ...m, val: new Float64Array(m.val.length) };
}

/** Stored rows rebuilt from `[column, value]` lists (for shapes the arbitrary never draws). */
function rows(n: number, r: readonly (readonly [number, number])[][]): SparseMatrix {
  return sparseFromRows(r, n);
}

describe('inputs the fused path declines run the step pipeline', () => {
  const base = (): EpochInputs =>
    randomEpochInputs(Rng.fromSeed('fused').stream('declined'), { validators: 3, miners: 5, weightDensity: 0.6, hyperparameters: { yuma3On: true, liquidAlphaOn: true } });

  const shapes: [string, (x: EpochInputs) => EpochInputs][] = [
    ['unsorted weight row', (x) => ({ ...x, weights: rows(x.n, [[[5, 100], [3, 200], [4, 7]], [[3, 1]], [[6, 9]]]) })],
    ['duplicate weight column', (x) => ({ ...x, weights: rows(x.n, [[[3, 100], [3, 200]], [[4, 1]], [[6, 9]]]) })],
    ['weight column beyond n', (x) => ({ ...x, weights: rows(x.n, [[[3, 100], [40, 200]], [[4, 1]], [[6, 9]]]) })],
    ['more weight rows than n', (x) => ({ ...x, weights: rows(x.n + 2, [[[3, 100]], [[4, 1]], [[6, 9]]]) })],
    ['a −0 weight', (x) => ({ ...x, weights: rows(x.n, [[[3, -0], [4, 5]], [[4, 1]], [[6, 9]]]) })],
    ['unsorted bond row', (x) => ({ ...x, bonds: rows(x.n, [[[6, 100], [3, 200]], [[4, 1]], [[6, 9]]]) })],
    ['duplicate bond column', (x) => ({ ...x, bonds: rows(x.n, [[[3, 100], [3, 200]], [[4, 1]]]) })],
    ['fewer bond rows than n', (x) => ({ ...x, bonds: rows(2, [[[3, 100]], [[4, 1]]]) })],
  ];
  for (const [name, change] of shapes) {
    it(name, () => {
      const inputs = change(base());
      for (const variant of VARIANTS) {
        expect(runFusedFloatEpoch(inputs, variant, new Arena())).toBeNull();
        expect(diffOutputs(runEpoch(inputs, { mode: 'float', variant }), pipeline(inputs, variant))).toBeNull();
      }
    });
  }

  it('an invalid stored value raises the pipeline error', () => {
    const inputs = { ...base(), weights: rows(8, [[[3, 1.5]]]) };
    expect(() => pipeline(inputs, 'yuma3')).toThrow(/stored u16 value out of range/);
    expect(() => runEpoch(inputs, { mode: 'float', variant: 'yuma3' })).toThrow(/stored u16 value out of range/);
  });

  it('research variants and chain mode are not fused', () => {
    const inputs = base();
    expect(runEpoch(inputs, { mode: 'float', variant: 'yuma2_no_bonds_penalty' }).variant).toBe('yuma2_no_bonds_penalty');
    expect(runEpoch(inputs, { mode: 'chain' }).mode).toBe('chain');
  });
});

describe('the comparison is exact', () => {
  const inputs = withBondsFromOneEpoch(
    randomEpochInputs(Rng.fromSeed('fused').stream('ulp'), { validators: 8, miners: 24, weightDensity: 0.3, hyperparameters: { yuma3On: true, liquidAlphaOn: true } }),
    { mode: 'float' },
  );

  it('notices one ulp in a trace vector, a trace matrix and a fraction behind a stored value', () => {
    const a = runEpoch(inputs, { mode: 'float', variant: 'yuma3' });
    const i = a.trace.incentive.findIndex((x) => x > 0);
    expect(i).toBeGreaterThanOrEqual(0);
    const incentive = Float64Array.from(a.trace.incentive);
    incentive[i] = nextUlp(incentive[i]!);
    expect(diffOutputs({ ...a, trace: { ...a.trace, incentive } }, a)).toMatch(/^trace\.incentive\[/);

    const emaVal = Float64Array.from(a.trace.emaBonds.val);
    emaVal[0] = nextUlp(emaVal[0]!);
    expect(diffOutputs({ ...a, trace: { ...a.trace, emaBonds: { ...a.trace.emaBonds, val: emaVal } } }, a)).toMatch(/^trace\.emaBonds\.val\[0\]/);

    const rao = [...a.emissionRao];
    rao[i] = rao[i]! + 1n;
    expect(diffOutputs({ ...a, emissionRao: rao }, a)).toMatch(/^emissionRao\[/);
  });

  it('tells 0 from −0', () => {
    const a = runEpoch(inputs, { mode: 'float', variant: 'yuma2' });
    const j = a.trace.consensus.findIndex((x) => x === 0);
    expect(j).toBeGreaterThanOrEqual(0);
    const consensus = Float64Array.from(a.trace.consensus);
    consensus[j] = -0;
    expect(diffOutputs({ ...a, trace: { ...a.trace, consensus } }, a)).toMatch(/^trace\.consensus\[/);
  });

});
