/**
 * Validator trust per validator group over time: metrics.csv `validator_trust`, the mean over the
 * group's UIDs of the epoch's validator trust (u16 / 65535): how much of a validator's weight
 * survived clipping to consensus. Validator groups: groupSides.ts.
 */
import { isValidatorGroup, kindLookup } from '../groupSides.ts';
import type { RunData } from '../readRunDirectory.ts';
import { groupSeriesSpec } from './groupSeriesSpec.ts';
import type { ReportChart } from './reportChart.ts';

export function validatorTrustChart(run: RunData): ReportChart | null {
  const kindOf = kindLookup(run.groups);
  const spec = groupSeriesSpec({
    title: 'Validator trust per validator group',
    notes: [`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, "mean over the group's UIDs"],
    rows: run.metrics.filter((m) => isValidatorGroup(m.group, kindOf(m.netuid, m.group))),
    value: (m) => m.validatorTrust,
    yTitle: 'validator trust (0–1)',
    yDomain: [0, 1],
  });
  return spec === null
    ? null
    : { name: 'validator-trust', title: 'Validator trust per validator group', caption: "Mean validator trust of each validator group's UIDs: the share of their weight that survived clipping to consensus.", spec };
}
