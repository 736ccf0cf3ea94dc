import { describe, expect, it } from 'vitest';
import { DISCARD_RECORDER as DISCARD } from '../../../../src/sim/run/records.ts';
import { runScenario } from '../../../../src/sim/run/runScenario.ts';
import { parseScenario } from '../../../../src/sim/scenario/loadScenario.ts';
import { blockEmissionForIssuanceRao } from '../../../../src/consensus/supply/blockEmission.ts';


/** Two subnets at different prices, no trading and no registrations: nothing is recycled. */
function scenario(mode: 'chain' | 'float', emissionRule = 'price'): string {
  return `
name: subnet-outcomes
seed: 3
duration: {blocks: 400}
chain: {numeric: ${mode}, issuance_tao: 10000000, emission_rule: ${emissionRule}}
subnets:
  - name: cheap
    tempo: 50
    pool: {tao: 1000, alpha: 100000}
    hyperparameters: {max_allowed_uids: 16, commit_reveal_weights_enabled: false}
    population:
      - {name: validators, kind: validator.honest, count: 2, stake: {distribution: fixed, amount: 1000}}
      - {name: miners, kind: miner.honest, count: 4}
  - name: dear
    tempo: 50
    pool: {tao: 3000, alpha: 100000}
    hyperparameters: {max_allowed_uids: 16, commit_reveal_weights_enabled: false}
    population:
      - {name: validators, kind: validator.honest, count: 2, stake: {distribution: fixed, amount: 1000}}
      - {name: miners, kind: miner.honest, count: 4}
`;
}

describe('SubnetOutcomes', () => {
  it.each(['chain', 'float'] as const)('%s: the subnets receive every minted TAO, shared by price, and the shares sum to 1', (mode) => {
    const s = parseScenario(scenario(mode), 'subnet-outcomes.yaml');
    const summary = runScenario(s, { recorder: DISCARD });
    expect(summary.subnets.map((x) => x.netuid)).toEqual([1, 2]);
    const total = summary.subnets.reduce((a, x) => a + x.taoEmissionRao, 0n);
    // Block emission is constant over 400 blocks at 10M TAO issued.
    const perBlock = blockEmissionForIssuanceRao(s.chain.issuanceRao);
    // Every TAO the chain issued went to the subnets (the coinbase mints what it emits)…
    expect(summary.finalIssuanceRao - s.chain.issuanceRao).toBe(total);
    // …which is the block emission up to the split's truncation (at most 1 rao per subnet per block).
    expect(total).toBeLessThanOrEqual(perBlock * 400n);
    expect(total).toBeGreaterThanOrEqual(perBlock * 400n - 2n * 400n);
    expect(summary.subnets[0]!.taoEmissionShare + summary.subnets[1]!.taoEmissionShare).toBeCloseTo(1, 12);
    // Price-based shares: the subnet priced three times higher gets about three times the TAO.
    const ratio = Number(summary.subnets[1]!.taoEmissionRao) / Number(summary.subnets[0]!.taoEmissionRao);
    expect(ratio).toBeGreaterThan(2.5);
    expect(ratio).toBeLessThan(3.5);
    for (const x of summary.subnets) {
      expect(x.maxPriceTao).toBeGreaterThanOrEqual(x.initialPriceTao);
      expect(x.maxPriceTao).toBeGreaterThanOrEqual(x.finalPriceTao);
      expect(x.finalMovingPriceTao).toBeGreaterThan(0);
    }
  });
});
