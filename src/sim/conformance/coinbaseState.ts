/**
 * The state of a conformance `coinbase` case (shared/spec/conformance.md §8) as yumalab's
 * `SubnetEconomy` / `CoinbaseGlobals`: one table per field naming how the case spells it, how it
 * is read back, its unit (integer, or fixed point with so many fractional bits) and how a case's
 * `set_subnet` / `set_globals` writes it. Shared by the `coinbase` and `subnet_emission_shares`
 * runners.
 */
import { defaultCoinbaseGlobals, newSubnetEconomy, type CoinbaseGlobals, type SubnetEconomy } from '../../consensus/coinbase/subnetEconomy.ts';
import { CaseFormatError, bigintField, boolField, numberField, objectField } from './expectations.ts';

/** A value as a case compares it: integers and fixed-point raws as bigint. */
export type FieldValue = bigint | boolean | null;

export interface FieldSpec<T> {
  /** 0 for integers (rao, counts, Perquintill parts), else the fixed-point fraction bits. */
  readonly fracBits: number;
  read(x: T): FieldValue;
  write?(x: T, v: unknown, what: string): void;
}

function amount<T>(get: (x: T) => bigint, set: (x: T, v: bigint) => void, fracBits = 0): FieldSpec<T> {
  return { fracBits, read: get, write: (x, v, what) => set(x, bigintField(v, what)) };
}

function flag<T>(get: (x: T) => boolean, set: (x: T, v: boolean) => void): FieldSpec<T> {
  return { fracBits: 0, read: get, write: (x, v, what) => set(x, boolField(v, what)) };
}

export const SUBNET_FIELDS: Readonly<Record<string, FieldSpec<SubnetEconomy>>> = {
  netuid: { fracBits: 0, read: (s) => BigInt(s.netuid) },
  mechanism: {
    fracBits: 0,
    read: (s) => BigInt(s.pool.mechanism),
    write: (s, v, what) => {
      const m = numberField(v, what);
      if (m !== 0 && m !== 1) throw new CaseFormatError(`${what}: mechanism must be 0 or 1, got ${m}`);
      s.pool.mechanism = m;
    },
  },
  first_emission_block: {
    fracBits: 0,
    read: (s) => s.firstEmissionBlock,
    write: (s, v, what) => {
      s.firstEmissionBlock = v === null ? null : bigintField(v, what);
    },
  },
  subtoken_enabled: flag((s) => s.subtokenEnabled, (s, v) => (s.subtokenEnabled = v)),
  registration_allowed: flag((s) => s.registrationAllowed, (s, v) => (s.registrationAllowed = v)),
  emission_enabled: flag((s) => s.emissionEnabled, (s, v) => (s.emissionEnabled = v)),
  owner_cut_enabled: flag((s) => s.ownerCutEnabled, (s, v) => (s.ownerCutEnabled = v)),
  moving_price: amount((s) => s.movingPriceI96F32, (s, v) => (s.movingPriceI96F32 = v), 32),
  miner_burned: amount((s) => s.minerBurnedU96F32, (s, v) => (s.minerBurnedU96F32 = v), 32),
  tao_reserve: amount((s) => s.pool.taoReserveRao, (s, v) => (s.pool.taoReserveRao = v)),
  alpha_in: amount((s) => s.pool.alphaReserveRao, (s, v) => (s.pool.alphaReserveRao = v)),
  alpha_out: amount((s) => s.alphaOutRao, (s, v) => (s.alphaOutRao = v)),
  quote_weight: amount((s) => s.pool.quoteWeightParts, (s, v) => (s.pool.quoteWeightParts = v)),
  pool_initialized: flag((s) => s.pool.initialized, (s, v) => (s.pool.initialized = v)),
  protocol_alpha: amount((s) => s.protocolAlphaRao, (s, v) => (s.protocolAlphaRao = v)),
  pending_server: amount((s) => s.pendingServerRao, (s, v) => (s.pendingServerRao = v)),
  pending_validator: amount((s) => s.pendingValidatorRao, (s, v) => (s.pendingValidatorRao = v)),
  pending_root: amount((s) => s.pendingRootRao, (s, v) => (s.pendingRootRao = v)),
  pending_owner_cut: amount((s) => s.pendingOwnerCutRao, (s, v) => (s.pendingOwnerCutRao = v)),
  ema_price_halving_blocks: amount((s) => s.emaPriceHalvingBlocks, (s, v) => (s.emaPriceHalvingBlocks = v)),
  tao_in_emission: amount((s) => s.taoInEmissionRao, (s, v) => (s.taoInEmissionRao = v)),
  alpha_in_emission: amount((s) => s.alphaInEmissionRao, (s, v) => (s.alphaInEmissionRao = v)),
  alpha_out_emission: amount((s) => s.alphaOutEmissionRao, (s, v) => (s.alphaOutEmissionRao = v)),
  excess_tao: amount((s) => s.excessTaoRao, (s, v) => (s.excessTaoRao = v)),
};

/** The case's `globals` plus the current block, which the coinbase case keeps there. */
export interface CaseGlobals {
  readonly globals: CoinbaseGlobals;
  block: bigint;
}

export const GLOBAL_FIELDS: Readonly<Record<string, FieldSpec<CaseGlobals>>> = {
  subnet_owner_cut: {
    fracBits: 0,
    read: (g) => BigInt(g.globals.subnetOwnerCutU16),
    write: (g, v, what) => {
      const cut = numberField(v, what);
      if (!Number.isInteger(cut) || cut < 0 || cut > 65535) throw new CaseFormatError(`${what}: not a u16: ${cut}`);
      g.globals.subnetOwnerCutU16 = cut;
    },
  },
  tao_weight: amount((g) => g.globals.taoWeightRaw, (g, v) => (g.globals.taoWeightRaw = v)),
  root_tao: amount((g) => g.globals.rootTaoRao, (g, v) => (g.globals.rootTaoRao = v)),
  subnet_moving_alpha: amount((g) => g.globals.subnetMovingAlphaI96F32, (g, v) => (g.globals.subnetMovingAlphaI96F32 = v), 32),
  block: amount((g) => g.block, (g, v) => (g.block = v)),
};

/** Applies `{field: value}` edits through a field table (`set_subnet` / `set_globals` / initial state). */
export function writeFields<T>(table: Readonly<Record<string, FieldSpec<T>>>, target: T, fields: Record<string, unknown>, what: string): void {
  for (const [name, v] of Object.entries(fields)) {
    const spec = table[name];
    if (spec === undefined) throw new CaseFormatError(`${what}: unknown field '${name}'`);
    if (spec.write === undefined) throw new CaseFormatError(`${what}: field '${name}' cannot be set`);
    spec.write(target, v, `${what}.${name}`);
  }
}

/**
 * A subnet from a case: storage defaults, then the listed fields. The conformance coinbase uses
 * a swap minimum reserve of 1 (set on the globals) and never drains, so the scheduler fields keep
 * their defaults.
 */
export function parseCoinbaseSubnet(raw: unknown, what: string): SubnetEconomy {
  const o = objectField(raw, what);
  const s = newSubnetEconomy({ netuid: numberField(o.netuid, `${what}.netuid`) });
  const { netuid: _netuid, ...rest } = o;
  writeFields(SUBNET_FIELDS, s, rest, what);
  return s;
}

export function parseCoinbaseGlobals(raw: unknown, what: string): CaseGlobals {
  const g: CaseGlobals = {
    globals: defaultCoinbaseGlobals({ minimumReserveRao: 1n, maxEpochsPerBlock: 32 }),
    block: 0n,
  };
  writeFields(GLOBAL_FIELDS, g, objectField(raw, what), what);
  return g;
}
