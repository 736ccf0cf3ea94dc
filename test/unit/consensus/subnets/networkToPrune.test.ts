import { describe, expect, it } from 'vitest';
import { networkToPrune, type PruneNetworkEntry } from '../../../../src/consensus/subnets/networkToPrune.ts';

const ONE32 = 1n << 32n;

function net(netuid: number, price: bigint, registeredAt: bigint, extra: Partial<PruneNetworkEntry> = {}): PruneNetworkEntry {
  return { netuid, added: true, mechanism: 1, movingPriceI96F32: price, registeredAt, ...extra };
}

describe('networkToPrune', () => {
  const base = { block: 1_000_000n, networkImmunityPeriodBlocks: 864_000n };

  it('picks the non-immune subnet with the lowest EMA price', () => {
    expect(networkToPrune({ ...base, subnets: [net(1, ONE32 / 2n, 0n), net(2, ONE32 / 8n, 0n), net(3, ONE32 / 4n, 0n)] })).toBe(2);
  });

  it('breaks price ties by earliest registration, then by listing order', () => {
    expect(networkToPrune({ ...base, subnets: [net(1, 5n, 100n), net(2, 5n, 50n), net(3, 5n, 50n)] })).toBe(2);
  });

  it('skips subnets still inside the immunity period, root and removed subnets', () => {
    const subnets = [net(0, 0n, 0n), net(1, 0n, 200_000n), net(2, 0n, 0n, { added: false }), net(3, ONE32, 136_000n)];
    expect(networkToPrune({ ...base, subnets })).toBe(3);
  });

  it('returns null when every subnet is immune', () => {
    expect(networkToPrune({ ...base, subnets: [net(1, 0n, 200_000n)] })).toBeNull();
    expect(networkToPrune({ ...base, subnets: [] })).toBeNull();
  });

  it('scores a stable subnet at 1.0 and a negative EMA at 0', () => {
    expect(networkToPrune({ ...base, subnets: [net(1, 0n, 0n, { mechanism: 0 }), net(2, ONE32 / 2n, 5n)] })).toBe(2);
    expect(networkToPrune({ ...base, subnets: [net(1, 1n, 0n), net(2, -ONE32, 5n)] })).toBe(2);
  });
});
