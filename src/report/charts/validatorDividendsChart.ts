/**
 * Dividends per validator group over time: metrics.csv `dividends_alpha`, the alpha credited to
 * the group's hotkeys as dividends at each recorded epoch. Validator groups: groupSides.ts.
 */
import { isValidatorGroup, kindLookup } from '../groupSides.ts';
import type { RunData } from '../readRunDirectory.ts';
import { groupSeriesSpec } from './groupSeriesSpec.ts';
import type { ReportChart } from './reportChart.ts';

export function validatorDividendsChart(run: RunData): ReportChart | null {
  const kindOf = kindLookup(run.groups);
  const spec = groupSeriesSpec({
    title: 'Dividends per validator group',
    notes: [`${run.manifest.scenario.name}, seed ${run.manifest.seed}`, 'alpha credited as dividends at each recorded epoch'],
    rows: run.metrics.filter((m) => isValidatorGroup(m.group, kindOf(m.netuid, m.group))),
    value: (m) => m.dividendsAlpha,
    yTitle: 'dividends per epoch (alpha)',
  });
  return spec === null
    ? null
    : { name: 'validator-dividends', title: 'Dividends per validator group', caption: 'Alpha each validator group received as dividends at each recorded epoch (summed over its UIDs).', spec };
}
