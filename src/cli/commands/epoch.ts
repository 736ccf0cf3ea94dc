/**
 * `yumalab epoch <state.json> [--mode chain|float] [--variant NAME] [--emission RAO]
 *  [--mechanism M] [--trace]` — runs one epoch on an explicit subnet state and prints every output
 * as JSON.
 */
import { parseArgs } from 'node:util';
import type { EpochArithmetic } from '../../consensus/epoch/arithmetic.ts';
import { runSubnetEpoch } from '../../consensus/epoch/mechanisms.ts';
import { arithmeticFor } from '../../consensus/epoch/runEpoch.ts';
import { sparseToRows, type SparseMatrix } from '../../consensus/epoch/sparseMatrix.ts';
import type { EpochOutput, EpochTrace } from '../../consensus/epoch/types.ts';
import { epochVariantNames, findEpochVariant } from '../../consensus/epoch/variants.ts';
import { readEpochStateFile } from '../../sim/input/epochStateFile.ts';
import { compactJson } from '../compactJson.ts';
import { UsageError, parseNumericMode } from '../usageError.ts';

export const EPOCH_USAGE = `usage: yumalab epoch <state.json|yaml> [options]

Runs one Yuma Consensus epoch on the subnet state in the file and prints all outputs as JSON.
The file holds {"hyperparameters": {...}, "state": {...}, "emission_rao": "...", "mechanism": m}
in the shape of the conformance 'epoch' kind; missing hyperparameters take new-subnet defaults.
  --mode MODE       chain (bit-exact, default) or float
  --variant NAME    epoch variant (default: the chain's choice from yuma3_on): ${epochVariantNames().join(', ')}
  --emission RAO    emission handed to the epoch (default: the file's emission_rao, else 1e9)
  --mechanism M     run only mechanism M with the whole emission
  --trace           include every intermediate vector and matrix
Exit code: 0 success, 2 bad input.`;

function rowsJson(m: SparseMatrix, toJson: (v: number) => unknown): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  sparseToRows(m).forEach((row, i) => {
    if (row.length > 0) out[String(i)] = row.map(([c, v]) => [c, toJson(v)]);
  });
  return out;
}

function traceJson(ar: EpochArithmetic, t: EpochTrace): Record<string, unknown> {
  // chain mode: exact I32F32 raws as strings; float mode: the fractions.
  const value = (v: number): unknown => (ar.mode === 'chain' ? String(v) : v);
  const vec = (x: Float64Array): unknown[] => Array.from(x, value);
  const mat = (m: SparseMatrix | null): unknown => (m === null ? null : rowsJson(m, value));
  return {
    representation: ar.mode === 'chain' ? 'I32F32 raw (value × 2^32)' : 'fraction',
    stake: vec(t.stake),
    active_stake: vec(t.activeStake),
    weights: mat(t.weights),
    consensus: vec(t.consensus),
    clipped_weights: mat(t.clippedWeights),
    validator_trust: vec(t.validatorTrust),
    incentive: vec(t.incentive),
    weights_for_bonds: mat(t.weightsForBonds),
    bonds_delta: mat(t.bondsDelta),
    ema_bonds: mat(t.emaBonds),
    dividends: vec(t.dividends),
    normalized_server_emission: vec(t.normalizedServerEmission),
    normalized_validator_emission: vec(t.normalizedValidatorEmission),
    normalized_combined_emission: vec(t.normalizedCombinedEmission),
  };
}

function mechanismJson(o: EpochOutput, withTrace: boolean): Record<string, unknown> {
  return {
    variant: o.variant,
    incentive: Array.from(o.incentiveU16),
    bonds: rowsJson(o.bondsU16, (v) => v),
    ...(withTrace ? { trace: traceJson(arithmeticFor(o.mode), o.trace) } : {}),
  };
}

export function epochCommand(argv: readonly string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      mode: { type: 'string' },
      variant: { type: 'string' },
      emission: { type: 'string' },
      mechanism: { type: 'string' },
      trace: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(EPOCH_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('epoch: give exactly one state file');
  const mode = parseNumericMode(values.mode);
  if (values.variant !== undefined && findEpochVariant(values.variant) === undefined) {
    throw new UsageError(`--variant: unknown variant '${values.variant}' (known: ${epochVariantNames().join(', ')})`);
  }
  if (values.emission !== undefined && !/^\d+$/.test(values.emission)) throw new UsageError(`--emission must be a whole number of rao, got '${values.emission}'`);
  if (values.mechanism !== undefined && !/^\d+$/.test(values.mechanism)) throw new UsageError(`--mechanism must be a mechanism index, got '${values.mechanism}'`);
  const file = readEpochStateFile(
    positionals[0]!,
    values.emission === undefined ? undefined : BigInt(values.emission),
    values.mechanism === undefined ? undefined : Number(values.mechanism),
  );
  const options = { mode, ...(values.variant === undefined ? {} : { variant: values.variant }) };
  const only = file.mechanism;
  const result =
    only === null
      ? runSubnetEpoch(file.mechanismCount, file.emissionRao, file.inputsFor, options)
      : runSubnetEpoch(1, file.emissionRao, (_m, e) => file.inputsFor(only, e), options);
  const mechanismIds = only === null ? result.mechanisms.map((_o, m) => m) : [only];
  const json = {
    mode,
    block: String(file.block),
    n: result.n,
    emission_rao: String(file.emissionRao),
    outputs: {
      active: result.active,
      validator_permit: result.newValidatorPermit,
      stake_weight: Array.from(result.stakeWeightU16),
      consensus: Array.from(result.consensusU16),
      dividends: Array.from(result.dividendsU16),
      validator_trust: Array.from(result.validatorTrustU16),
      server_emission: result.serverEmissionRao.map(String),
      validator_emission: result.validatorEmissionRao.map(String),
      emission: result.emissionRao.map(String),
    },
    mechanisms: Object.fromEntries(
      result.mechanisms.map((o, k) => [String(mechanismIds[k]), { emission_rao: String(result.mechanismEmissionRao[k]), ...mechanismJson(o, values.trace) }]),
    ),
  };
  out(compactJson(json));
  return 0;
}
