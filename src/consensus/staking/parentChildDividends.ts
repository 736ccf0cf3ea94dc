/**
 * Splitting one validator hotkey's epoch dividend between the hotkey and its parents
 * (tokenomics.md §3.3 step 2, §6.3). Each party's weight is its stake contribution —
 * alpha + tao_weight·root, the hotkey's own scaled by what it has not lent to its children, each
 * parent's scaled by the proportion it lends to this hotkey. A parent of another coldkey pays the
 * childkey take (kept by the hotkey) and the CK burn out of its share.
 *
 * Chain: pallets/subtensor/src/coinbase/run_coinbase.rs `get_parent_child_dividends_distribution`
 * and `get_self_contribution` at 14bc6f9. All arithmetic is U96F32 (raw = value·2^32):
 *   - self = floor(alpha ⊗ (1 − Σπ_children) + root ⊗ (1 − Σπ_children) ⊗ τ) — a u64;
 *   - contrib_p = alpha_p ⊗ π_p + root_p ⊗ π_p ⊗ τ; T = self + Σ contrib_p;
 *   - e_p = D ⊗ (contrib_p ÷ T) (0 when T = 0); remaining = D − Σ e_p (saturating);
 *   - if owner(p) ≠ owner(h): take_p = ckTake ⊗ e_p, burn_p = ckBurn ⊗ e_p, both taken out of e_p;
 *   - parent p receives floor(e_p), the hotkey floor(remaining + Σ take_p).
 * The amounts are only weights: the caller rescales them to the pending emission.
 */
import { mulU96F32, safeDivU96F32, saturatingSubU } from '../coinbase/coinbaseFixed.ts';
import { childrenOf, parentsOf, u64RatioU96F32, u96F32ToU64 } from './epochStake.ts';
import { childkeyTakeU16Of } from './childkeyTake.ts';
import { hotkeyStake, type StakeLedger } from './stakeLedger.ts';
import { ROOT_NETUID } from './stakingSubnet.ts';

const ONE_U96F32 = 1n << 32n;

export interface ParentChildSplit {
  /** Recipients with their dividend (u64, floored): the parents in `ParentKeys` order, then the hotkey itself. */
  readonly shares: readonly { readonly hotkey: string; readonly dividendRao: bigint }[];
  /** Σ childkey take the hotkey collected from its parents, U96F32 raw (already inside its own share). */
  readonly childkeyTakeU96F32: bigint;
  /** Per parent of another coldkey, the CK-burn part withheld from its share, U96F32 raw (only those > 0). */
  readonly burns: readonly { readonly parent: string; readonly burnU96F32: bigint }[];
}

/** `get_self_contribution`: the hotkey's own stake weight not lent to children, floored to a u64. */
export function selfContributionRao(ledger: StakeLedger, hotkey: string, netuid: number, taoWeightU96F32: bigint): bigint {
  let remainingU96 = ONE_U96F32;
  for (const child of childrenOf(ledger, hotkey, netuid)) remainingU96 = saturatingSubU(remainingU96, u64RatioU96F32(child.proportionRaw));
  const rootU96 = hotkeyStake(ledger, hotkey, ROOT_NETUID) << 32n;
  const alphaU96 = hotkeyStake(ledger, hotkey, netuid) << 32n;
  const alphaContribution = mulU96F32(alphaU96, remainingU96);
  const rootContribution = mulU96F32(mulU96F32(rootU96, remainingU96), taoWeightU96F32);
  return u96F32ToU64(alphaContribution + rootContribution);
}

export function parentChildDividends(
  ledger: StakeLedger,
  hotkey: string,
  netuid: number,
  dividendRao: bigint,
  taoWeightU96F32: bigint,
  ckBurnU96F32: bigint,
): ParentChildSplit {
  const validatingU96 = dividendRao << 32n;
  let remainingU96 = validatingU96;
  const takeProportionU96 = safeDivU96F32(BigInt(childkeyTakeU16Of(ledger, hotkey, netuid)) << 32n, 65535n << 32n);
  const childOwner = ledger.hotkeyOwner.get(hotkey);

  let totalU96 = selfContributionRao(ledger, hotkey, netuid, taoWeightU96F32) << 32n;
  const contributions: { parent: string; contributionU96: bigint }[] = [];
  for (const link of parentsOf(ledger, hotkey, netuid)) {
    const proportionU96 = u64RatioU96F32(link.proportionRaw);
    const parentRootU96 = hotkeyStake(ledger, link.hotkey, ROOT_NETUID) << 32n;
    const parentAlphaU96 = hotkeyStake(ledger, link.hotkey, netuid) << 32n;
    const alphaContribution = mulU96F32(parentAlphaU96, proportionU96);
    const rootContribution = mulU96F32(mulU96F32(parentRootU96, proportionU96), taoWeightU96F32);
    const contributionU96 = alphaContribution + rootContribution;
    totalU96 += contributionU96;
    contributions.push({ parent: link.hotkey, contributionU96 });
  }

  const shares: { hotkey: string; dividendRao: bigint }[] = [];
  const burns: { parent: string; burnU96F32: bigint }[] = [];
  let childkeyTakeU96F32 = 0n;
  for (const { parent, contributionU96 } of contributions) {
    // checked_div(..).unwrap_or(0): T = 0 only when every contribution is 0.
    const factorU96 = totalU96 === 0n ? 0n : safeDivU96F32(contributionU96, totalU96);
    let parentU96 = mulU96F32(validatingU96, factorU96);
    remainingU96 = saturatingSubU(remainingU96, parentU96);
    if (ledger.hotkeyOwner.get(parent) !== childOwner) {
      const takeU96 = mulU96F32(takeProportionU96, parentU96);
      const burnU96 = mulU96F32(ckBurnU96F32, parentU96);
      parentU96 = saturatingSubU(saturatingSubU(parentU96, takeU96), burnU96);
      childkeyTakeU96F32 += takeU96;
      if (burnU96 > 0n) burns.push({ parent, burnU96F32: burnU96 });
    }
    shares.push({ hotkey: parent, dividendRao: u96F32ToU64(parentU96) });
  }
  shares.push({ hotkey, dividendRao: u96F32ToU64(remainingU96 + childkeyTakeU96F32) });
  return { shares, childkeyTakeU96F32, burns };
}
