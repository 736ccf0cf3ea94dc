/**
 * A genesis subnet that starts from a given neuron table — a chain snapshot (a metagraph export)
 * rather than an empty subnet: every UID with its hotkey and the coldkey that owns it, its alpha
 * stake, `BlockAtRegistration`, `LastUpdate`, stored validator permit, and its stored weight and
 * bond rows. Like the rest of genesis (genesisSubnet.ts) nothing is paid: no burn, and the stake
 * is alpha already issued (`SubnetAlphaOut` grows by it).
 *
 * The table replaces the one `addGenesisSubnet` creates (the owner hotkey alone at UID 0), so the
 * snapshot's UIDs keep their numbers; the owner hotkey must be one of its hotkeys, wherever it is.
 * Blocks may be ≤ 0: a scenario counts them from the snapshot (genesis = the snapshot's block),
 * which keeps each UID's age and staleness as they were — every rule that reads them (activity,
 * outdated weights, bond masks, immunity, pruning, the weights rate limit) compares differences.
 *
 * Chain storage written (pallets/subtensor/src/lib.rs at 14bc6f9): `SubnetworkN`, `Keys` /
 * `Uids`, `Owner`, `BlockAtRegistration`, `LastUpdate`, `ValidatorPermit`, `Weights`, `Bonds`,
 * `Alpha` / `TotalHotkeyAlpha` (through the staking ledger).
 */
import { registerHotkey } from '../staking/stakeLedger.ts';
import { subnetOf, type ChainState } from './chainState.ts';
import { addGenesisStake, addNeuron } from './genesisSubnet.ts';
import { touchLastUpdate, type Row } from './subnetNeurons.ts';

export interface GenesisNeuron {
  readonly hotkey: string;
  readonly coldkey: string;
  /** Alpha staked on (hotkey, coldkey), alpha-rao; 0 = none. */
  readonly alphaStakeRao: bigint;
  readonly registrationBlock: number;
  /** `LastUpdate` of every mechanism. */
  readonly lastUpdateBlock: number;
  readonly validatorPermit: boolean;
  /** Stored `[uid, u16]` rows of mechanism 0 (empty = none stored). */
  readonly weights: readonly (readonly [number, number])[];
  readonly bonds: readonly (readonly [number, number])[];
}

const isU16 = (v: number): boolean => Number.isInteger(v) && v >= 0 && v <= 65535;

/**
 * Replaces the neuron table of genesis subnet `netuid` — which must hold only its owner hotkey at
 * UID 0 and no stake — with `neurons` (UID i = neurons[i]). Throws RangeError on a table the chain
 * could not hold (too many UIDs, a hotkey twice or owned by another coldkey, no UID for the owner
 * hotkey, a row naming a UID ≥ n or a value outside u16).
 */
export function addGenesisNeuronTable(state: ChainState, netuid: number, neurons: readonly GenesisNeuron[]): void {
  const subnet = subnetOf(state, netuid);
  if (subnet === undefined) throw new RangeError(`subnet ${netuid} does not exist`);
  const nrn = subnet.neurons;
  if (nrn.n !== 1 || nrn.hotkeys[0] !== subnet.ownerHotkey) throw new RangeError(`subnet ${netuid} already has neurons besides its owner`);
  const n = neurons.length;
  if (n > subnet.turnover.maxAllowedUids) throw new RangeError(`subnet ${netuid}: ${n} UIDs exceed MaxAllowedUids ${subnet.turnover.maxAllowedUids}`);
  const hotkeys = new Set(neurons.map((x) => x.hotkey));
  if (hotkeys.size !== n) throw new RangeError(`subnet ${netuid}: a hotkey appears twice in the neuron table`);
  if (!hotkeys.has(subnet.ownerHotkey)) throw new RangeError(`subnet ${netuid}: owner hotkey ${subnet.ownerHotkey} holds no UID in the neuron table`);
  neurons.forEach((x, uid) => {
    for (const row of [x.weights, x.bonds]) {
      for (const [j, v] of row) if (!Number.isInteger(j) || j < 0 || j >= n || !isU16(v)) throw new RangeError(`subnet ${netuid}: UID ${uid} has a row entry [${j}, ${v}] outside [0, ${n}) × u16`);
    }
  });

  nrn.n = 0;
  nrn.hotkeys.length = 0;
  nrn.blockAtRegistration.length = 0;
  nrn.validatorPermit = [];
  for (const m of nrn.mechanisms) {
    m.lastUpdate = [];
    m.weights = new Map();
    m.bonds = new Map();
  }
  subnet.lastEmissionRao.length = 0;
  subnet.lastIncentiveRao.length = 0;
  subnet.lastDividendRao.length = 0;

  for (const x of neurons) {
    if (!registerHotkey(state.ledger, x.hotkey, x.coldkey)) throw new RangeError(`hotkey ${x.hotkey} belongs to another coldkey than ${x.coldkey}`);
    const uid = addNeuron(subnet, x.hotkey, state.block);
    nrn.blockAtRegistration[uid] = x.registrationBlock;
    nrn.validatorPermit[uid] = x.validatorPermit;
    for (const m of nrn.mechanisms) touchLastUpdate(m, uid, x.lastUpdateBlock);
    const m0 = nrn.mechanisms[0]!;
    if (x.weights.length > 0) m0.weights.set(uid, x.weights.map(([j, v]) => [j, v]) as Row);
    if (x.bonds.length > 0) m0.bonds.set(uid, x.bonds.map(([j, v]) => [j, v]) as Row);
    if (x.alphaStakeRao > 0n) addGenesisStake(state, netuid, x.hotkey, x.coldkey, x.alphaStakeRao);
  }
}
