/**
 * `validator.cabal`: a member of a coalition of validators that over-weight the cabal's own miners
 * and so under-weight the rest. It is a `validator.honest` (same parameters, timing and
 * evaluation) whose honest u16 weight on every UID whose hotkey starts with `favoured_prefix` is
 * multiplied by `boost`; the vector is then rescaled with `scoresToWeights` (largest = 65535, padded
 * to MinAllowedWeights, its own UID last), so every other miner's weight shrinks relative to the
 * favoured ones. (Boosting the already rounded u16 values rounds twice: each entry carries the
 * honest rounding's relative error, at most 0.5 / its honest u16 value, which is negligible next to
 * the boost.) Every validator of one cabal uses the same prefix.
 *
 * Favoured miners are recognised by what the view shows: the hotkey per UID (the simulator names
 * an agent's hotkey after its id `<subnet name>.<group>.<index>`, so a prefix such as
 * `sn1.cabal_miners.` picks one group). An empty prefix favours nobody (plain honest weights).
 * Only miners the honest evaluation weighted are boosted: a favoured miner that serves nothing (or
 * was never sampled, or measured 0) still gets no weight — the coalition inflates its own miners'
 * real scores rather than inventing weight for miners that serve nothing. The epoch's consensus
 * clipping is what a minority cabal runs into; this agent does nothing to anticipate it.
 */
import type { Rng } from '../../primitives/rng.ts';
import type { Action } from '../action.ts';
import type { Agent, AgentDecision, AgentFactory, AgentSpec } from '../agent.ts';
import type { AgentView } from '../agentView.ts';
import { numberParam, rawParam } from '../agentParams.ts';
import { assert } from '../../primitives/assert.ts';
import { HonestValidator, scoresToWeights, type WeightVector } from './honestValidator.ts';

export const CABAL_VALIDATOR_KIND = 'validator.cabal';

/**
 * `w` with the value of every UID in `favoured` multiplied by `boost`, rescaled to u16 (largest =
 * 65535) and padded like `scoresToWeights`.
 */
export function withCabalBoost(
  w: WeightVector,
  favoured: (uid: number) => boolean,
  boost: number,
  minEntries: number,
  padOrder: readonly number[],
): WeightVector {
  const scores = new Map<number, number>();
  w.uids.forEach((u, i) => scores.set(u, w.values[i]! * (favoured(u) ? boost : 1)));
  return scoresToWeights(scores, minEntries, padOrder);
}

export class CabalValidator implements Agent {
  readonly spec: AgentSpec;
  readonly firstBlock = 1;
  readonly favouredPrefix: string;
  readonly boost: number;
  readonly #inner: HonestValidator;

  constructor(spec: AgentSpec, rng: Rng) {
    this.spec = spec;
    const prefix = rawParam(spec, 'favoured_prefix');
    assert(typeof prefix === 'string', () => `agent ${spec.id} (${spec.kind}): params.favoured_prefix must be a string`);
    this.favouredPrefix = prefix;
    this.boost = numberParam(spec, 'boost', 1);
    // The inner validator reads only its own keys.
    this.#inner = new HonestValidator(spec, rng);
  }

  act(view: AgentView): AgentDecision {
    const decision = this.#inner.act(view);
    const uid = view.self.uid;
    const subnet = view.subnet(this.spec.netuid);
    if (uid === null || subnet === undefined || this.favouredPrefix === '') return decision;
    const prefix = this.favouredPrefix;
    const favoured = (u: number): boolean => subnet.hotkeys[u]?.startsWith(prefix) === true;
    const padOrder = [...Array(subnet.n).keys()].filter((u) => u !== uid);
    padOrder.push(uid);
    const minEntries = Math.min(subnet.n, subnet.minAllowedWeights);
    const actions = decision.actions.map((a): Action => {
      if (a.type !== 'set_weights' && a.type !== 'commit_weights') return a;
      const w = withCabalBoost(a, favoured, this.boost, minEntries, padOrder);
      return { ...a, uids: w.uids, values: w.values };
    });
    return { actions, nextBlock: decision.nextBlock };
  }
}

export const createCabalValidator: AgentFactory = (spec, rng) => new CabalValidator(spec, rng);
