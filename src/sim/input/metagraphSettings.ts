/**
 * The parts of a metagraph export that are not the neuron table — the subnet's hyperparameters
 * and its pool reserves — translated into scenario keys and units for `yumalab import-metagraph`
 * (the scenario key `subnets[].state` reads only the table: there, these live in the scenario).
 *
 * Hyperparameters come under the SDK's / chain's names and encodings (`kappa` as a u16,
 * `bonds_moving_avg` in ppm, `min_burn` in rao, `yuma_version` 2 or 3, …) and leave as the
 * scenario's `subnets[].hyperparameters` keys in its units (fractions in [0, 1], TAO, booleans);
 * each value is checked against that key's schema here, so a problem points at the export's line.
 * Names we do not simulate (rho, difficulty, serving_rate_limit, …) and the chain's deprecated
 * `activity_cutoff` become notes, not errors: an SDK export carries them all.
 */
import { RAO_PER_TAO, formatTao } from '../../primitives/units.ts';
import { HYPERPARAMETER_SCHEMAS, type HyperparameterName } from '../scenario/hyperparameterSchemas.ts';
import { describeValue as describe } from '../scenario/exactDecimal.ts';
import type { ParsedFile } from './readStructuredFile.ts';
import { amountRao, metagraphData, problemCollector } from './metagraphFile.ts';

/** How a value is encoded in the export. */
type Encoding = 'u16' | 'ppm' | 'integer' | 'boolean' | 'rao' | 'yuma_version';

interface Mapping {
  readonly key: HyperparameterName | 'tempo';
  readonly encoding: Encoding;
}

/** Export name → scenario key. Several names map to one key (SDK name first, then the chain's / ours). */
export const METAGRAPH_HYPERPARAMETERS: Readonly<Record<string, Mapping>> = {
  tempo: { key: 'tempo', encoding: 'integer' },
  kappa: { key: 'kappa', encoding: 'u16' },
  bonds_penalty: { key: 'bonds_penalty', encoding: 'u16' },
  bonds_moving_avg: { key: 'bonds_moving_average', encoding: 'ppm' },
  bonds_moving_average: { key: 'bonds_moving_average', encoding: 'ppm' },
  max_validators: { key: 'max_allowed_validators', encoding: 'integer' },
  max_allowed_validators: { key: 'max_allowed_validators', encoding: 'integer' },
  max_n: { key: 'max_allowed_uids', encoding: 'integer' },
  max_allowed_uids: { key: 'max_allowed_uids', encoding: 'integer' },
  immunity_period: { key: 'immunity_period', encoding: 'integer' },
  min_allowed_weights: { key: 'min_allowed_weights', encoding: 'integer' },
  weights_rate_limit: { key: 'weights_set_rate_limit', encoding: 'integer' },
  weights_set_rate_limit: { key: 'weights_set_rate_limit', encoding: 'integer' },
  commit_reveal_weights_enabled: { key: 'commit_reveal_weights_enabled', encoding: 'boolean' },
  commit_reveal_period: { key: 'reveal_period', encoding: 'integer' },
  reveal_period: { key: 'reveal_period', encoding: 'integer' },
  liquid_alpha_enabled: { key: 'liquid_alpha_enabled', encoding: 'boolean' },
  alpha_high: { key: 'alpha_high', encoding: 'u16' },
  alpha_low: { key: 'alpha_low', encoding: 'u16' },
  alpha_sigmoid_steepness: { key: 'alpha_sigmoid_steepness', encoding: 'integer' },
  yuma_version: { key: 'yuma3_on', encoding: 'yuma_version' },
  yuma3: { key: 'yuma3_on', encoding: 'boolean' },
  yuma3_enabled: { key: 'yuma3_on', encoding: 'boolean' },
  yuma3_on: { key: 'yuma3_on', encoding: 'boolean' },
  activity_cutoff_factor_milli: { key: 'activity_cutoff_factor_milli', encoding: 'integer' },
  burn: { key: 'burn', encoding: 'rao' },
  min_burn: { key: 'min_burn', encoding: 'rao' },
  max_burn: { key: 'max_burn', encoding: 'rao' },
};

/** Reasons given for names that are known but deliberately not imported. */
const NOT_IMPORTED: Readonly<Record<string, string>> = {
  activity_cutoff: "the epoch at 14bc6f9 reads ActivityCutoffFactorMilli, not the deprecated ActivityCutoff; add 'activity_cutoff_factor_milli' to import it",
};

/** Pool reserves when the export gives none: 10,000 TAO against 10,000 alpha (price 1, as a new subnet starts). */
export const DEFAULT_IMPORT_POOL_RAO = { taoRao: 10_000n * RAO_PER_TAO, alphaRao: 10_000n * RAO_PER_TAO } as const;

export interface MetagraphSettings {
  /** `Tempo`, blocks; null when the export gives none. */
  readonly tempoBlocks: number | null;
  /** `subnets[].hyperparameters` entries in scenario units, in the order of the scenario's table. */
  readonly hyperparameters: readonly (readonly [HyperparameterName, number | boolean | string])[];
  /** Pool reserves (rao / alpha-rao); null = the export gives none. */
  readonly pool: { readonly taoRao: bigint; readonly alphaRao: bigint } | null;
  /** One line per thing of the export that was left out, for the user to read. */
  readonly notes: readonly string[];
}

/** u16 / 65535 as a decimal that the scenario's rounding (nearest u16) turns back into exactly `u`. */
export function u16Fraction(u: number): string {
  return (u / 65535).toFixed(9).replace(/\.?0+$/, '');
}


/** Reads the hyperparameters and pool reserves of a parsed export; problems are `file:line:col` lines. */
export function readMetagraphSettings(parsed: ParsedFile): { settings: MetagraphSettings; problems: string[] } {
  const { problems, at } = problemCollector(parsed);
  const notes: string[] = [];
  const data = metagraphData(parsed, () => undefined) ?? {};
  const values = new Map<string, { value: number | boolean | string; from: string }>();
  let tempoBlocks: number | null = null;

  const h = data.hyperparameters;
  if (h !== undefined && (h === null || typeof h !== 'object' || Array.isArray(h))) at(['hyperparameters'], `expected a mapping of hyperparameters, got ${describe(h)}`);
  else if (h !== undefined) {
    for (const [name, raw] of Object.entries(h as Record<string, unknown>)) {
      const path = ['hyperparameters', name];
      const m = METAGRAPH_HYPERPARAMETERS[name];
      if (m === undefined) {
        notes.push(`hyperparameters.${name}: ${NOT_IMPORTED[name] ?? 'not simulated; ignored'}`);
        continue;
      }
      const prior = values.get(m.key);
      if (prior !== undefined) {
        at(path, `${m.key} is already given as hyperparameters.${prior.from}`);
        continue;
      }
      const value = convert(raw, m.encoding, (message) => at(path, message));
      if (value === null) continue;
      if (m.key === 'tempo') {
        if (typeof value !== 'number' || value < 1 || value > 65535) at(path, `expected a tempo in [1, 65535] blocks, got ${describe(raw)}`);
        else tempoBlocks = value;
        values.set(m.key, { value, from: name });
        continue;
      }
      // The scenario key's own schema: ranges and types exactly as `hyperparameters:` checks them.
      const parsedValue = HYPERPARAMETER_SCHEMAS[m.key].safeParse(value);
      if (!parsedValue.success) {
        at(path, `${parsedValue.error.issues[0]?.message ?? 'invalid value'} (as ${m.key}: ${String(value)})`);
        continue;
      }
      values.set(m.key, { value, from: name });
    }
  }

  const pool = readPool(data, at);
  const order = Object.keys(HYPERPARAMETER_SCHEMAS) as HyperparameterName[];
  const hyperparameters = order.filter((k) => values.has(k)).map((k) => [k, values.get(k)!.value] as const);
  return { settings: { tempoBlocks, hyperparameters, pool, notes }, problems };
}

/** One exported value → the scenario's unit; null after reporting why it cannot be read. */
function convert(raw: unknown, encoding: Encoding, fail: (message: string) => void): number | boolean | string | null {
  switch (encoding) {
    case 'boolean':
      if (typeof raw === 'boolean') return raw;
      fail(`expected true or false, got ${describe(raw)}`);
      return null;
    case 'yuma_version':
      if (raw === 2 || raw === 3) return raw === 3;
      fail(`expected 2 or 3, got ${describe(raw)}`);
      return null;
    case 'integer':
      if (typeof raw === 'number' && Number.isInteger(raw)) return raw;
      fail(`expected an integer, got ${describe(raw)}`);
      return null;
    case 'u16':
      // The chain and the SDK report these as u16 integers; a value in [0, 1] (1.0 included, which
      // JSON cannot tell from 1) is the fraction itself — u16 1 would be a meaningless 1/65535.
      if (typeof raw === 'number' && raw >= 0 && raw <= 1) return raw;
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 65535) return u16Fraction(raw);
      fail(`expected a u16 integer (0..65535) or a fraction in [0, 1], got ${describe(raw)}`);
      return null;
    case 'ppm':
      if (typeof raw === 'number' && raw >= 0 && raw <= 1) return raw;
      if (typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 && raw <= 1_000_000) return (raw / 1_000_000).toFixed(6).replace(/\.?0+$/, '');
      fail(`expected parts per million (0..1000000) or a fraction in [0, 1], got ${describe(raw)}`);
      return null;
    case 'rao':
      if (typeof raw === 'number' && Number.isSafeInteger(raw) && raw >= 0) return formatTao(BigInt(raw));
      if (typeof raw === 'string' && /^\d+$/.test(raw)) return formatTao(BigInt(raw));
      fail(`expected an amount in rao (a non-negative integer), got ${describe(raw)}`);
      return null;
  }
}

/** `tao_in` and `alpha_in` at the top level or under `pool`; both or neither. */
function readPool(data: Record<string, unknown>, at: (path: readonly PropertyKey[], message: string) => void): MetagraphSettings['pool'] {
  let base: Record<string, unknown> = data;
  let prefix: string[] = [];
  const p = data.pool;
  if (p !== undefined) {
    if (p === null || typeof p !== 'object' || Array.isArray(p)) {
      at(['pool'], `expected a mapping with tao_in and alpha_in, got ${describe(p)}`);
      return null;
    }
    if ('tao_in' in data || 'alpha_in' in data) {
      at(['pool'], 'give tao_in and alpha_in once: at the top level or under pool, not both');
      return null;
    }
    base = p as Record<string, unknown>;
    prefix = ['pool'];
  }
  const hasTao = base.tao_in !== undefined;
  const hasAlpha = base.alpha_in !== undefined;
  if (!hasTao && !hasAlpha) return null;
  if (hasTao !== hasAlpha) {
    at([...prefix, hasTao ? 'tao_in' : 'alpha_in'], `give both tao_in and alpha_in (the pool's reserves), or neither`);
    return null;
  }
  const taoRao = amountRao(base.tao_in, [...prefix, 'tao_in'], at);
  const alphaRao = amountRao(base.alpha_in, [...prefix, 'alpha_in'], at);
  if (taoRao === null || alphaRao === null) return null;
  if (taoRao === 0n || alphaRao === 0n) {
    at([...prefix, taoRao === 0n ? 'tao_in' : 'alpha_in'], 'a pool reserve must be more than 0');
    return null;
  }
  return { taoRao, alphaRao };
}
