/**
 * Which subnet is dissolved to make room when `SubnetLimit` is reached (shared/spec/tokenomics.md
 * §8.4, conformance.md §12 `network_to_prune`): among subnets past `NetworkImmunityPeriod`, the one
 * with the lowest EMA price, ties to the earliest registration. Root is never a candidate.
 * Chain at 14bc6f9: `get_network_to_prune`, as pinned by pallets/subtensor/src/tests/networks.rs `prune_*`.
 */
import { I96F32, U64F64, saturatingConvert } from '../../primitives/fixed.ts';
import type { PoolMechanism } from '../amm/poolState.ts';
import { U64F64_ONE } from '../amm/spotPrice.ts';

export interface PruneNetworkEntry {
  readonly netuid: number;
  readonly added: boolean;
  readonly mechanism: PoolMechanism;
  /** `SubnetMovingPrice` as an I96F32 raw. */
  readonly movingPriceI96F32: bigint;
  /** `NetworkRegisteredAt`, block. */
  readonly registeredAt: bigint;
}

export interface NetworkToPruneInput {
  readonly block: bigint;
  /** `NetworkImmunityPeriod`, blocks. */
  readonly networkImmunityPeriodBlocks: bigint;
  readonly subnets: readonly PruneNetworkEntry[];
}

/** The EMA price the comparison uses, as U64F64: 1.0 for the stable mechanism. */
function pruneScoreU64F64(s: PruneNetworkEntry): bigint {
  return s.mechanism === 0 ? U64F64_ONE : saturatingConvert(I96F32, U64F64, s.movingPriceI96F32);
}

/** The netuid to dissolve, or null if every subnet is still immune. Equal keys keep the first listed. */
export function networkToPrune(input: NetworkToPruneInput): number | null {
  let best: { netuid: number; price: bigint; registeredAt: bigint } | null = null;
  for (const s of input.subnets) {
    if (!s.added || s.netuid === 0) continue;
    if (input.block < s.registeredAt + input.networkImmunityPeriodBlocks) continue;
    const price = pruneScoreU64F64(s);
    if (best === null || price < best.price || (price === best.price && s.registeredAt < best.registeredAt)) {
      best = { netuid: s.netuid, price, registeredAt: s.registeredAt };
    }
  }
  return best === null ? null : best.netuid;
}
