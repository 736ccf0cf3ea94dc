/**
 * Coinbase blocks per second: a network of N subnets (128 by default, the subnet limit) with
 * varied pools and tempos, run block after block through `runCoinbase` and the epoch scheduler —
 * the per-block economics without the Yuma epochs themselves (those are measured by the epoch
 * bench). Subnets are built from a seeded stream so every run measures the same network.
 */
import { performance } from 'node:perf_hooks';
import { CoinbaseWorkspace, runCoinbase } from '../src/consensus/coinbase/runCoinbase.ts';
import { drainDueEpochs } from '../src/consensus/coinbase/epochSchedule.ts';
import { defaultCoinbaseGlobals, newSubnetEconomy, type CoinbaseGlobals, type SubnetEconomy } from '../src/consensus/coinbase/subnetEconomy.ts';
import type { NumericMode } from '../src/consensus/epoch/arithmetic.ts';
import { mintForBlockRao } from '../src/consensus/supply/blockEmission.ts';
import { Rng } from '../src/primitives/rng.ts';

export interface CoinbaseNetwork {
  readonly globals: CoinbaseGlobals;
  readonly subnets: SubnetEconomy[];
}

const RAO = 1_000_000_000n;

/** A mainnet-like network at 10.5M TAO issuance: pools of 1k–100k TAO at prices 0.001–0.1. */
export function benchNetwork(subnetCount: number, seed = 'bench/coinbase'): CoinbaseNetwork {
  const rng = Rng.fromSeed(seed).stream('network');
  const subnets: SubnetEconomy[] = [];
  for (let netuid = 1; netuid <= subnetCount; netuid++) {
    const taoReserveRao = BigInt(Math.floor(1_000 + rng.nextFloat() * 99_000)) * RAO;
    const price = 0.001 * 100 ** rng.nextFloat();
    const alphaReserveRao = (taoReserveRao * 1_000_000n) / BigInt(Math.max(1, Math.round(price * 1_000_000)));
    const s = newSubnetEconomy({ netuid, taoReserveRao, alphaReserveRao });
    s.pool.initialized = true;
    s.alphaOutRao = alphaReserveRao / 2n;
    s.firstEmissionBlock = 1n;
    s.subtokenEnabled = true;
    s.movingPriceI96F32 = BigInt(Math.floor(price * 2 ** 32));
    s.tempoBlocks = 360;
    s.lastEpochBlock = BigInt(360 - (netuid % 360));
    subnets.push(s);
  }
  const globals = defaultCoinbaseGlobals({ totalIssuanceRao: 10_500_000n * RAO, rootTaoRao: 3_000_000n * RAO });
  return { globals, subnets };
}

/** Runs `blocks` blocks of coinbase + scheduler starting after `fromBlock`. */
export function runCoinbaseBlocks(net: CoinbaseNetwork, fromBlock: number, blocks: number, mode: NumericMode, ws: CoinbaseWorkspace): void {
  const g = net.globals;
  for (let b = fromBlock + 1; b <= fromBlock + blocks; b++) {
    const block = BigInt(b);
    runCoinbase(g, net.subnets, mintForBlockRao(g.totalIssuanceRao), block, mode, ws);
    drainDueEpochs(net.subnets, block, g.maxEpochsPerBlock);
  }
}

/** Median blocks per second over `rounds` rounds of about `roundMs`, after a warm-up. */
export function measureCoinbase(mode: NumericMode, subnetCount: number, rounds: number, roundMs: number): number {
  const net = benchNetwork(subnetCount);
  const ws = new CoinbaseWorkspace();
  let block = 0;
  const warmEnd = performance.now() + roundMs;
  while (performance.now() < warmEnd) {
    runCoinbaseBlocks(net, block, 10, mode, ws);
    block += 10;
  }
  const rates: number[] = [];
  for (let r = 0; r < rounds; r++) {
    const start = performance.now();
    let done = 0;
    while (performance.now() - start < roundMs) {
      runCoinbaseBlocks(net, block, 10, mode, ws);
      block += 10;
      done += 10;
    }
    rates.push((done * 1000) / (performance.now() - start));
  }
  rates.sort((a, b) => a - b);
  return rates[rates.length >> 1]!;
}
