/**
 * Which UID a new registration replaces when the subnet is full (shared/spec/tokenomics.md §8.2,
 * conformance.md §11; invariant 24: the owner hotkey is never pruned).
 * Chain at 14bc6f9: `get_neuron_to_prune` and `get_immune_owner_hotkeys`, as pinned by
 * pallets/subtensor/src/tests/registration.rs `test_registration_get_uid_to_prune_*`.
 */

/** A UID as pruning sees it. */
export interface PruneCandidate {
  readonly uid: number;
  readonly hotkey: string;
  readonly blockAtRegistration: bigint;
  /** `Emission` of the UID from the last epoch, rao. */
  readonly emissionRao: bigint;
}

export interface NeuronToPruneInput {
  readonly block: bigint;
  /** `ImmunityPeriod`, blocks. */
  readonly immunityPeriodBlocks: bigint;
  /** `MinNonImmuneUids`: pruning a time-immune UID is preferred while at most this many are not immune. */
  readonly minNonImmuneUids: number;
  /** `ImmuneOwnerUidsLimit`: how many of the owner's hotkeys are never pruned. */
  readonly immuneOwnerUidsLimit: number;
  /** `SubnetOwnerHotkey`, if set. */
  readonly subnetOwnerHotkey: string | null;
  /** `OwnedHotkeys` of the subnet owner's coldkey, in storage order. */
  readonly ownerColdkeyHotkeys: readonly string[];
  readonly neurons: readonly PruneCandidate[];
}

/**
 * The owner's hotkeys that cannot be pruned: those holding a UID, oldest registration first (ties
 * by UID), cut to the limit; then the subnet owner hotkey, if it holds a UID and is not listed yet,
 * goes first and the list is cut to the limit again.
 */
export function immuneOwnerHotkeys(input: Pick<NeuronToPruneInput, 'immuneOwnerUidsLimit' | 'subnetOwnerHotkey' | 'ownerColdkeyHotkeys' | 'neurons'>): string[] {
  const byHotkey = new Map(input.neurons.map((nrn) => [nrn.hotkey, nrn]));
  const owned = input.ownerColdkeyHotkeys
    .map((hk) => byHotkey.get(hk))
    .filter((nrn): nrn is PruneCandidate => nrn !== undefined)
    .sort((a, b) => compareBigint(a.blockAtRegistration, b.blockAtRegistration) || a.uid - b.uid);
  const limit = input.immuneOwnerUidsLimit;
  const immune = owned.slice(0, limit).map((nrn) => nrn.hotkey);
  const owner = input.subnetOwnerHotkey;
  if (owner !== null && byHotkey.has(owner) && !immune.includes(owner)) {
    immune.unshift(owner);
    immune.length = Math.min(immune.length, limit);
  }
  return immune;
}

function compareBigint(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Lowest emission, then earliest registration, then lowest UID. */
function prunesBefore(a: PruneCandidate, b: PruneCandidate): boolean {
  return (compareBigint(a.emissionRao, b.emissionRao) || compareBigint(a.blockAtRegistration, b.blockAtRegistration) || a.uid - b.uid) < 0;
}

/**
 * The UID to replace, or null if every UID is owner-immortal (or the fallback set is empty).
 * Among UIDs past their immunity the best one is taken, but only while more than
 * `MinNonImmuneUids` such UIDs exist; otherwise the best still-immune UID is taken.
 */
export function neuronToPrune(input: NeuronToPruneInput): number | null {
  const immortal = new Set(immuneOwnerHotkeys(input));
  let bestNonImmune: PruneCandidate | null = null;
  let bestImmune: PruneCandidate | null = null;
  let nonImmuneCount = 0;
  for (const nrn of input.neurons) {
    if (immortal.has(nrn.hotkey)) continue;
    // u64 saturating_sub: a registration "in the future" counts as age 0.
    const age = input.block > nrn.blockAtRegistration ? input.block - nrn.blockAtRegistration : 0n;
    if (age < input.immunityPeriodBlocks) {
      if (bestImmune === null || prunesBefore(nrn, bestImmune)) bestImmune = nrn;
    } else {
      nonImmuneCount++;
      if (bestNonImmune === null || prunesBefore(nrn, bestNonImmune)) bestNonImmune = nrn;
    }
  }
  const chosen = nonImmuneCount > input.minNonImmuneUids ? bestNonImmune : bestImmune;
  return chosen === null ? null : chosen.uid;
}
