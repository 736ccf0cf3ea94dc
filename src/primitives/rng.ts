/**
 * The project's only source of randomness (DESIGN.md "Determinism contract"; habit 9 forbids the
 * global random function and clock reads everywhere else, and consensus may not import this file).
 *
 * Every generator is identified by a seed string. Substreams are derived by name, not by drawing
 * from the parent: `stream(label)` seeds a fresh generator from `${seedString}/${label}`. So the
 * draws of `agent/7` depend only on the run seed and the label — adding an agent, or drawing more
 * from the parent, never shifts anyone else's sequence.
 *
 * The engine is seedrandom's `alea` (research/stack.md §4): string seeds, an 86-byte JSON state
 * that checkpoints exactly, and fast enough for agent decisions. Never the default ARC4 (5× slower).
 */
import seedrandom from 'seedrandom';
import { assert } from './assert.ts';

type AleaPrng = seedrandom.StatefulPRNG<seedrandom.State.Alea>;

/** A plain JSON-serialisable snapshot; `Rng.restore(save())` continues the exact sequence. */
export interface RngState {
  /** Names the algorithm so a future engine change fails loudly instead of replaying garbage. */
  readonly algorithm: 'alea';
  readonly seed: string;
  readonly alea: { readonly c: number; readonly s0: number; readonly s1: number; readonly s2: number };
}

const TWO_POW_32 = 0x1_0000_0000;

export class Rng {
  /** The seed this generator was created from; substreams extend it with `/label`. */
  readonly seedString: string;
  readonly #prng: AleaPrng;

  private constructor(seedString: string, prng: AleaPrng) {
    this.seedString = seedString;
    this.#prng = prng;
  }

  /**
   * The seed is identified by `String(seed)`, so `fromSeed(42)`, `fromSeed(42n)` and
   * `fromSeed('42')` are the same generator — a seed typed in YAML or on the CLI reproduces a
   * seed given in code.
   */
  static fromSeed(seed: string | number | bigint): Rng {
    assert(
      typeof seed === 'string' || typeof seed === 'bigint' || (typeof seed === 'number' && Number.isFinite(seed)),
      `Rng seed must be a string, bigint or finite number, got ${String(seed)}`,
    );
    const seedString = String(seed);
    // `{ state: true }` must be written literally: the overload that returns `.state()` keys on it.
    return new Rng(seedString, seedrandom.alea(seedString, { state: true }));
  }

  static restore(state: RngState): Rng {
    assert(state.algorithm === 'alea', () => `cannot restore an Rng saved with algorithm ${String(state.algorithm)}`);
    assert(typeof state.seed === 'string', 'Rng state has no seed string');
    assert(typeof state.alea === 'object' && state.alea !== null, 'Rng state has no alea fields');
    const { c, s0, s1, s2 } = state.alea;
    for (const [key, value] of Object.entries({ c, s0, s1, s2 })) {
      assert(Number.isFinite(value), () => `Rng state field alea.${key} must be a finite number, got ${String(value)}`);
    }
    // alea copies the fields out of the object, so the caller's state is not aliased.
    return new Rng(state.seed, seedrandom.alea('', { state: { c, s0, s1, s2 } }));
  }

  /**
   * An independent generator named `label` under this one. It depends only on the seed strings,
   * never on how much was drawn here. Labels compose like paths: `stream('agent').stream('7')`
   * is the same generator as `stream('agent/7')`, and as `Rng.fromSeed(`${seed}/agent/7`)`.
   */
  stream(label: string): Rng {
    assert(label.length > 0, 'Rng stream label must not be empty');
    return Rng.fromSeed(`${this.seedString}/${label}`);
  }

  save(): RngState {
    const { c, s0, s1, s2 } = this.#prng.state();
    return { algorithm: 'alea', seed: this.seedString, alea: { c, s0, s1, s2 } };
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    return this.#prng.int32() >>> 0;
  }

  /** Uniform float in [0, 1) with 53 bits of resolution (two alea steps). */
  nextFloat(): number {
    return this.#prng.double();
  }

  /**
   * Uniform integer in [minInclusive, maxExclusive), unbiased: draws that fall in the final,
   * incomplete copy of the range are rejected instead of folded in with `%`. The range may be
   * as wide as 2^32.
   */
  nextInt(minInclusive: number, maxExclusive: number): number {
    assert(
      Number.isSafeInteger(minInclusive) && Number.isSafeInteger(maxExclusive),
      `nextInt bounds must be safe integers, got [${minInclusive}, ${maxExclusive})`,
    );
    assert(maxExclusive > minInclusive, () => `nextInt needs max > min, got [${minInclusive}, ${maxExclusive})`);
    const range = maxExclusive - minInclusive;
    assert(range <= TWO_POW_32, () => `nextInt range must be at most 2^32, got ${range}`);
    // The largest multiple of `range` that fits in 2^32; uint32 draws below it map evenly.
    const limit = TWO_POW_32 - (TWO_POW_32 % range);
    let draw = this.nextUint32();
    while (draw >= limit) draw = this.nextUint32();
    return minInclusive + (draw % range);
  }

  /**
   * Normal deviate by Box–Muller. Each call consumes exactly two `nextFloat` draws and the sine
   * half is discarded: with no cached spare the saved state is just alea's, and the number of
   * draws per call never depends on call parity. Math.log/cos/sin are V8's software (fdlibm)
   * ports, so results are identical across machines for a given Node version.
   */
  nextNormal(mean = 0, sd = 1): number {
    assert(Number.isFinite(mean) && Number.isFinite(sd) && sd >= 0, () => `nextNormal needs finite mean and sd >= 0, got (${mean}, ${sd})`);
    // 1 - u lies in (0, 1], so the logarithm is finite.
    const u1 = 1 - this.nextFloat();
    const u2 = this.nextFloat();
    const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    return mean + sd * z;
  }

  /** True with probability p (p = 0 never, p = 1 always). One `nextFloat` draw. */
  nextBool(p = 0.5): boolean {
    assert(p >= 0 && p <= 1, () => `nextBool probability must be in [0, 1], got ${p}`);
    return this.nextFloat() < p;
  }

  /** A shuffled copy (Fisher–Yates); the input is not modified. */
  shuffle<T>(array: readonly T[]): T[] {
    const result = array.slice();
    for (let i = result.length - 1; i > 0; i--) {
      const j = this.nextInt(0, i + 1);
      const held = result[i] as T;
      result[i] = result[j] as T;
      result[j] = held;
    }
    return result;
  }

  /** One uniformly chosen element; the array must not be empty. */
  pick<T>(array: readonly T[]): T {
    assert(array.length > 0, 'cannot pick from an empty array');
    return array[this.nextInt(0, array.length)] as T;
  }
}
