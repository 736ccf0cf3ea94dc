/**
 * Degenerate subnets (spec/yuma.md §7): empty subnets, a single neuron, no usable weights, no
 * stake, and no validator reaching κ. The epoch must give the chain's results — zeros and the
 * emission fallbacks — and never a NaN, in both modes and both variants.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NumericMode } from '../../src/consensus/epoch/arithmetic.ts';
import { runEpoch } from '../../src/consensus/epoch/runEpoch.ts';
import { sparseFromRows, sparseToRows } from '../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochInputs, EpochOutput } from '../../src/consensus/epoch/types.ts';
import { vecU16MaxUpscaleToU16 } from '../../src/consensus/epoch/u16Math.ts';
import { epochInputsArbitrary, expectWellFormed } from './arbitraries.ts';

const MODES: readonly NumericMode[] = ['chain', 'float'];
const VARIANTS = ['yuma2', 'yuma3'] as const;
const TWO_53 = 2n ** 53n;

function eachRun(inputs: EpochInputs, f: (out: EpochOutput, mode: NumericMode) => void): void {
  for (const mode of MODES) {
    for (const variant of VARIANTS) {
      const out = runEpoch(inputs, { mode, variant });
      expectWellFormed(out, inputs.n);
      f(out, mode);
    }
  }
}

function expectAllZero(v: ArrayLike<number | bigint>, what: string): void {
  const nonZero: string[] = [];
  for (let i = 0; i < v.length; i++) if (!(v[i] === 0 || v[i] === 0n)) nonZero.push(`[${i}] = ${v[i]}`);
  expect(nonZero, `${what} should be all zero`).toEqual([]);
}

function isAllZero(v: Float64Array): boolean {
  return v.every((x) => x === 0);
}

/** Consensus, incentive, dividends and validator trust are 0, as stored and in the trace. */
function expectNoConsensusOutputs(out: EpochOutput): void {
  const tag = `${out.mode}/${out.variant}`;
  expectAllZero(out.trace.consensus, `${tag} consensus`);
  expectAllZero(out.trace.incentive, `${tag} incentive`);
  expectAllZero(out.trace.dividends, `${tag} dividends`);
  expectAllZero(out.trace.validatorTrust, `${tag} validatorTrust`);
  expectAllZero(out.consensusU16, `${tag} consensusU16`);
  expectAllZero(out.incentiveU16, `${tag} incentiveU16`);
  expectAllZero(out.dividendsU16, `${tag} dividendsU16`);
  expectAllZero(out.validatorTrustU16, `${tag} validatorTrustU16`);
  expectAllZero(out.serverEmissionRao, `${tag} serverEmissionRao`);
  expectAllZero(out.trace.normalizedServerEmission, `${tag} normalizedServerEmission`);
}

/** With Σ(I + D) = 0 validators and the combined emission follow active stake, or stake if nobody is active. */
function expectEmissionFollowsStake(out: EpochOutput): void {
  const { activeStake, stake } = out.trace;
  const expected = Array.from(isAllZero(activeStake) ? stake : activeStake);
  expect(Array.from(out.trace.normalizedCombinedEmission)).toEqual(expected);
  expect(Array.from(out.trace.normalizedValidatorEmission)).toEqual(expected);
  expect(out.validatorEmissionRao).toEqual(out.emissionRao);
}

describe('degenerate subnets', () => {
  it('returns only empty outputs for an empty subnet', () => {
    fc.assert(
      fc.property(epochInputsArbitrary({ minN: 0, maxN: 0 }), (inputs) => {
        eachRun(inputs, (out) => {
          expect(out.n).toBe(0);
          for (const v of [out.active, out.newValidatorPermit, out.serverEmissionRao, out.validatorEmissionRao, out.emissionRao]) {
            expect(v).toHaveLength(0);
          }
          for (const v of [out.stakeWeightU16, out.consensusU16, out.incentiveU16, out.dividendsU16, out.validatorTrustU16]) {
            expect(v).toHaveLength(0);
          }
          expect(out.bondsU16.rowCount).toBe(0);
          expect(out.bondsU16.val).toHaveLength(0);
          for (const m of [out.trace.weights, out.trace.clippedWeights, out.trace.weightsForBonds, out.trace.emaBonds]) {
            expect(m.rowCount).toBe(0);
          }
        });
      }),
      { seed: 0x5eed_0801, numRuns: 100 },
    );
  });

  it('gives a single neuron, with or without a self-weight, no incentive or dividends and all emission when it has stake', () => {
    const arb = fc
      .tuple(epochInputsArbitrary({ minN: 1, maxN: 1 }), fc.constantFrom<[number, number][]>([], [[0, 65535]], [[0, 0]]))
      .map(([inputs, row]): EpochInputs => ({ ...inputs, ownerUid: null, weights: sparseFromRows([row], 1) }));
    fc.assert(
      fc.property(arb, (inputs) => {
        eachRun(inputs, (out, mode) => {
          expectNoConsensusOutputs(out);
          expectEmissionFollowsStake(out);
          const hasStake = out.trace.stake[0]! > 0;
          expect(out.trace.normalizedCombinedEmission[0]).toBe(hasStake ? (mode === 'chain' ? 2 ** 32 : 1) : 0);
          if (mode === 'chain' || inputs.emissionRao < TWO_53) {
            expect(out.emissionRao[0]).toBe(hasStake ? inputs.emissionRao : 0n);
          }
        });
      }),
      { seed: 0x5eed_0802, numRuns: 300 },
    );
  });

  it('lets emission follow active stake, or stake when nobody is active, when every weight is zero', () => {
    const arb = fc
      .tuple(epochInputsArbitrary({ minN: 1 }), fc.boolean())
      .map(([inputs, keepExplicitZeros]): EpochInputs => {
        const rows = sparseToRows(inputs.weights).map((row) => (keepExplicitZeros ? row.map(([c]) => [c, 0] as [number, number]) : []));
        return { ...inputs, weights: sparseFromRows(rows, inputs.weights.rowCount) };
      });
    fc.assert(
      fc.property(arb, (inputs) => {
        eachRun(inputs, (out) => {
          expectNoConsensusOutputs(out);
          expectEmissionFollowsStake(out);
        });
      }),
      { seed: 0x5eed_0803, numRuns: 400 },
    );
  });

  it('gives no permits except the owner’s and all-zero outputs when nobody has stake', () => {
    const arb = epochInputsArbitrary({ minN: 1 }).map(
      (inputs): EpochInputs => ({
        ...inputs,
        alphaStakeRao: inputs.alphaStakeRao.map(() => 0n),
        rootStakeRao: inputs.rootStakeRao.map(() => 0n),
      }),
    );
    fc.assert(
      fc.property(arb, (inputs) => {
        eachRun(inputs, (out) => {
          const tag = `${out.mode}/${out.variant}`;
          expect(out.newValidatorPermit).toEqual(out.newValidatorPermit.map((_, i) => i === inputs.ownerUid));
          expectAllZero(out.trace.stake, `${tag} stake`);
          expectAllZero(out.trace.activeStake, `${tag} activeStake`);
          expectAllZero(out.stakeWeightU16, `${tag} stakeWeightU16`);
          expectNoConsensusOutputs(out);
          expectAllZero(out.validatorEmissionRao, `${tag} validatorEmissionRao`);
          expectAllZero(out.emissionRao, `${tag} emissionRao`);
          expectAllZero(out.trace.normalizedCombinedEmission, `${tag} normalizedCombinedEmission`);
          // Bond rows are stored only for uids with a new permit: the owner at most.
          sparseToRows(out.bondsU16).forEach((row, i) => {
            if (i !== inputs.ownerUid) expect(row, `${tag} bond row ${i}`).toEqual([]);
          });
        });
      }),
      { seed: 0x5eed_0804, numRuns: 400 },
    );
  });

  it('gives zero consensus and zero incentive when every miner is weighted only by one validator holding less than kappa', () => {
    const arb = fc
      .record({
        base: epochInputsArbitrary({ minN: 0, maxN: 0 }),
        stakes: fc.array(fc.bigInt({ min: 10n ** 12n, max: 2n * 10n ** 12n }), { minLength: 3, maxLength: 8 }),
        miners: fc.array(fc.record({ validator: fc.nat({ max: 9 }), value: fc.integer({ min: 1, max: 65535 }) }), {
          minLength: 1,
          maxLength: 14,
        }),
        kappaDraw: fc.nat({ max: 65535 }),
      })
      .map(({ base, stakes, miners, kappaDraw }): EpochInputs => {
        const v = stakes.length;
        const n = v + miners.length;
        const total = stakes.reduce((a, b) => a + b, 0n);
        const maxStake = stakes.reduce((a, b) => (a > b ? a : b), 0n);
        // κ strictly above every validator's share (with two u16 steps of margin for rounding).
        const kappaMin = Number((maxStake * 65535n + total - 1n) / total) + 2;
        const kappaU16 = kappaMin + (kappaDraw % (65536 - kappaMin));
        const rows: [number, number][][] = Array.from({ length: n }, () => []);
        const chosen: number[][] = Array.from({ length: v }, () => []);
        const values: number[][] = Array.from({ length: v }, () => []);
        miners.forEach((m, k) => {
          if (m.validator >= v) return; // some miners get no weight at all
          chosen[m.validator]!.push(v + k);
          values[m.validator]!.push(m.value);
        });
        for (let i = 0; i < v; i++) {
          const stored = vecU16MaxUpscaleToU16(values[i]!);
          rows[i] = chosen[i]!.map((c, k) => [c, stored[k]!] as [number, number]);
        }
        const block = base.currentBlock;
        return {
          ...base,
          n,
          lastUpdate: Array.from({ length: n }, (_, i) => (i < v ? block : 0)),
          blockAtRegistration: Array.from({ length: n }, () => 0),
          alphaStakeRao: Array.from({ length: n }, (_, i) => stakes[i] ?? 0n),
          rootStakeRao: Array.from({ length: n }, () => 0n),
          ownerUid: null,
          validatorPermit: Array.from({ length: n }, (_, i) => i < v),
          weights: sparseFromRows(rows, n),
          bonds: sparseFromRows([], n),
          commits: [],
          hyperparameters: {
            ...base.hyperparameters,
            kappaU16,
            maxAllowedValidators: 64,
            taoWeightRaw: 0n,
            stakeThresholdRao: 0n,
          },
        };
      });
    fc.assert(
      fc.property(arb, (inputs) => {
        eachRun(inputs, (out) => {
          expectNoConsensusOutputs(out);
          expectAllZero(out.trace.clippedWeights.val, `${out.mode}/${out.variant} clippedWeights`);
          expectEmissionFollowsStake(out);
        });
      }),
      { seed: 0x5eed_0805, numRuns: 400 },
    );
  });
});
