/**
 * A miner's life on its subnet: it serves from its first act, and once it has held a UID and then
 * holds none (pruned), it retires for good — a pruned miner's hotkey no longer earns anything, and
 * re-registering is a different behaviour. Shared by every miner kind.
 */
import type { AgentView } from '../agentView.ts';

export class UidWatch {
  #hasHeldUid = false;
  #retired = false;

  /** Whether the miner is retired after observing `view` (retiring is permanent). */
  retiredAfter(view: AgentView): boolean {
    if (this.#retired) return true;
    if (view.self.uid !== null) this.#hasHeldUid = true;
    else if (this.#hasHeldUid) this.#retired = true;
    return this.#retired;
  }

  /** Retire for another reason (e.g. the subnet is gone). */
  retire(): void {
    this.#retired = true;
  }
}
