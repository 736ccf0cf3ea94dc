import { describe, expect, it } from 'vitest';
import { accumulatePendingEmissionFloat, accumulatePendingEmissionU96F32 } from '../../../../src/consensus/coinbase/accumulatePendingEmission.ts';
import { eligibleSubnet } from '../../../support/subnetEconomy.ts';

const ONE32 = 1n << 32n;
const TAO = 1_000_000_000n;
const TAU_ONE = (1n << 64n) - 1n;

/** Pool alpha 2 alpha and no alpha_out: after minting 1 alpha, issuance is 3 alpha. */
function subnet(ownerCutEnabled = true) {
  return eligibleSubnet(1, { ownerCutEnabled, pool: { alphaReserveRao: 2n * TAO } });
}

describe('accumulatePendingEmissionU96F32', () => {
  it('without owner cut or root splits 50/50 between miners and validators', () => {
    const s = subnet();
    const recycled = accumulatePendingEmissionU96F32({ rootTaoRao: 0n, taoWeightRaw: TAU_ONE, subnetOwnerCutU16: 0 }, s, TAO * ONE32, false);
    expect(recycled).toBe(0n);
    expect([s.pendingOwnerCutRao, s.pendingServerRao, s.pendingValidatorRao, s.pendingRootRao]).toEqual([0n, TAO / 2n, TAO / 2n, 0n]);
    expect(s.alphaOutRao).toBe(TAO);
    expect(s.alphaOutEmissionRao).toBe(TAO);
  });

  it('reads root_prop after minting: R = 1 alpha-equivalent against issuance 3 gives 1/4 of the validator half to root', () => {
    // root_prop' = 1/(1 + 3) = 0.25 (test_pending_emission); root = 0.25·1·0.5 = 0.125, validator 0.375.
    const s = subnet();
    accumulatePendingEmissionU96F32({ rootTaoRao: TAO, taoWeightRaw: TAU_ONE, subnetOwnerCutU16: 0 }, s, TAO * ONE32, true);
    expect([s.pendingServerRao, s.pendingValidatorRao, s.pendingRootRao]).toEqual([500_000_000n, 375_000_000n, 125_000_000n]);
    expect(s.alphaOutRao).toBe(TAO);
  });

  it('recycles the root share out of alpha_out when root is not sold', () => {
    const s = subnet();
    const recycled = accumulatePendingEmissionU96F32({ rootTaoRao: TAO, taoWeightRaw: TAU_ONE, subnetOwnerCutU16: 0 }, s, TAO * ONE32, false);
    expect(recycled).toBe(125_000_000n);
    expect(s.pendingRootRao).toBe(0n);
    expect(s.pendingValidatorRao).toBe(375_000_000n);
    expect(s.alphaOutRao).toBe(TAO - 125_000_000n);
  });

  it('takes the default owner cut 11796/65535 first: 179,995,422 of 1 alpha', () => {
    const s = subnet();
    accumulatePendingEmissionU96F32({ rootTaoRao: 0n, taoWeightRaw: TAU_ONE, subnetOwnerCutU16: 11_796 }, s, TAO * ONE32, false);
    expect(s.pendingOwnerCutRao).toBe(179_995_422n);
    // rest = 820,004,577.6…, each half floored.
    expect(s.pendingServerRao).toBe(410_002_288n);
    expect(s.pendingValidatorRao).toBe(410_002_288n);
  });

  it('skips the owner cut where it is disabled', () => {
    const s = subnet(false);
    accumulatePendingEmissionU96F32({ rootTaoRao: 0n, taoWeightRaw: TAU_ONE, subnetOwnerCutU16: 11_796 }, s, TAO * ONE32, false);
    expect(s.pendingOwnerCutRao).toBe(0n);
    expect(s.pendingServerRao + s.pendingValidatorRao).toBe(TAO);
  });

  it('adds to what is already pending', () => {
    const s = eligibleSubnet(1, { pendingServerRao: 7n, pendingValidatorRao: 8n, pendingOwnerCutRao: 9n, pendingRootRao: 10n });
    accumulatePendingEmissionU96F32({ rootTaoRao: 0n, taoWeightRaw: 0n, subnetOwnerCutU16: 0 }, s, 2n * ONE32, true);
    expect([s.pendingOwnerCutRao, s.pendingServerRao, s.pendingValidatorRao, s.pendingRootRao]).toEqual([9n, 8n, 9n, 10n]);
  });
});

describe('accumulatePendingEmissionFloat', () => {
  it('matches the chain split to 1 alpha-rao per bucket', () => {
    for (const sell of [true, false]) {
      const a = subnet();
      const b = subnet();
      const g = { rootTaoRao: 777n * TAO, taoWeightRaw: 971_718_665_099_567_868n, subnetOwnerCutU16: 11_796 };
      const ra = accumulatePendingEmissionU96F32(g, a, TAO * ONE32, sell);
      const rb = accumulatePendingEmissionFloat(g, b, TAO, sell);
      const pairs: [bigint, bigint][] = [
        [a.pendingOwnerCutRao, b.pendingOwnerCutRao],
        [a.pendingServerRao, b.pendingServerRao],
        [a.pendingValidatorRao, b.pendingValidatorRao],
        [a.pendingRootRao, b.pendingRootRao],
        [ra, rb],
        [a.alphaOutRao, b.alphaOutRao],
      ];
      for (const [x, y] of pairs) expect(x - y <= 1n && y - x <= 1n, `${x} vs ${y}`).toBe(true);
    }
  });
});
