/**
 * A replay file (issue 4 item 4): explicit per-epoch stakes and weights that drive one subnet
 * instead of agents, so known cases and archived chain data can be run through any Yuma variant.
 *
 *   {"epochs": [{"stakes_tao": [s_0, …, s_{V+M−1}], "weights": [[w_0V, …], …]}, …]}
 *
 * Row i of `weights` is validator UID i (0 ≤ i < V); column j is miner UID V + j. Stakes are TAO
 * (numbers or decimal strings, exact to the rao); weights are non-negative numbers, max-upscaled to
 * u16 per row as `set_weights` does. V and M are the same in every epoch. Errors name
 * `file:line:col: key.path`.
 */
import { z } from 'zod';
import { parseTao, UnitParseError } from '../../primitives/units.ts';
import { formatPath, InputError, parseStructuredFile, positionOf, validateWith } from '../input/readStructuredFile.ts';

export interface ReplayEpoch {
  /** Stake of each UID, rao. */
  readonly stakesRao: readonly bigint[];
  /** V rows of M weights. */
  readonly weights: readonly (readonly number[])[];
}

export interface ReplayData {
  readonly file: string;
  readonly validators: number;
  readonly miners: number;
  readonly epochs: readonly ReplayEpoch[];
}

const stake = z.union([z.number().nonnegative('stake must not be negative'), z.string().regex(/^\d+(\.\d{1,9})?$/, 'expected a non-negative TAO amount with at most 9 decimals')]);
const weight = z.number().nonnegative('weights must not be negative').refine(Number.isFinite, 'expected a finite number');
const schema = z.strictObject({
  epochs: z
    .array(z.strictObject({ stakes_tao: z.array(stake).min(2, 'at least one validator and one miner'), weights: z.array(z.array(weight)).min(1, 'at least one validator row') }))
    .min(1, 'at least one epoch'),
});

export function loadReplayFile(file: string): ReplayData {
  const parsed = parseStructuredFile(file);
  const raw = validateWith(parsed, schema);
  const first = raw.epochs[0]!;
  const validators = first.weights.length;
  const miners = first.stakes_tao.length - validators;
  const problems: string[] = [];
  const at = (path: PropertyKey[], message: string): void => {
    problems.push(`${file}:${positionOf(parsed, path)}: ${formatPath(path)}: ${message}`);
  };
  if (miners < 1) at(['epochs', 0, 'stakes_tao'], `${first.stakes_tao.length} stakes for ${validators} validator rows leave no miner`);
  raw.epochs.forEach((e, k) => {
    if (e.weights.length !== validators) at(['epochs', k, 'weights'], `${e.weights.length} validator rows; epoch 0 has ${validators}`);
    if (e.stakes_tao.length !== validators + miners) at(['epochs', k, 'stakes_tao'], `${e.stakes_tao.length} stakes; expected ${validators + miners} (V + M)`);
    e.weights.forEach((row, i) => {
      if (row.length !== miners) at(['epochs', k, 'weights', i], `${row.length} weights; expected one per miner (${miners})`);
    });
  });
  // JSON numbers reach parseTao as their shortest decimal text, so 1e-10 or 0.0000000001 TAO
  // (below the rao) are refused here with the file position rather than silently rounded.
  const epochs = raw.epochs.map((e, k) => ({
    stakesRao: e.stakes_tao.map((s, uid) => {
      try {
        return parseTao(s);
      } catch (err) {
        if (!(err instanceof UnitParseError)) throw err;
        at(['epochs', k, 'stakes_tao', uid], err.message);
        return 0n;
      }
    }),
    weights: e.weights,
  }));
  if (problems.length > 0) throw new InputError(problems);
  return { file, validators, miners, epochs };
}
