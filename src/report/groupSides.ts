/**
 * Which agent groups count as adversarial and which as validators, from their kind in
 * groups.csv (scenarios/README.md, "Agent kinds"):
 * - adversarial: a group with any kind that is not `*.honest` (`miner.copier`, `validator.cabal`,
 *   `validator.lazy`, …), and every trader (`trader.*` — no trader kind is honest by name; even a
 *   plain `trader.staker` moves stake from outside the subnet's honest participants). A mixed group
 *   `a+b` is adversarial if any of its kinds is.
 * - honest: every other group, including those with no kind: the subnet `owner`, `unassigned`
 *   UIDs and replay groups (they did not choose a strategy in the scenario).
 * - validator groups: any kind `validator.*`, and the replay group `replay-validators`.
 */
export type GroupSide = 'adversarial' | 'honest';

export function sideOfKind(kind: string): GroupSide {
  if (kind === '') return 'honest';
  return kind.split('+').some((k) => k.startsWith('trader.') || !k.endsWith('.honest')) ? 'adversarial' : 'honest';
}

export function isValidatorGroup(group: string, kind: string): boolean {
  return group === 'replay-validators' || kind.split('+').some((k) => k.startsWith('validator.'));
}

/** `netuid/group` → kind, from groups.csv rows; groups it does not list have kind ''. */
export function kindLookup(groups: readonly { readonly netuid: number; readonly group: string; readonly kind: string }[]): (netuid: number, group: string) => string {
  const kinds = new Map(groups.map((g) => [`${g.netuid}/${g.group}`, g.kind]));
  return (netuid, group) => kinds.get(`${netuid}/${group}`) ?? '';
}
