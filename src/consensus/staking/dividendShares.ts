/**
 * From per-hotkey dividend weights to alpha amounts (tokenomics.md §3.3 steps 3–4): each hotkey's
 * weight is split into an alpha part and a root part by its own raw stakes
 * (rootfrac = τ·r/(a + τ·r)), then the validators' pending alpha V' is shared in proportion to the
 * alpha parts and the root stakers' pending alpha R in proportion to the root parts.
 *
 * Chain: pallets/subtensor/src/coinbase/run_coinbase.rs `calculate_dividend_distribution` (with
 * `get_stake_map`) at 14bc6f9, in U96F32 (raw = value·2^32):
 *   root_alpha = r ⊗ τ; root_prop = root_alpha ÷ (a + root_alpha) (0 when the sum is 0);
 *   root_div = D ⊗ root_prop; alpha_div = D − root_div;
 *   share = div ÷ Σ div (0 when Σ is 0); credit = pending ⊗ share.
 * A credit stays a U96F32; the payout floors it.
 *
 * CK burn (a decision, see §2.8 and invariant 13): the burn withheld from a parent's share is an
 * extra weight in this same split — divided by that parent's rootfrac and rescaled with everybody
 * else's — so the alpha that is recycled comes out of V' and R rather than on top of them, and
 * credits plus burn never exceed what was drained. With the default CKBurn = 0 nothing changes.
 */
import { mulU96F32, safeDivU96F32, saturatingSubU } from '../coinbase/coinbaseFixed.ts';
import { hotkeyStake, type StakeLedger } from './stakeLedger.ts';
import { ROOT_NETUID } from './stakingSubnet.ts';

export interface DividendCredits {
  /** Per hotkey (sorted), its share of V' and of R, U96F32 raws. */
  readonly credits: readonly { readonly hotkey: string; readonly alphaU96F32: bigint; readonly rootU96F32: bigint }[];
  /** Per CK-burn entry, its share of V' and of R, U96F32 raws (to be floored and recycled). */
  readonly burnCredits: readonly { readonly alphaU96F32: bigint; readonly rootU96F32: bigint }[];
  /** Σ alpha parts (recipients + burns); 0 means V' goes to nobody. U96F32 raw. */
  readonly totalAlphaDivsU96F32: bigint;
  /** Σ root parts (recipients + burns); 0 means R goes to nobody. U96F32 raw. */
  readonly totalRootDivsU96F32: bigint;
}

interface Parts {
  readonly alphaU96: bigint;
  readonly rootU96: bigint;
}

/** Splits a weight by the hotkey's own alpha and tao-weighted root stake. */
function splitByRootFraction(ledger: StakeLedger, hotkey: string, netuid: number, weightU96: bigint, taoWeightU96F32: bigint): Parts {
  const alphaStakeU96 = hotkeyStake(ledger, hotkey, netuid) << 32n;
  const rootStakeU96 = hotkeyStake(ledger, hotkey, ROOT_NETUID) << 32n;
  const rootAlphaU96 = mulU96F32(rootStakeU96, taoWeightU96F32);
  const totalU96 = alphaStakeU96 + rootAlphaU96;
  const rootPropU96 = totalU96 === 0n ? 0n : safeDivU96F32(rootAlphaU96, totalU96);
  const rootU96 = mulU96F32(weightU96, rootPropU96);
  return { alphaU96: saturatingSubU(weightU96, rootU96), rootU96 };
}

/**
 * @param dividendsU96F32 per hotkey, its accumulated dividend weight (U96F32 raw)
 * @param burns CK-burn weights with the parent they were withheld from (U96F32 raws)
 */
export function dividendCredits(
  ledger: StakeLedger,
  netuid: number,
  pendingAlphaRao: bigint,
  pendingRootRao: bigint,
  taoWeightU96F32: bigint,
  dividendsU96F32: ReadonlyMap<string, bigint>,
  burns: readonly { readonly parent: string; readonly burnU96F32: bigint }[],
): DividendCredits {
  const hotkeys = [...dividendsU96F32.keys()].sort();
  const parts = hotkeys.map((h) => splitByRootFraction(ledger, h, netuid, dividendsU96F32.get(h)!, taoWeightU96F32));
  const burnParts = burns.map((b) => splitByRootFraction(ledger, b.parent, netuid, b.burnU96F32, taoWeightU96F32));
  let totalAlpha = 0n;
  let totalRoot = 0n;
  for (const p of [...parts, ...burnParts]) {
    totalAlpha += p.alphaU96;
    totalRoot += p.rootU96;
  }
  const pendingAlphaU96 = pendingAlphaRao << 32n;
  const pendingRootU96 = pendingRootRao << 32n;
  const rescale = (p: Parts) => ({
    alphaU96F32: totalAlpha === 0n ? 0n : mulU96F32(pendingAlphaU96, safeDivU96F32(p.alphaU96, totalAlpha)),
    rootU96F32: totalRoot === 0n ? 0n : mulU96F32(pendingRootU96, safeDivU96F32(p.rootU96, totalRoot)),
  });
  return {
    credits: hotkeys.map((hotkey, i) => ({ hotkey, ...rescale(parts[i]!) })),
    burnCredits: burnParts.map(rescale),
    totalAlphaDivsU96F32: totalAlpha,
    totalRootDivsU96F32: totalRoot,
  };
}
