/**
 * A subnet metagraph export (issue 8 part 5): the neuron table of one subnet at one block, under
 * the Bittensor SDK's metagraph attribute names, as `yumalab import-metagraph` and the scenario key
 * `subnets[].state` read it. scenarios/README.md (*Importing a metagraph*) documents the shape:
 *
 *   { "netuid": 7, "block": 4200000, "uids": [0, …], "hotkeys": […], "coldkeys": […],
 *     "S" | "stake" | "alpha_stake" (+ "tao_stake"): […],  "W" | "weights": […],  "B" | "bonds": […],
 *     "last_update": […], "block_at_registration": […], "validator_permit": […] }
 *
 * Stakes are TAO / alpha amounts (JSON numbers are rounded to the rao, strings are exact); weight
 * and bond matrices are dense n × n rows (the SDK's `W`, `B`) or sparse `[[uid, value], …]` rows
 * (the chain's storage, `neuron.weights`), in u16 integers or fractions. What comes out is what the
 * chain would store: weight rows max-upscaled to u16 as `set_weights` stores them, bond rows u16.
 *
 * Keys this table does not read (`hyperparameters`, pool reserves, the SDK's `axons`, `trust`, …)
 * are listed in `otherKeys`; metagraphSettings.ts reads the first two for the importer. Every
 * problem is one line `file:line:col: key.path: message`, all collected before throwing.
 */
import type { Row } from '../../consensus/chain/subnetNeurons.ts';
import { weightRow } from '../../consensus/chain/setWeights.ts';
import { parseTao, UnitParseError } from '../../primitives/units.ts';
import { describeValue as describe } from '../scenario/exactDecimal.ts';
import { formatPath, InputError, parseStructuredFile, positionOf, type ParsedFile } from './readStructuredFile.ts';

export type MatrixEncoding = 'u16' | 'fraction';

export interface MetagraphNeuron {
  readonly hotkey: string;
  readonly coldkey: string;
  /** Stake on the subnet, alpha-rao. */
  readonly alphaStakeRao: bigint;
  /** TAO the hotkey holds on root (`tao_stake`, unweighted), rao; 0 when the file gives no split. */
  readonly rootStakeRao: bigint;
  /** `LastUpdate`, absolute chain block (≤ the snapshot block). */
  readonly lastUpdateBlock: number;
  /** `BlockAtRegistration`, absolute chain block (≤ the snapshot block). */
  readonly registrationBlock: number;
  readonly validatorPermit: boolean;
  /** The stored weight row: `[uid, u16]`, max-upscaled as `set_weights` stores it. */
  readonly weights: Row;
  /** The stored bond row: `[uid, u16]`, zero entries left out. */
  readonly bonds: Row;
}

export interface Metagraph {
  readonly file: string;
  readonly netuid: number;
  readonly block: number;
  /** In UID order. */
  readonly neurons: readonly MetagraphNeuron[];
  /** `SubnetOwnerHotkey`'s UID (the file's `owner_hotkey`, else UID 0's hotkey). */
  readonly ownerUid: number;
  readonly ownerColdkey: string;
  /** Stake keys read (`S`, `stake`, or `alpha_stake` with `tao_stake` if given). */
  readonly stakeKeys: readonly string[];
  /** How the weight and bond matrices were read; null = absent or empty (no rows recorded). */
  readonly weightsEncoding: MatrixEncoding | null;
  readonly bondsEncoding: MatrixEncoding | null;
  /** Top-level keys the neuron table does not read, in file order. */
  readonly otherKeys: readonly string[];
  /** Keys of the table that were present but not used (S beside alpha_stake), one line each. */
  readonly notes: readonly string[];
}

/** Keys the neuron table reads (aliases included). */
const TABLE_KEYS = new Set([
  'netuid',
  'block',
  'n',
  'uids',
  'hotkeys',
  'coldkeys',
  'S',
  'stake',
  'alpha_stake',
  'tao_stake',
  'W',
  'weights',
  'B',
  'bonds',
  'weights_encoding',
  'bonds_encoding',
  'last_update',
  'block_at_registration',
  'validator_permit',
  'owner_hotkey',
  'owner_coldkey',
]);

/** Hotkeys and coldkeys become ids, CSV cells and scenario references: the scenario's name rule. */
const ACCOUNT = /^[A-Za-z0-9][A-Za-z0-9._\-/]*$/;

/** Largest amount a JSON number may give: above it `toFixed` leaves exact decimal notation. */
const MAX_AMOUNT_NUMBER = 1e15;

export type ProblemAt = (path: readonly PropertyKey[], message: string) => void;

/** A collector of `file:line:col: key.path: message` lines for one parsed file. */
export function problemCollector(parsed: ParsedFile): { problems: string[]; at: ProblemAt } {
  const problems: string[] = [];
  return { problems, at: (path, message) => problems.push(`${parsed.file}:${positionOf(parsed, path)}: ${formatPath(path)}: ${message}`) };
}

/**
 * A TAO or alpha amount: a JSON number rounded to the nearest rao (the SDK writes float32 values
 * such as 1234.56787109375), or a decimal string read exactly. Null after reporting a problem.
 */
export function amountRao(v: unknown, path: readonly PropertyKey[], at: ProblemAt): bigint | null {
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || v < 0 || v > MAX_AMOUNT_NUMBER) {
      at(path, `expected an amount in [0, ${MAX_AMOUNT_NUMBER}] (write larger ones as decimal strings), got ${String(v)}`);
      return null;
    }
    // toFixed is exactly specified (nearest, ties up) for |v| < 1e21: the same rao everywhere.
    return parseTao(v.toFixed(9));
  }
  if (typeof v === 'string') {
    try {
      const r = parseTao(v);
      if (r < 0n) at(path, `must not be negative, got ${v}`);
      return r < 0n ? null : r;
    } catch (e) {
      if (!(e instanceof UnitParseError)) throw e;
      at(path, e.message);
      return null;
    }
  }
  at(path, `expected an amount (a number or a decimal string), got ${describe(v)}`);
  return null;
}


/** Reads and validates a metagraph export; user mistakes throw one `InputError` listing them all. */
export function loadMetagraphFile(file: string): Metagraph {
  const parsed = parseStructuredFile(file);
  const { metagraph, problems } = parseMetagraph(parsed);
  if (problems.length > 0 || metagraph === null) throw new InputError(problems);
  return metagraph;
}

/** The data of a parsed metagraph file, as a plain object (null with a problem if it is not a mapping). */
export function metagraphData(parsed: ParsedFile, at: ProblemAt): Record<string, unknown> | null {
  const data: unknown = parsed.doc.toJS({ maxAliasCount: 100 });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    at([], `expected a mapping (a JSON object with uids, hotkeys, …), got ${describe(data)}`);
    return null;
  }
  return data as Record<string, unknown>;
}

/** Validates an already-parsed file; `metagraph` is null iff something is wrong. */
export function parseMetagraph(parsed: ParsedFile): { metagraph: Metagraph | null; problems: string[] } {
  const { problems, at } = problemCollector(parsed);
  const data = metagraphData(parsed, at);
  if (data === null) return { metagraph: null, problems };
  const has = (k: string): boolean => Object.prototype.hasOwnProperty.call(data, k);

  const int = (k: string, min: number, max: number, what = `an integer in [${min}, ${max}]`): number | null => {
    const v = data[k];
    if (v === undefined) {
      at([k], 'required key is missing');
      return null;
    }
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
      at([k], `expected ${what}, got ${describe(v)}`);
      return null;
    }
    return v;
  };
  let netuid: number | null = null;
  if (data.netuid === 0) at(['netuid'], 'the root subnet (netuid 0) has no neuron table to import');
  else netuid = int('netuid', 1, 65535, 'a subnet netuid in [1, 65535]');
  const block = int('block', 0, Number.MAX_SAFE_INTEGER, 'a block number ≥ 0');

  // uids fix n: every other per-UID list is checked against it.
  let n: number | null = null;
  const uids = data.uids;
  if (uids === undefined) at(['uids'], 'required key is missing');
  else if (!Array.isArray(uids)) at(['uids'], `expected a list of UIDs, got ${describe(uids)}`);
  else if (uids.length === 0) at(['uids'], 'a metagraph needs at least one UID');
  else if (uids.length > 65535) at(['uids'], `${uids.length} UIDs; a subnet holds at most 65535`);
  else {
    const bad = uids.findIndex((u, i) => u !== i);
    if (bad >= 0) at(['uids', bad], `expected UID ${bad}: uids must be 0, 1, …, n − 1 in order, got ${describe(uids[bad])}`);
    else n = uids.length;
  }
  if (has('n') && n !== null && data.n !== n) at(['n'], `n is ${describe(data.n)} but uids has ${n} entries`);
  if (n === null) return { metagraph: null, problems };
  const N = n;

  /** A list of n entries under `k`, each read by `read` (null entries = problems reported). */
  const perUid = <T>(k: string, read: (v: unknown, path: PropertyKey[]) => T | null): (T | null)[] | null => {
    const v = data[k];
    if (v === undefined) {
      at([k], 'required key is missing');
      return null;
    }
    if (!Array.isArray(v)) {
      at([k], `expected a list of ${N} entries (one per UID), got ${describe(v)}`);
      return null;
    }
    if (v.length !== N) {
      at([k], `${v.length} entries; expected one per UID (${N})`);
      return null;
    }
    return v.map((x, i) => read(x, [k, i]));
  };
  const account = (v: unknown, path: PropertyKey[]): string | null => {
    if (typeof v !== 'string' || !ACCOUNT.test(v)) {
      at(path, `expected a key name of letters, digits and . _ - / (an SS58 address), got ${describe(v)}`);
      return null;
    }
    return v;
  };
  const blockAt = (v: unknown, path: PropertyKey[]): number | null => {
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      at(path, `expected a block number ≥ 0, got ${describe(v)}`);
      return null;
    }
    if (block !== null && v > block) {
      at(path, `block ${v} is after the snapshot's block ${block}`);
      return null;
    }
    return v;
  };

  const hotkeys = perUid('hotkeys', account);
  const coldkeys = perUid('coldkeys', account);
  if (hotkeys !== null) {
    const seen = new Map<string, number>();
    hotkeys.forEach((h, uid) => {
      if (h === null) return;
      const first = seen.get(h);
      if (first !== undefined) at(['hotkeys', uid], `hotkey ${h} already holds UID ${first}`);
      else seen.set(h, uid);
    });
  }

  // Stake: S or stake (the SDK's total), or the alpha / root split.
  const stakeKeys: string[] = [];
  let alpha: (bigint | null)[] | null = null;
  let root: (bigint | null)[] | null = null;
  const amount = (v: unknown, path: PropertyKey[]): bigint | null => amountRao(v, path, at);
  const notes: string[] = [];
  if (has('alpha_stake')) {
    for (const k of ['S', 'stake']) if (has(k)) notes.push(`${k}: not read; alpha_stake${has('tao_stake') ? ' and tao_stake give' : ' gives'} the stake`);
    stakeKeys.push('alpha_stake');
    alpha = perUid('alpha_stake', amount);
    if (has('tao_stake')) {
      stakeKeys.push('tao_stake');
      root = perUid('tao_stake', amount);
    }
  } else if (has('tao_stake')) {
    at(['tao_stake'], 'tao_stake (root stake) needs alpha_stake beside it; give S for a total stake');
  } else if (has('S') && has('stake')) {
    at(['stake'], 'give the stake once: S or stake, not both');
  } else if (has('S') || has('stake')) {
    const k = has('S') ? 'S' : 'stake';
    stakeKeys.push(k);
    alpha = perUid(k, amount);
  } else {
    at([], 'required key is missing: S, stake or alpha_stake (stake per UID)');
  }

  const lastUpdate = perUid('last_update', blockAt);
  const registration = perUid('block_at_registration', blockAt);
  const permits = perUid('validator_permit', (v, path) => {
    if (v === true || v === 1) return true;
    if (v === false || v === 0) return false;
    at(path, `expected true or false, got ${describe(v)}`);
    return null;
  });

  const weights = readMatrix(data, ['W', 'weights'], 'weights_encoding', N, 'weights', at);
  const bonds = readMatrix(data, ['B', 'bonds'], 'bonds_encoding', N, 'bonds', at);

  // The owner: owner_hotkey's UID, else the lowest UID of owner_coldkey, else UID 0.
  let ownerUid = 0;
  if (hotkeys !== null && coldkeys !== null) {
    if (has('owner_hotkey')) {
      const u = hotkeys.indexOf(data.owner_hotkey as string);
      if (typeof data.owner_hotkey !== 'string' || u < 0) at(['owner_hotkey'], `owner_hotkey ${describe(data.owner_hotkey)} holds no UID in this metagraph`);
      else ownerUid = u;
    } else if (has('owner_coldkey')) {
      const u = coldkeys.indexOf(data.owner_coldkey as string);
      if (typeof data.owner_coldkey !== 'string' || u < 0) at(['owner_coldkey'], `owner_coldkey ${describe(data.owner_coldkey)} owns no hotkey in this metagraph (give owner_hotkey)`);
      else ownerUid = u;
    }
    if (has('owner_hotkey') && has('owner_coldkey') && coldkeys[ownerUid] !== null && data.owner_coldkey !== coldkeys[ownerUid]) {
      at(['owner_coldkey'], `the owner hotkey (UID ${ownerUid}) belongs to coldkey ${String(coldkeys[ownerUid])}, not ${describe(data.owner_coldkey)}`);
    }
  }

  const otherKeys = Object.keys(data).filter((k) => !TABLE_KEYS.has(k));
  const lists = [hotkeys, coldkeys, alpha, lastUpdate, registration, permits, weights?.rows, bonds?.rows];
  if (problems.length > 0 || netuid === null || block === null || lists.some((l) => l === null || l === undefined)) return { metagraph: null, problems };
  const neurons: MetagraphNeuron[] = Array.from({ length: N }, (_v, uid) => ({
    hotkey: hotkeys![uid]!,
    coldkey: coldkeys![uid]!,
    alphaStakeRao: alpha![uid]!,
    rootStakeRao: root?.[uid] ?? 0n,
    lastUpdateBlock: lastUpdate![uid]!,
    registrationBlock: registration![uid]!,
    validatorPermit: permits![uid]!,
    weights: weights!.rows[uid]!,
    bonds: bonds!.rows[uid]!,
  }));
  return {
    metagraph: {
      file: parsed.file,
      netuid,
      block,
      neurons,
      ownerUid,
      ownerColdkey: neurons[ownerUid]!.coldkey,
      stakeKeys,
      weightsEncoding: weights!.encoding,
      bondsEncoding: bonds!.encoding,
      otherKeys,
      notes,
    },
    problems,
  };
}

interface Entry {
  readonly uid: number;
  readonly value: number;
  readonly path: PropertyKey[];
}

/**
 * A weight or bond matrix under one of its two names: n rows, each dense (n numbers) or sparse
 * (`[uid, value]` pairs), or an empty list (nothing recorded, as in a lite sync). The encoding is
 * the file's `<kind>_encoding`, else u16 when every value is an integer and one exceeds 1, else
 * fractions in [0, 1]. Null after reporting a problem.
 */
function readMatrix(
  data: Record<string, unknown>,
  names: readonly [string, string],
  encodingKey: string,
  n: number,
  kind: 'weights' | 'bonds',
  at: ProblemAt,
): { rows: Row[]; encoding: MatrixEncoding | null } | null {
  const present = names.filter((k) => Object.prototype.hasOwnProperty.call(data, k));
  if (present.length === 0) {
    at([], `required key is missing: ${names.join(' or ')} (the ${kind}; [] if none are recorded)`);
    return null;
  }
  if (present.length === 2) {
    at([names[1]], `give the ${kind} once: ${names[0]} or ${names[1]}, not both`);
    return null;
  }
  const key = present[0]!;
  const m = data[key];
  let declared: MatrixEncoding | null = null;
  const enc = data[encodingKey];
  if (enc !== undefined) {
    if (enc !== 'u16' && enc !== 'fraction') at([encodingKey], `expected 'u16' or 'fraction', got ${describe(enc)}`);
    else declared = enc;
  }
  if (!Array.isArray(m)) {
    at([key], `expected a list of rows (one per UID), got ${describe(m)}`);
    return null;
  }
  if (m.length === 0) return { rows: Array.from({ length: n }, () => []), encoding: null };
  if (m.length !== n) {
    at([key], `${m.length} rows; expected one per UID (${n}), or [] if none are recorded`);
    return null;
  }
  const rows: Entry[][] = [];
  const sparse: boolean[] = [];
  let ok = true;
  m.forEach((row: unknown, i) => {
    const entries: Entry[] = [];
    rows.push(entries);
    sparse.push(false);
    if (!Array.isArray(row)) {
      at([key, i], `expected a row (a list), got ${describe(row)}`);
      ok = false;
      return;
    }
    if (row.length === 0) return;
    const pairs = row.every((x) => Array.isArray(x));
    const numbers = row.every((x) => typeof x === 'number');
    if (!pairs && !numbers) {
      at([key, i], 'a row is either n numbers (dense) or [uid, value] pairs (sparse), not a mix');
      ok = false;
      return;
    }
    const value = (v: unknown, path: PropertyKey[]): number | null => {
      if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
        at(path, `expected a non-negative number, got ${describe(v)}`);
        return null;
      }
      return v;
    };
    if (numbers) {
      if (row.length !== n) {
        at([key, i], `${row.length} entries; a dense row has one per UID (${n})`);
        ok = false;
        return;
      }
      row.forEach((v, j) => {
        const x = value(v, [key, i, j]);
        if (x === null) ok = false;
        else if (x > 0) entries.push({ uid: j, value: x, path: [key, i, j] });
      });
      return;
    }
    sparse[i] = true;
    const seen = new Set<number>();
    row.forEach((pair: unknown[], k) => {
      const u = pair[0];
      if (pair.length !== 2 || typeof u !== 'number' || !Number.isInteger(u) || u < 0 || u >= n) {
        at([key, i, k], `expected a pair [uid, value] with a UID in [0, ${n - 1}], got ${JSON.stringify(pair)}`);
        ok = false;
        return;
      }
      if (seen.has(u)) {
        at([key, i, k], `UID ${u} appears twice in this row`);
        ok = false;
        return;
      }
      seen.add(u);
      const x = value(pair[1], [key, i, k, 1]);
      if (x === null) ok = false;
      else entries.push({ uid: u, value: x, path: [key, i, k, 1] });
    });
  });
  if (!ok) return null;

  const all = rows.flat();
  const encoding: MatrixEncoding = declared ?? (all.every((e) => Number.isInteger(e.value)) && all.some((e) => e.value > 1) ? 'u16' : 'fraction');
  for (const e of all) {
    if (encoding === 'u16' && (!Number.isInteger(e.value) || e.value > 65535)) {
      at(e.path, `expected a u16 integer (0..65535): the ${kind} are read as u16, got ${e.value}`);
      ok = false;
    } else if (encoding === 'fraction' && e.value > 1) {
      at(e.path, `expected a fraction in [0, 1] (the ${kind} hold non-integers, so they are read as fractions), got ${e.value}`);
      ok = false;
    }
  }
  if (!ok) return null;
  const out = rows.map((entries, i): Row => {
    if (kind === 'bonds') {
      // Stored bonds are u16; zero entries are not stored.
      return entries.map((e): [number, number] => [e.uid, encoding === 'u16' ? e.value : Math.round(e.value * 65535)]).filter(([, v]) => v > 0);
    }
    if (entries.length === 0) return [];
    let max = 0;
    for (const e of entries) if (e.value > max) max = e.value;
    // Fractions (the SDK's row-normalised W) are scaled so the row's largest entry is 65535, which
    // recovers the chain's stored u16 row; u16 rows go through set_weights' max-upscale as stored.
    const values = entries.map((e) => (encoding === 'u16' || max === 0 ? e.value : Math.round((e.value / max) * 65535)));
    const row = weightRow(
      entries.map((e) => e.uid),
      values,
    );
    // A dense row cannot tell a zero weight from no weight: zeros are not stored; sparse rows keep them.
    return sparse[i] === true ? row : row.filter(([, v]) => v > 0);
  });
  return { rows: out, encoding };
}
