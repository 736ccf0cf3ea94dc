/** Plain copies of epoch outputs, for comparing results that live in a reused arena. */
import { sparseToRows, type SparseMatrix } from '../../src/consensus/epoch/sparseMatrix.ts';
import type { EpochOutput } from '../../src/consensus/epoch/types.ts';

/** A plain deep copy of an output (typed arrays → arrays, matrices → rows), safe from arena reuse. */
export function snapshotOutput(o: EpochOutput): unknown {
  const m = (x: SparseMatrix | null): unknown => (x === null ? null : { rowCount: x.rowCount, rows: sparseToRows(x) });
  const t = o.trace;
  return {
    mode: o.mode,
    variant: o.variant,
    n: o.n,
    active: [...o.active],
    newValidatorPermit: [...o.newValidatorPermit],
    stakeWeightU16: Array.from(o.stakeWeightU16),
    consensusU16: Array.from(o.consensusU16),
    incentiveU16: Array.from(o.incentiveU16),
    dividendsU16: Array.from(o.dividendsU16),
    validatorTrustU16: Array.from(o.validatorTrustU16),
    serverEmissionRao: [...o.serverEmissionRao],
    validatorEmissionRao: [...o.validatorEmissionRao],
    emissionRao: [...o.emissionRao],
    bondsU16: m(o.bondsU16),
    trace: {
      stake: Array.from(t.stake),
      activeStake: Array.from(t.activeStake),
      weights: m(t.weights),
      consensus: Array.from(t.consensus),
      clippedWeights: m(t.clippedWeights),
      validatorTrust: Array.from(t.validatorTrust),
      incentive: Array.from(t.incentive),
      weightsForBonds: m(t.weightsForBonds),
      bondsDelta: m(t.bondsDelta),
      emaBonds: m(t.emaBonds),
      dividends: Array.from(t.dividends),
      normalizedServerEmission: Array.from(t.normalizedServerEmission),
      normalizedValidatorEmission: Array.from(t.normalizedValidatorEmission),
      normalizedCombinedEmission: Array.from(t.normalizedCombinedEmission),
    },
  };
}
