/**
 * `yumalab validate <scenario>...` — checks scenario files without running them: `OK <file>` per
 * valid file, or every problem as `file:line:col: key.path: message`; exit code 2 if any file
 * has a problem (all files are checked, so one run lists everything to fix). A file with a
 * `sweep:` section has its sweep checked too (axes, zip lengths, every axis value), and a research
 * experiment file (`experiment:`) is checked as one, and a suite's `suite.yaml` (`yumalab
 * regress`) as a suite. `--set key.path=value` checks the files as `run`/`sweep`/`regress` would
 * read them with those overrides.
 */
import { parseArgs } from 'node:util';
import { isExperimentFile, parseExperimentFile } from '../../sim/experiments/experimentFile.ts';
import { InputError, readInputText } from '../../sim/input/readStructuredFile.ts';
import { isSuiteFile, loadSuite } from '../../sim/regress/regressSuite.ts';
import { loadScenario } from '../../sim/scenario/loadScenario.ts';
import { loadSweepPlan } from '../../sim/sweep/loadSweepPlan.ts';
import { parseSetArgument, type ScenarioOverride } from '../../sim/scenario/scenarioOverride.ts';
import { subjectForFile } from '../../sim/sweep/sweepSubjects.ts';
import { UsageError } from '../usageError.ts';

export const VALIDATE_USAGE = `usage: yumalab validate <scenario.yaml>... [--set key.path=value]...

Checks each scenario file against the schema documented in scenarios/README.md and prints
'OK <file>', or one line per problem: file:line:col: key.path: message.

  --set key.path=value   check the files with this override applied, as run/sweep/regress would

Exit code: 0 all valid, 2 a problem in any file.`;

export function validateCommand(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: { help: { type: 'boolean', short: 'h', default: false }, set: { type: 'string', multiple: true, default: [] } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(VALIDATE_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new UsageError('validate: give at least one scenario file');
  const overrides: ScenarioOverride[] = values.set.map(parseSetArgument);
  let code = 0;
  for (const file of positionals) {
    try {
      // A golden suite's suite.yaml: its keys and every scenario it lists, with their overrides.
      if (isSuiteFile(file)) loadSuite(file, overrides);
      else if (isExperimentFile(file)) parseExperimentFile(readInputText(file), file, overrides);
      else loadScenario(file, overrides);
      // The sweep section, when there is one: the same checks `yumalab sweep` makes before running.
      if (/^sweep\s*:/m.test(readInputText(file))) loadSweepPlan(file, overrides, subjectForFile);
      out(`OK ${file}`);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      for (const p of e.problems) err(p);
      code = 2;
    }
  }
  return code;
}
