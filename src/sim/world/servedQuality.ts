/**
 * The off-chain side of the network: what each miner hotkey currently serves (a quality in [0, 1]),
 * set by `serve` actions. Validators measure it through their view; the chain never sees it. Keyed
 * by (netuid, hotkey), so a UID that changes hands serves nothing until its new holder serves.
 */
export class ServedQuality {
  private readonly byKey = new Map<string, number>();

  private static key(netuid: number, hotkey: string): string {
    return `${netuid}\u001f${hotkey}`;
  }

  serve(netuid: number, hotkey: string, quality: number): void {
    this.byKey.set(ServedQuality.key(netuid, hotkey), Math.min(1, Math.max(0, quality)));
  }

  stop(netuid: number, hotkey: string): void {
    this.byKey.delete(ServedQuality.key(netuid, hotkey));
  }

  of(netuid: number, hotkey: string | null | undefined): number | null {
    if (hotkey === null || hotkey === undefined) return null;
    return this.byKey.get(ServedQuality.key(netuid, hotkey)) ?? null;
  }
}
