/**
 * Shared builders for the epoch unit tests: compact epoch inputs, I32F32 helpers and a bigint
 * reference for the fixed-point operations the tests recompute by hand.
 */
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS } from '../../../../src/consensus/epoch/defaults.ts';
import { sparseFromRows, sparseToRows, type SparseMatrix, type SparseRow } from '../../../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochHyperparameters, EpochInputs, WeightCommit } from '../../../../src/consensus/epoch/types.ts';

/** Raw of 1.0 in I32F32. */
export const ONE = 2 ** 32;
export const HALF = 2 ** 31;

/** floor(a·b / 2^32) on exact integers (the I32F32 multiply). */
export function mulRef(a: number, b: number): number {
  return Number((BigInt(a) * BigInt(b)) >> 32n);
}

/** trunc(a·2^32 / b), 0 when b = 0 (I32F32 safe_div). */
export function divRef(a: number, b: number): number {
  if (b === 0) return 0;
  return Number((BigInt(a) << 32n) / BigInt(b));
}

/** Hyperparameters for tests: a new subnet, with Yuma3 off, commit-reveal off and no root weight. */
export const TEST_HYPERPARAMETERS: EpochHyperparameters = {
  ...NEW_SUBNET_EPOCH_HYPERPARAMETERS,
  yuma3On: false,
  commitRevealWeightsEnabled: false,
  taoWeightRaw: 0n,
};

export interface InputsSpec {
  readonly n: number;
  readonly block?: number;
  readonly stake?: readonly (bigint | number)[];
  readonly rootStake?: readonly (bigint | number)[];
  readonly lastUpdate?: readonly number[];
  readonly blockAtRegistration?: readonly number[];
  readonly permit?: readonly boolean[];
  readonly owner?: number | null;
  readonly weights?: Readonly<Record<number, SparseRow>>;
  readonly bonds?: Readonly<Record<number, SparseRow>>;
  readonly commits?: readonly WeightCommit[];
  readonly currentEpochIndex?: number;
  readonly lastMechanismStepBlock?: number;
  readonly emission?: bigint;
  readonly hp?: Partial<EpochHyperparameters>;
}

export function rowsOf(map: Readonly<Record<number, SparseRow>> | undefined, n: number): SparseMatrix {
  const rows: SparseRow[] = [];
  for (let i = 0; i < n; i++) rows.push(map?.[i] ?? []);
  return sparseFromRows(rows, n);
}

/**
 * Epoch inputs with test defaults: block 1000, every uid updated at 999 and registered at 1,
 * every stored permit set, no owner, no weights or bonds, 1e9 rao emission.
 */
export function makeInputs(spec: InputsSpec): EpochInputs {
  const n = spec.n;
  return {
    n,
    currentBlock: spec.block ?? 1000,
    lastUpdate: spec.lastUpdate ?? Array.from({ length: n }, () => 999),
    blockAtRegistration: spec.blockAtRegistration ?? Array.from({ length: n }, () => 1),
    alphaStakeRao: (spec.stake ?? Array.from({ length: n }, () => 1_000_000_000n)).map((x) => BigInt(x)),
    rootStakeRao: (spec.rootStake ?? Array.from({ length: n }, () => 0n)).map((x) => BigInt(x)),
    ownerUid: spec.owner ?? null,
    validatorPermit: spec.permit ?? Array.from({ length: n }, () => true),
    weights: rowsOf(spec.weights, n),
    bonds: rowsOf(spec.bonds, n),
    commits: spec.commits ?? [],
    currentEpochIndex: spec.currentEpochIndex ?? 0,
    lastMechanismStepBlock: spec.lastMechanismStepBlock ?? 0,
    emissionRao: spec.emission ?? 1_000_000_000n,
    hyperparameters: { ...TEST_HYPERPARAMETERS, ...spec.hp },
  };
}

/** Rows of a matrix as plain arrays (for `toEqual`). */
export function rows(m: SparseMatrix): [number, number][][] {
  return sparseToRows(m);
}

/** A plain array copy of a typed vector. */
export function vec(x: Float64Array | Uint16Array): number[] {
  return Array.from(x);
}

/**
 * A four-uid subnet shared by several step tests: validators 0 and 1 (stakes `a` and `b`), miners
 * 2 and 3. Validator 0 splits its weight evenly between the miners, validator 1 weights only
 * miner 2.
 */
export function twoValidators(a: number, b: number, hp: Partial<EpochHyperparameters> = {}): EpochInputs {
  return makeInputs({
    n: 4,
    stake: [a, b, 0, 0],
    permit: [true, true, false, false],
    weights: { 0: [[2, 65535], [3, 65535]], 1: [[2, 65535]] },
    hp,
  });
}

/** Raw of κ = 32767/65535. */
export const DEFAULT_KAPPA_RAW = Number((32767n << 32n) / 65535n);

/** The chain's normalised stake a/(a+b) for two validators. */
export function share(a: number, b: number): number {
  return Number((BigInt(a) << 32n) / BigInt(a + b));
}
