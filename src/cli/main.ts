/**
 * The `yumalab` command: parses arguments and calls `sim`. User mistakes (bad flags, bad input
 * files) print one line each and exit with code 2 — never a stack trace.
 */
import { YUMALAB_VERSION } from '../sim/version.ts';
import { InputError } from '../sim/input/readStructuredFile.ts';
import { CONFORMANCE_USAGE, conformanceCommand } from './commands/conformance.ts';
import { EPOCH_USAGE, epochCommand } from './commands/epoch.ts';
import { IMPORT_METAGRAPH_USAGE, importMetagraphCommand } from './commands/importMetagraph.ts';
import { REGRESS_USAGE, regressCommand } from './commands/regress.ts';
import { REPORT_USAGE, reportCommand } from './commands/report.ts';
import { REPORTS_USAGE, reportsCommand } from './commands/reports.ts';
import { RUN_USAGE, runCommand } from './commands/run.ts';
import { SUPPLY_USAGE, supplyCommand } from './commands/supply.ts';
import { SWEEP_USAGE, sweepCommand } from './commands/sweep.ts';
import { VALIDATE_USAGE, validateCommand } from './commands/validate.ts';
import { WORKER_USAGE, workerCommand } from './commands/worker.ts';
import { UsageError } from './usageError.ts';

const USAGE = `yumalab ${YUMALAB_VERSION} — deterministic simulator and research harness for Bittensor-style networks

usage: yumalab <command> [options]

commands:
  conformance <file-or-dir>...   run chain conformance cases (PASS/FAIL per case)
  epoch <state.json>             run one Yuma epoch on an explicit subnet state, print JSON
  import-metagraph <file.json>   turn a subnet metagraph export into a scenario (state or replay)
  regress <suite>                re-run a golden suite and compare with its baseline (drift report)
  report <run-dir>               check a run directory and write its HTML/Markdown report with charts
  reports                        regenerate the curated research reports in reports/
  run <scenario>                 simulate a scenario, write its artifacts, print the digest
  supply                         project TAO issuance and list the halvings and their dates
  sweep <file>                   run a parameter sweep (grid, zip, replicates) on threads or a Redis queue
  validate <scenario>...         check scenario files, print OK or every problem with its line
  worker --queue redis://H:P     process distributed sweep runs from a Redis queue, on any machine

Run 'yumalab <command> --help' for a command's options.`;

/** A command returns its exit code, or a promise of it when it runs long (`run`). */
type Command = (argv: readonly string[], out: (line: string) => void, err: (line: string) => void) => number | Promise<number>;

const COMMANDS: Readonly<Record<string, { run: Command; usage: string }>> = {
  conformance: { run: conformanceCommand, usage: CONFORMANCE_USAGE },
  epoch: { run: epochCommand, usage: EPOCH_USAGE },
  'import-metagraph': { run: importMetagraphCommand, usage: IMPORT_METAGRAPH_USAGE },
  regress: { run: regressCommand, usage: REGRESS_USAGE },
  report: { run: reportCommand, usage: REPORT_USAGE },
  reports: { run: reportsCommand, usage: REPORTS_USAGE },
  run: { run: runCommand, usage: RUN_USAGE },
  supply: { run: supplyCommand, usage: SUPPLY_USAGE },
  sweep: { run: sweepCommand, usage: SWEEP_USAGE },
  validate: { run: validateCommand, usage: VALIDATE_USAGE },
  worker: { run: workerCommand, usage: WORKER_USAGE },
};

/**
 * Runs the CLI and returns the exit code (so tests can call it in-process); `run` returns a
 * promise of it once its arguments and scenario have been checked.
 */
export function main(argv: readonly string[], out: (line: string) => void, err: (line: string) => void): number | Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    out(USAGE);
    return name === undefined ? 2 : 0;
  }
  if (name === '--version' || name === '-v') {
    out(YUMALAB_VERSION);
    return 0;
  }
  const command = COMMANDS[name];
  if (command === undefined) {
    err(`yumalab: unknown command '${name}' (commands: ${Object.keys(COMMANDS).join(', ')})`);
    return 2;
  }
  try {
    return command.run(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`yumalab ${name}: ${e.message}`);
      return 2;
    }
    if (e instanceof InputError) {
      for (const p of e.problems) err(p);
      return 2;
    }
    // node:util parseArgs reports unknown or malformed flags with these codes.
    const code = (e as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      err(`yumalab ${name}: ${(e as Error).message.split('\n')[0]}`);
      return 2;
    }
    throw e;
  }
}
