/**
 * Command-line overrides of scenario keys: `yumalab run --set key.path=value` (and `--seed`,
 * `--numeric`, which are overrides of `seed` and `chain.numeric`). They are applied to the file's
 * data before validation (loadScenario.ts), so an overridden value is checked exactly like one
 * written in the file and the resolved scenario — and its hash — says what actually ran.
 */
import { isScalar, parseDocument } from 'yaml';
import { InputError } from '../input/readStructuredFile.ts';
import { compareRatio, parseExactDecimal } from './exactDecimal.ts';

export interface ScenarioOverride {
  /** Dotted key path as in `control:` (`subnets.0.hyperparameters.kappa`). */
  readonly path: string;
  readonly value: unknown;
  /** How the user wrote it, prefixed to every message about it: `--set chain.numeric`, `--seed`. */
  readonly label: string;
}

/**
 * Reads one `--set key.path=value` argument. The value is a YAML scalar (`0.5`, `true`, `float`,
 * `"quoted text"`, empty = null); a number with more digits than a float64 holds is kept as its
 * text, as in the file, so amounts stay exact. A mistake throws an `InputError` with one line.
 */
export function parseSetArgument(arg: string): ScenarioOverride {
  const eq = arg.indexOf('=');
  const path = eq < 0 ? arg : arg.slice(0, eq).trim();
  if (eq < 0 || path === '' || !/^[^.\s]+(\.[^.\s]+)*$/.test(path)) {
    throw new InputError([`--set ${arg}: expected key.path=value (e.g. --set subnets.0.hyperparameters.kappa=0.6)`]);
  }
  const label = `--set ${path}`;
  return { path, value: parseScalar(arg.slice(eq + 1), label), label };
}

/** A YAML scalar from the command line, exact for long decimals; non-scalars are refused. */
export function parseScalar(text: string, label: string): unknown {
  const doc = parseDocument(text, { prettyErrors: false });
  if (doc.errors.length > 0) throw new InputError([`${label}: cannot read value '${text}': ${doc.errors[0]!.message.split('\n')[0]}`]);
  const node = doc.contents;
  if (node === null) return null;
  if (!isScalar(node)) throw new InputError([`${label}: expected a single value (a number, true/false, a name or a quoted string), got '${text}'`]);
  if (typeof node.value === 'number' && typeof node.source === 'string') {
    const written = parseExactDecimal(node.source);
    const held = parseExactDecimal(node.value);
    if (written !== null && held !== null && compareRatio(written, held) !== 0) return node.source;
  }
  return node.value;
}
