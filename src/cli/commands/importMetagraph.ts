/**
 * `yumalab import-metagraph <file.json> --out scenario.yaml [--mode state|replay] [--name NAME]
 *  [--duration-epochs N] [--numeric chain|float] [--validators KIND] [--miners KIND] [--force]` —
 * turns a subnet metagraph export into a scenario (src/sim/scenario/metagraphScenario.ts) and
 * writes it with its JSON file beside it (`<stem>.state.json` or `<stem>.replay.json`).
 *
 * All or nothing: both files are written into a hidden temporary directory next to the output,
 * the scenario is loaded from there exactly as `yumalab validate` would, and only then are the
 * files renamed into place. A bad export prints one `file:line:col: key.path: message` line per
 * problem and exits 2 with nothing written.
 */
import { existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { InputError } from '../../sim/input/readStructuredFile.ts';
import { agentKeysOf, agentKindNames, findAgentKind } from '../../sim/scenario/agentKinds.ts';
import { loadScenario } from '../../sim/scenario/loadScenario.ts';
import { DEFAULT_IMPORT_EPOCHS, importMetagraph, type ImportMode } from '../../sim/scenario/metagraphScenario.ts';
import { didYouMean } from '../../sim/scenario/suggestName.ts';
import { UsageError } from '../usageError.ts';

export const IMPORT_METAGRAPH_USAGE = `usage: yumalab import-metagraph <metagraph.json> --out <scenario.yaml> [options]

Turns a subnet metagraph export (uids, hotkeys, coldkeys, S, W, B, last_update,
block_at_registration, validator_permit, hyperparameters — the Bittensor SDK's attribute names;
the shape is documented in scenarios/README.md, "Importing a metagraph") into a scenario, and
writes the JSON file it needs beside it: <stem>.state.json or <stem>.replay.json.

options:
  --out FILE               the scenario to write (required)
  --mode state|replay      state (default): the subnet starts from the snapshot's neuron table and
                           agents drive it forward; replay: the snapshot's stakes and weights are
                           replayed every epoch (UIDs remapped: permit holders first)
  --name NAME              scenario name (default: the output file's name)
  --duration-epochs N      run length in epochs of the subnet's tempo (default ${DEFAULT_IMPORT_EPOCHS})
  --numeric chain|float    numeric mode of the scenario (default chain)
  --validators KIND        state mode: agent kind of the permit holders (default validator.honest)
  --miners KIND            state mode: agent kind of the other UIDs (default miner.honest)
  --force                  replace existing output files

Exit code: 0 written, 2 a problem with the arguments or the export (nothing is written).`;

const NAME = /^[a-z0-9][a-z0-9_-]*$/;

/** A state-mode kind flag: a known kind that holds exactly one UID per agent. */
function checkKind(flag: string, kind: string): string {
  const k = findAgentKind(kind);
  if (k === undefined) {
    const hint = didYouMean(kind, agentKindNames());
    throw new UsageError(`${flag}: unknown agent kind '${kind}'${hint === '' ? ` (known: ${agentKindNames().join(', ')})` : hint}`);
  }
  const keys = agentKeysOf(kind, k.params.parse({}));
  if (keys.hotkeys !== 1 || keys.genesisUids !== 1) throw new UsageError(`${flag}: ${kind} does not hold exactly one UID per agent, so it cannot drive an imported UID`);
  return kind;
}

export function importMetagraphCommand(argv: readonly string[], out: (line: string) => void): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    options: {
      out: { type: 'string' },
      mode: { type: 'string' },
      name: { type: 'string' },
      'duration-epochs': { type: 'string' },
      numeric: { type: 'string' },
      validators: { type: 'string' },
      miners: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    out(IMPORT_METAGRAPH_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('give exactly one metagraph file');
  const source = positionals[0]!;
  if (values.out === undefined) throw new UsageError('--out FILE is required (the scenario to write)');
  const mode = (values.mode ?? 'state') as ImportMode;
  if (mode !== 'state' && mode !== 'replay') throw new UsageError(`--mode must be 'state' or 'replay', got '${values.mode}'`);
  const numeric = values.numeric ?? 'chain';
  if (numeric !== 'chain' && numeric !== 'float') throw new UsageError(`--numeric must be 'chain' or 'float', got '${numeric}'`);
  const epochsText = values['duration-epochs'] ?? String(DEFAULT_IMPORT_EPOCHS);
  if (!/^[1-9][0-9]*$/.test(epochsText) || !Number.isSafeInteger(Number(epochsText))) throw new UsageError(`--duration-epochs must be an integer ≥ 1, got '${epochsText}'`);
  if (mode === 'replay' && (values.validators !== undefined || values.miners !== undefined)) throw new UsageError('--validators and --miners choose the agents of state mode; a replay has none');
  const validatorsKind = checkKind('--validators', values.validators ?? 'validator.honest');
  const minersKind = checkKind('--miners', values.miners ?? 'miner.honest');

  const scenarioPath = values.out;
  const dir = dirname(scenarioPath);
  const stem = basename(scenarioPath, extname(scenarioPath));
  const name = values.name ?? stem.toLowerCase().replace(/[^a-z0-9_-]+/g, '-').replace(/^[^a-z0-9]+/, '');
  if (!NAME.test(name)) throw new UsageError(`--name must use lower-case letters, digits, _ and - (it names the run directory), got '${name}'`);
  const sideFile = `${stem}.${mode}.json`;
  const sidePath = join(dir, sideFile);
  if (!values.force) {
    for (const p of [scenarioPath, sidePath]) if (existsSync(p)) throw new UsageError(`${p} exists (use --force to replace it)`);
  }

  const imported = importMetagraph(source, {
    mode,
    name,
    durationEpochs: Number(epochsText),
    numeric,
    sideFile,
    sourceName: basename(source),
    validatorsKind,
    minersKind,
  });

  mkdirSync(dir, { recursive: true });
  const temp = mkdtempSync(join(dir, '.yumalab-import-'));
  try {
    const tempScenario = join(temp, basename(scenarioPath));
    writeFileSync(join(temp, sideFile), imported.sideText);
    writeFileSync(tempScenario, imported.scenarioText);
    try {
      loadScenario(tempScenario);
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      // The scenario is ours, so this is an export the scenario rules refuse: say so, naming the file written.
      throw new InputError(e.problems.map((p) => `${source}: the imported scenario is invalid: ${p.split(temp).join(dir)}`));
    }
    renameSync(join(temp, sideFile), sidePath);
    renameSync(tempScenario, scenarioPath);
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  out(`wrote ${scenarioPath}`);
  out(`wrote ${sidePath}`);
  for (const line of imported.report) out(line);
  return 0;
}
