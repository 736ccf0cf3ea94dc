/**
 * Support for the epoch property tests: a fast-check arbitrary for `EpochInputs` (small random
 * subnets of validators and miners, as the chain would store them), relabelling of uids, and
 * helpers that snapshot, compare and sanity-check epoch outputs.
 */
import fc from 'fast-check';
import { expect } from 'vitest';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../../src/consensus/epoch/defaults.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix } from '../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs, EpochOutput, WeightCommit } from '../../src/consensus/epoch/types.ts';
import { vecU16MaxUpscaleToU16 } from '../../src/consensus/epoch/u16Math.ts';

export const MAX_N = 24;
export const U64_MAX = (1n << 64n) - 1n;

export interface EpochArbitraryOptions {
  readonly minN?: number;
  readonly maxN?: number;
  /**
   * Only input shapes that relabelling uids maps onto inputs of the same meaning: permit and
   * last-update vectors of length n (or an empty permit vector), no short/long vectors.
   */
  readonly permutable?: boolean;
  /**
   * Inputs without resolution-level degeneracies, for comparing `float` with `chain`: validator
   * stakes within a factor of 1000 of each other, root stakes ≤ 10^12 rao, no stake threshold, bonds
   * EMA coefficient ≥ 0.025.
   */
  readonly healthy?: boolean;
}

interface EntryDraw {
  readonly col: number;
  readonly raw: number;
  readonly noise: number;
}

interface UidDraw {
  readonly validator: boolean;
  readonly stakeMantissa: bigint;
  readonly stakeExponent: number;
  readonly zeroStake: boolean;
  readonly minerStake: bigint;
  readonly rootStake: bigint;
  readonly permit: boolean;
  /** Last update age as a fraction (per mille) of twice the activity cutoff. */
  readonly lastUpdateAgoMilli: number;
  readonly recentRegistration: boolean;
  readonly registrationDraw: number;
  /** Hidden quality of this uid as a miner (agreeing weight pattern). */
  readonly quality: number;
  readonly setsWeights: boolean;
  readonly entries: readonly EntryDraw[];
  readonly bondEntries: readonly { readonly col: number; readonly val: number }[];
}

interface CommitDraw {
  readonly uid: number;
  readonly blocksAgo: number;
  readonly epochsAgo: number;
  readonly kind: 'hash' | 'timelocked';
}

interface GlobalDraw {
  readonly yuma3On: boolean;
  readonly liquidAlphaOn: boolean;
  readonly kappaU16: number;
  readonly bondsPenaltyU16: number;
  readonly bondsMovingAveragePpm: number;
  readonly alphaA: number;
  readonly alphaB: number;
  readonly alphaSigmoidSteepness: number;
  readonly tempoBlocks: number;
  readonly activityCutoffFactorMilli: number;
  readonly maxAllowedValidators: number;
  readonly taoWeightRaw: bigint;
  readonly stakeThresholdRao: bigint;
  readonly emissionRao: bigint;
  readonly ownerDraw: number | null;
  readonly permitVector: 'full' | 'empty' | 'short';
  readonly lastUpdateVector: 'exact' | 'short' | 'long';
  readonly shortDraw: number;
  readonly weightStyle: 'agreeing' | 'uniform';
  readonly withBonds: boolean;
  readonly commitRevealWeightsEnabled: boolean;
  readonly commits: readonly CommitDraw[];
  readonly currentEpochIndex: number;
  readonly blockOffset: number;
  readonly lastStepKind: 'zero' | 'previous';
}

function globalArbitrary(o: EpochArbitraryOptions): fc.Arbitrary<GlobalDraw> {
  const u16 = fc.integer({ min: 0, max: 65535 });
  return fc.record({
    yuma3On: fc.boolean(),
    liquidAlphaOn: fc.boolean(),
    kappaU16: fc.oneof(fc.constant(32767), u16),
    bondsPenaltyU16: fc.oneof(fc.constant(65535), fc.constant(0), u16),
    // healthy: at most the owner's setter bound 975 000 (a ≥ 0.025, spec/yuma.md §4). A smaller EMA
    // coefficient a makes a·ΔB only a few thousand raw units on chain, and the column
    // normalisation that follows turns that quantisation into errors above 1e-6.
    bondsMovingAveragePpm: fc.oneof(fc.constant(900_000), fc.integer({ min: 0, max: o.healthy ? 975_000 : 1_000_000 })),
    alphaA: fc.integer({ min: 1638, max: 65535 }),
    alphaB: fc.integer({ min: 1638, max: 65535 }),
    alphaSigmoidSteepness: fc.oneof(fc.constant(1000), fc.integer({ min: -3000, max: 32767 })),
    tempoBlocks: fc.integer({ min: 1, max: 400 }),
    activityCutoffFactorMilli: fc.oneof(fc.constant(13_889), fc.integer({ min: 1000, max: 50_000 })),
    maxAllowedValidators: fc.integer({ min: 1, max: MAX_N + 4 }),
    taoWeightRaw: fc.oneof(fc.constant(0n), fc.constant(971_718_665_099_567_868n), fc.bigInt({ min: 0n, max: U64_MAX })),
    stakeThresholdRao: o.healthy
      ? fc.constant(0n)
      : fc.oneof({ weight: 3, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 13n }) }),
    emissionRao: fc.oneof(fc.constant(1_000_000_000n), fc.bigInt({ min: 0n, max: 10n ** 13n }), fc.bigInt({ min: 0n, max: U64_MAX })),
    ownerDraw: fc.option(fc.nat(), { freq: 3 }),
    permitVector: o.permutable
      ? fc.constantFrom<'full' | 'empty'>('full', 'full', 'full', 'full', 'full', 'full', 'full', 'full', 'full', 'empty')
      : fc.constantFrom<'full' | 'empty' | 'short'>('full', 'full', 'full', 'full', 'full', 'full', 'full', 'full', 'empty', 'short'),
    lastUpdateVector: o.permutable
      ? fc.constant<'exact'>('exact')
      : fc.constantFrom<'exact' | 'short' | 'long'>('exact', 'exact', 'exact', 'exact', 'exact', 'exact', 'short', 'long'),
    shortDraw: fc.nat(),
    weightStyle: fc.constantFrom<'agreeing' | 'uniform'>('agreeing', 'agreeing', 'uniform'),
    withBonds: fc.boolean(),
    commitRevealWeightsEnabled: fc.boolean(),
    commits: fc.array(
      fc.record({
        uid: fc.nat(),
        blocksAgo: fc.integer({ min: 0, max: 1200 }),
        epochsAgo: fc.integer({ min: 0, max: 3 }),
        kind: fc.constantFrom<'hash' | 'timelocked'>('hash', 'timelocked'),
      }),
      { maxLength: 6 },
    ),
    currentEpochIndex: fc.integer({ min: 3, max: 20 }),
    blockOffset: fc.integer({ min: 0, max: 10_000 }),
    lastStepKind: fc.constantFrom<'zero' | 'previous'>('zero', 'previous'),
  });
}

function uidArbitrary(o: EpochArbitraryOptions, maxN: number): fc.Arbitrary<UidDraw> {
  const maxCol = Math.max(0, maxN - 1);
  return fc.record({
    validator: fc.boolean(),
    // Log-uniform-ish stakes: a 10-digit mantissa times a power of ten, so ties are improbable.
    stakeMantissa: fc.bigInt({ min: 1_000_000_000n, max: 9_999_999_999n }),
    stakeExponent: o.healthy ? fc.integer({ min: 0, max: 2 }) : fc.integer({ min: 0, max: 6 }),
    zeroStake: fc.integer({ min: 0, max: 9 }).map((x) => x === 0),
    minerStake: o.healthy
      ? fc.constant(0n)
      : fc.oneof({ weight: 3, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: fc.bigInt({ min: 1n, max: 10n ** 12n }) }),
    rootStake: fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: o.healthy ? 10n ** 12n : 10n ** 16n })),
    permit: fc.integer({ min: 0, max: 9 }).map((x) => x !== 0),
    lastUpdateAgoMilli: fc.integer({ min: 0, max: 1000 }),
    recentRegistration: fc.integer({ min: 0, max: 5 }).map((x) => x === 0),
    registrationDraw: fc.nat(),
    quality: fc.integer({ min: 0, max: 1000 }),
    setsWeights: fc.integer({ min: 0, max: 4 }).map((x) => x === 0),
    entries: fc.array(
      fc.record({ col: fc.nat({ max: maxCol }), raw: fc.integer({ min: 0, max: 65535 }), noise: fc.integer({ min: -150, max: 150 }) }),
      { maxLength: maxN, size: 'max' },
    ),
    bondEntries: fc.array(fc.record({ col: fc.nat({ max: maxCol }), val: fc.integer({ min: 0, max: 65535 }) }), { maxLength: maxN }),
  });
}

/** Sorted by column, one entry per column (the first drawn wins). */
function sortedUnique<T extends { readonly col: number }>(entries: readonly T[], n: number): T[] {
  const byCol = new Map<number, T>();
  for (const e of entries) {
    const col = e.col % n;
    if (!byCol.has(col)) byCol.set(col, { ...e, col });
  }
  return [...byCol.values()].sort((a, b) => a.col - b.col);
}

function build(g: GlobalDraw, uids: readonly UidDraw[], o: EpochArbitraryOptions): EpochInputs {
  const n = uids.length;
  const currentBlock = 100_000 + g.blockOffset;
  const cutoff = Math.max(1, Math.floor((g.activityCutoffFactorMilli * g.tempoBlocks) / 1000));
  const blockAtRegistration = uids.map((u) =>
    u.recentRegistration ? currentBlock - (u.registrationDraw % (2 * g.tempoBlocks + 1)) : u.registrationDraw % (currentBlock >> 1),
  );
  const lastUpdateFull = uids.map((u, i) =>
    u.validator ? currentBlock - Math.floor((u.lastUpdateAgoMilli * 2 * cutoff) / 1000) : blockAtRegistration[i]!,
  );
  const alphaStakeRao = uids.map((u) => {
    if (!u.validator) return u.minerStake;
    if (u.zeroStake) return 0n;
    return u.stakeMantissa * 10n ** BigInt(u.stakeExponent);
  });
  const rootStakeRao = uids.map((u) => u.rootStake);
  const permitsFull = uids.map((u) => (u.validator ? u.permit : !u.permit));
  const validatorPermit =
    g.permitVector === 'full' ? permitsFull : g.permitVector === 'empty' ? [] : permitsFull.slice(0, n === 0 ? 0 : g.shortDraw % n);
  const lastUpdate =
    g.lastUpdateVector === 'exact'
      ? lastUpdateFull
      : g.lastUpdateVector === 'short'
        ? lastUpdateFull.slice(0, n === 0 ? 0 : g.shortDraw % n)
        : [...lastUpdateFull, currentBlock, currentBlock - 1];

  const weightRows: [number, number][][] = uids.map((u) => {
    if (n === 0 || !(u.validator || u.setsWeights)) return [];
    const chosen = sortedUnique(u.entries, n);
    if (chosen.length === 0) return [];
    const scores = chosen.map((e) =>
      g.weightStyle === 'uniform' ? e.raw : Math.max(0, Math.min(65535, uids[e.col]!.quality + e.noise)),
    );
    // Stored max-upscaled, as set_weights writes them.
    const stored = vecU16MaxUpscaleToU16(scores);
    return chosen.map((e, k) => [e.col, stored[k]!] as [number, number]);
  });
  const bondRows: [number, number][][] = uids.map((u) =>
    n === 0 || !g.withBonds ? [] : sortedUnique(u.bondEntries, n).map((e) => [e.col, e.val] as [number, number]),
  );
  const commits: WeightCommit[] =
    n === 0
      ? []
      : g.commits
          .map((c) => ({
            uid: c.uid % n,
            block: currentBlock - c.blocksAgo,
            epoch: g.currentEpochIndex - c.epochsAgo,
            kind: c.kind,
          }))
          .sort((a, b) => a.block - b.block);
  const hyperparameters: EpochHyperparameters = {
    ...NEW_SUBNET_EPOCH_HYPERPARAMETERS,
    tempoBlocks: g.tempoBlocks,
    kappaU16: g.kappaU16,
    bondsPenaltyU16: g.bondsPenaltyU16,
    bondsMovingAveragePpm: g.bondsMovingAveragePpm,
    yuma3On: g.yuma3On,
    liquidAlphaOn: g.liquidAlphaOn,
    alphaLowU16: Math.min(g.alphaA, g.alphaB),
    alphaHighU16: Math.max(g.alphaA, g.alphaB),
    alphaSigmoidSteepness: g.alphaSigmoidSteepness,
    activityCutoffFactorMilli: g.activityCutoffFactorMilli,
    maxAllowedValidators: g.maxAllowedValidators,
    commitRevealWeightsEnabled: g.commitRevealWeightsEnabled,
    revealPeriodEpochs: 1,
    stakeThresholdRao: g.stakeThresholdRao,
    taoWeightRaw: g.taoWeightRaw,
  };
  return {
    n,
    currentBlock,
    lastUpdate,
    blockAtRegistration,
    alphaStakeRao,
    rootStakeRao,
    ownerUid: g.ownerDraw === null || n === 0 ? null : g.ownerDraw % n,
    validatorPermit: o.permutable && g.permitVector !== 'empty' ? permitsFull : validatorPermit,
    weights: sparseFromRows(weightRows, n),
    bonds: sparseFromRows(bondRows, n),
    commits,
    currentEpochIndex: g.currentEpochIndex,
    lastMechanismStepBlock: g.lastStepKind === 'zero' ? 0 : currentBlock - g.tempoBlocks,
    emissionRao: g.emissionRao,
    hyperparameters,
  };
}

/** Random epoch inputs: n uids (default 0..24), validators with stake and permits, miners, weights, bonds. */
export function epochInputsArbitrary(o: EpochArbitraryOptions = {}): fc.Arbitrary<EpochInputs> {
  const minN = o.minN ?? 0;
  const maxN = o.maxN ?? MAX_N;
  const uid = uidArbitrary(o, maxN);
  return fc
    .tuple(globalArbitrary(o), fc.array(uid, { minLength: minN, maxLength: maxN, size: 'max' }))
    .map(([g, uids]) => build(g, uids, o));
}

// ---------------------------------------------------------------------------------------------
// Relabelling uids
// ---------------------------------------------------------------------------------------------

/** A uniformly random permutation of 0..n−1 (`perm[oldUid] = newUid`). */
export function permutationArbitrary(n: number): fc.Arbitrary<number[]> {
  const ids = Array.from({ length: n }, (_, i) => i);
  return fc.shuffledSubarray(ids, { minLength: n, maxLength: n });
}

function permuteVector<T>(v: readonly T[], perm: readonly number[]): T[] {
  const out = new Array<T>(v.length);
  for (let i = 0; i < v.length; i++) out[perm[i]!] = v[i]!;
  return out;
}

/** Row perm[i] holds old row i with every column c relabelled perm[c], re-sorted by column. */
function permuteMatrix(m: SparseMatrix, perm: readonly number[]): SparseMatrix {
  const rows = sparseToRows(m);
  const out: [number, number][][] = Array.from({ length: m.rowCount }, () => []);
  rows.forEach((row, i) => {
    out[perm[i]!] = row.map(([c, v]) => [perm[c]!, v] as [number, number]).sort((a, b) => a[0] - b[0]);
  });
  return sparseFromRows(out, m.rowCount);
}

/** The same subnet with uid i renamed perm[i] in every per-uid input. */
export function permuteInputs(inputs: EpochInputs, perm: readonly number[]): EpochInputs {
  return {
    ...inputs,
    lastUpdate: permuteVector(inputs.lastUpdate, perm),
    blockAtRegistration: permuteVector(inputs.blockAtRegistration, perm),
    alphaStakeRao: permuteVector(inputs.alphaStakeRao, perm),
    rootStakeRao: permuteVector(inputs.rootStakeRao, perm),
    ownerUid: inputs.ownerUid === null ? null : perm[inputs.ownerUid]!,
    validatorPermit: permuteVector(inputs.validatorPermit, perm),
    weights: permuteMatrix(inputs.weights, perm),
    bonds: permuteMatrix(inputs.bonds, perm),
    commits: inputs.commits.map((c) => ({ ...c, uid: perm[c.uid]! })),
  };
}

/** The cells of a sparse matrix as sorted `"row,col" → value` pairs, optionally relabelled. */
export function cells(m: SparseMatrix, perm?: readonly number[]): [string, number][] {
  const out: [string, number][] = [];
  sparseToRows(m).forEach((row, i) => {
    for (const [c, v] of row) {
      const r = perm ? perm[i]! : i;
      const cc = perm ? perm[c]! : c;
      out.push([`${r},${cc}`, v]);
    }
  });
  return out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Output helpers
// ---------------------------------------------------------------------------------------------


/** The trace's per-uid vectors (also compared by the fused float epoch's bit-identity test). */
export const TRACE_VECTORS = [
  'stake',
  'activeStake',
  'consensus',
  'validatorTrust',
  'incentive',
  'dividends',
  'normalizedServerEmission',
  'normalizedValidatorEmission',
  'normalizedCombinedEmission',
] as const;

const TRACE_MATRICES = ['weights', 'clippedWeights', 'weightsForBonds', 'emaBonds'] as const;

/**
 * Every number of the output is finite (no NaN, no ±∞), vectors have n entries, u16 outputs and
 * stored bonds are u16 integers, rao outputs are non-negative (and u64 in chain mode). Problems are
 * collected and asserted once: `expect` per element would dominate the runtime.
 */
export function expectWellFormed(o: EpochOutput, n: number): void {
  const problems: string[] = [];
  const check = (ok: boolean, what: () => string): void => {
    if (!ok && problems.length < 10) problems.push(what());
  };
  check(o.n === n, () => `n = ${o.n}, expected ${n}`);
  for (const key of TRACE_VECTORS) {
    const v = o.trace[key];
    check(v.length === n, () => `trace.${key} has length ${v.length}`);
    for (let i = 0; i < v.length; i++) check(Number.isFinite(v[i]), () => `trace.${key}[${i}] = ${v[i]}`);
  }
  const matrices: [string, SparseMatrix | null][] = TRACE_MATRICES.map((k) => [k, o.trace[k]]);
  matrices.push(['bondsDelta', o.trace.bondsDelta]);
  for (const [key, m] of matrices) {
    if (m === null) continue;
    for (let k = 0; k < m.val.length; k++) check(Number.isFinite(m.val[k]), () => `trace.${key} entry ${k} = ${m.val[k]}`);
  }
  const u16s = { stakeWeightU16: o.stakeWeightU16, consensusU16: o.consensusU16, incentiveU16: o.incentiveU16, dividendsU16: o.dividendsU16, validatorTrustU16: o.validatorTrustU16 };
  for (const [key, u] of Object.entries(u16s)) check(u.length === n, () => `${key} has length ${u.length}`);
  const raos = { serverEmissionRao: o.serverEmissionRao, validatorEmissionRao: o.validatorEmissionRao, emissionRao: o.emissionRao };
  for (const [key, r] of Object.entries(raos)) {
    check(r.length === n, () => `${key} has length ${r.length}`);
    for (let i = 0; i < r.length; i++) {
      const x = r[i]!;
      check(x >= 0n, () => `${key}[${i}] = ${x}`);
      // chain saturates rao to u64. float mode converts E with Number(E), which rounds an E near
      // 2^64 up to 2^64, so it can report 2^64 rao (> u64::MAX, and > E) — reported, not checked.
      if (o.mode === 'chain') check(x <= U64_MAX, () => `${key}[${i}] = ${x} exceeds u64`);
    }
  }
  for (let k = 0; k < o.bondsU16.val.length; k++) {
    const x = o.bondsU16.val[k]!;
    check(Number.isInteger(x) && x >= 0 && x <= 65535, () => `bondsU16 entry ${k} = ${x}`);
  }
  check(o.active.length === n, () => `active has length ${o.active.length}`);
  check(o.newValidatorPermit.length === n, () => `newValidatorPermit has length ${o.newValidatorPermit.length}`);
  expect(problems, `${o.mode}/${o.variant} output is malformed`).toEqual([]);
}

/** Value of a sparse matrix at (row, col): the last matching entry, 0 if absent. */
export function cellValue(m: SparseMatrix, row: number, col: number): number | undefined {
  let v: number | undefined;
  for (let k = m.rowStart[row]!; k < m.rowStart[row + 1]!; k++) if (m.col[k] === col) v = m.val[k]!;
  return v;
}
