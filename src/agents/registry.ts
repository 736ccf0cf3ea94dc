/**
 * Agent kind (`role.behaviour`, as written in a scenario's `population[].kind`) → factory. The
 * parameter schemas of the same kinds live in src/sim/scenario/agentKinds.ts; a unit test keeps
 * the two lists equal.
 */
import type { Agent, AgentFactory, AgentSpec } from './agent.ts';
import type { Rng } from '../primitives/rng.ts';
import { assert } from '../primitives/assert.ts';
import { createHonestMiner, HONEST_MINER_KIND } from './miners/honestMiner.ts';
import { createCopierMiner, COPIER_MINER_KIND } from './miners/copierMiner.ts';
import { createLazyMiner, LAZY_MINER_KIND } from './miners/lazyMiner.ts';
import { createSybilMiner, SYBIL_MINER_KIND } from './miners/sybilMiner.ts';
import { createUidSniperMiner, UID_SNIPER_MINER_KIND } from './miners/uidSniperMiner.ts';
import { createEmissionFarmerTrader, EMISSION_FARMER_TRADER_KIND } from './traders/emissionFarmerTrader.ts';
import { createPumpForShareTrader, PUMP_FOR_SHARE_TRADER_KIND } from './traders/pumpForShareTrader.ts';
import { createRootStakerTrader, ROOT_STAKER_TRADER_KIND } from './traders/rootStakerTrader.ts';
import { createStakerTrader, STAKER_TRADER_KIND } from './traders/stakerTrader.ts';
import { createWhaleTrader, WHALE_TRADER_KIND } from './traders/whaleTrader.ts';
import { CABAL_VALIDATOR_KIND, createCabalValidator } from './validators/cabalValidator.ts';
import { createHonestValidator, HONEST_VALIDATOR_KIND } from './validators/honestValidator.ts';
import { createLazyValidator, LAZY_VALIDATOR_KIND } from './validators/lazyValidator.ts';
import { createOfflineValidator, OFFLINE_VALIDATOR_KIND } from './validators/offlineValidator.ts';
import { createSelfWeightingValidator, SELF_WEIGHTING_VALIDATOR_KIND } from './validators/selfWeightingValidator.ts';
import { createMlMiner, ML_MINER_KIND } from './ml/mlMiner.ts';
import { createMlValidator, ML_VALIDATOR_KIND } from './ml/mlValidator.ts';
import { createMlRandomMiner, ML_RANDOM_MINER_KIND } from './ml/mlRandomMiner.ts';
import { createMlOverfitMiner, ML_OVERFIT_MINER_KIND } from './ml/mlOverfitMiner.ts';
import { createMlCopierMiner, ML_COPIER_MINER_KIND } from './ml/mlCopierMiner.ts';
import { createWeightCopierValidator, WEIGHT_COPIER_VALIDATOR_KIND } from './validators/weightCopierValidator.ts';

export const AGENT_FACTORIES: Readonly<Record<string, AgentFactory>> = Object.freeze({
  [HONEST_MINER_KIND]: createHonestMiner,
  [LAZY_MINER_KIND]: createLazyMiner,
  [COPIER_MINER_KIND]: createCopierMiner,
  [SYBIL_MINER_KIND]: createSybilMiner,
  [UID_SNIPER_MINER_KIND]: createUidSniperMiner,
  [HONEST_VALIDATOR_KIND]: createHonestValidator,
  [CABAL_VALIDATOR_KIND]: createCabalValidator,
  [LAZY_VALIDATOR_KIND]: createLazyValidator,
  [WEIGHT_COPIER_VALIDATOR_KIND]: createWeightCopierValidator,
  [SELF_WEIGHTING_VALIDATOR_KIND]: createSelfWeightingValidator,
  [OFFLINE_VALIDATOR_KIND]: createOfflineValidator,
  [STAKER_TRADER_KIND]: createStakerTrader,
  [WHALE_TRADER_KIND]: createWhaleTrader,
  [PUMP_FOR_SHARE_TRADER_KIND]: createPumpForShareTrader,
  [EMISSION_FARMER_TRADER_KIND]: createEmissionFarmerTrader,
  [ROOT_STAKER_TRADER_KIND]: createRootStakerTrader,
  [ML_MINER_KIND]: createMlMiner,
  [ML_VALIDATOR_KIND]: createMlValidator,
  [ML_RANDOM_MINER_KIND]: createMlRandomMiner,
  [ML_OVERFIT_MINER_KIND]: createMlOverfitMiner,
  [ML_COPIER_MINER_KIND]: createMlCopierMiner,
});

export function agentFactoryFor(kind: string): AgentFactory | undefined {
  return Object.prototype.hasOwnProperty.call(AGENT_FACTORIES, kind) ? AGENT_FACTORIES[kind] : undefined;
}

/**
 * Builds the agent for `spec` from its own RNG substream. The loader has already rejected unknown
 * kinds with a user-facing message, so an unknown kind here is a bug.
 */
export function createAgent(spec: AgentSpec, rng: Rng): Agent {
  const factory = agentFactoryFor(spec.kind);
  assert(factory !== undefined, () => `no agent behaviour for kind ${spec.kind} (agent ${spec.id})`);
  return factory(spec, rng);
}
