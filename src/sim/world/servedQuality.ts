/**
 * The off-chain side of the network: what each miner hotkey currently serves (a quality in [0, 1]),
 * set by `serve` actions. Validators measure it through their view; the chain never sees it. Keyed
 * by (netuid, hotkey), so a UID that changes hands serves nothing until its new holder serves.
 * Nested maps rather than a joined string key: validators read it for every miner every tempo.
 */
export class ServedQuality {
  private readonly bySubnet = new Map<number, Map<string, number>>();

  serve(netuid: number, hotkey: string, quality: number): void {
    let m = this.bySubnet.get(netuid);
    if (m === undefined) {
      m = new Map();
      this.bySubnet.set(netuid, m);
    }
    m.set(hotkey, Math.min(1, Math.max(0, quality)));
  }

  stop(netuid: number, hotkey: string): void {
    this.bySubnet.get(netuid)?.delete(hotkey);
  }

  of(netuid: number, hotkey: string | null | undefined): number | null {
    if (hotkey === null || hotkey === undefined) return null;
    return this.bySubnet.get(netuid)?.get(hotkey) ?? null;
  }
}
