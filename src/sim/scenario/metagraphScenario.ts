/**
 * `yumalab import-metagraph`'s translation (issue 8 part 5): a metagraph export → the text of a
 * scenario YAML and of the JSON file beside it, in one of two modes (scenarios/README.md,
 * *Importing a metagraph*):
 *
 * - `state` (the default): the subnet STARTS from the snapshot — `subnets[].state` names a
 *   normalised copy of the neuron table (UIDs, hotkeys, coldkeys, stakes, weights and bonds as the
 *   chain stores them, LastUpdate, registration blocks, permits) — and agents drive it forward:
 *   permit holders one validator kind, the other UIDs one miner kind, each bound to its UID's keys.
 * - `replay`: the snapshot's stakes and weights replayed at every epoch (`subnets[].replay`),
 *   through whatever Yuma variant the scenario picks. The replay format wants validators at UIDs
 *   0..V−1, so UIDs are remapped: permit holders first, then the others, each in snapshot order;
 *   a comment table in the YAML maps them back. Replay keeps no hotkeys and no bonds (bonds build
 *   up from empty), and validator rows keep only their weights on miners.
 *
 * Hyperparameters and pool reserves come from metagraphSettings.ts; the output is a pure function
 * of the export and the options, so importing twice gives the same bytes. Nothing here touches
 * the disk beyond reading the export: the CLI writes (temp files, then rename).
 */
import { defaultTurnoverParams } from '../../consensus/chain/chainState.ts';
import { NEW_SUBNET_EPOCH_HYPERPARAMETERS as D } from '../../consensus/epoch/defaults.ts';
import { formatAlpha, formatTao, parseTao, RAO_PER_TAO } from '../../primitives/units.ts';
import { InputError, parseStructuredFile } from '../input/readStructuredFile.ts';
import { parseMetagraph, problemCollector, type Metagraph } from '../input/metagraphFile.ts';
import { DEFAULT_IMPORT_POOL_RAO, readMetagraphSettings, type MetagraphSettings } from '../input/metagraphSettings.ts';
import { DEFAULT_ISSUANCE_TAO, DEFAULT_TEMPO_BLOCKS } from './scenarioSchema.ts';

export type ImportMode = 'state' | 'replay';

export interface MetagraphImportOptions {
  readonly mode: ImportMode;
  /** Scenario name (runs go to runs/<name>/<seed>). */
  readonly name: string;
  readonly durationEpochs: number;
  readonly numeric: 'chain' | 'float';
  /** Name of the JSON file written beside the scenario (state or replay file), relative to it. */
  readonly sideFile: string;
  /** How the export is named in the scenario's comments (its base name, so output is path-independent). */
  readonly sourceName: string;
  /** State mode: kinds driving the permit holders and the other UIDs. */
  readonly validatorsKind: string;
  readonly minersKind: string;
}

export interface ImportedScenario {
  readonly scenarioText: string;
  readonly sideText: string;
  /** What was imported and what was left out, one line each (notes start with `note: `). */
  readonly report: readonly string[];
}

/** Default of `--duration-epochs`. */
export const DEFAULT_IMPORT_EPOCHS = 10;
/** What a scenario subnet holds without `max_allowed_uids`. */
const DEFAULT_MAX_UIDS = defaultTurnoverParams().maxAllowedUids;
const MAX_SUPPLY_RAO = 21_000_000n * RAO_PER_TAO;
const MILLION_TAO_RAO = 1_000_000n * RAO_PER_TAO;
const U64_MAX = (1n << 64n) - 1n;

/** Reads the export at `file` and translates it; every user mistake is one `file:line:col` line of an InputError. */
export function importMetagraph(file: string, o: MetagraphImportOptions): ImportedScenario {
  const parsed = parseStructuredFile(file);
  const { metagraph, problems } = parseMetagraph(parsed);
  const { settings, problems: settingProblems } = readMetagraphSettings(parsed);
  const { problems: modeProblems, at } = problemCollector(parsed);
  if (metagraph !== null) {
    const n = metagraph.neurons.length;
    const maxUids = settings.hyperparameters.find(([k]) => k === 'max_allowed_uids')?.[1];
    if (maxUids === undefined && n > DEFAULT_MAX_UIDS) at(['uids'], `${n} UIDs exceed the default max_allowed_uids of ${DEFAULT_MAX_UIDS}; give hyperparameters.max_n`);
    if (typeof maxUids === 'number' && n > maxUids) at(['hyperparameters'], `max_allowed_uids ${maxUids} is below the metagraph's ${n} UIDs`);
    if (o.mode === 'replay') {
      const permits = metagraph.neurons.filter((x) => x.validatorPermit).length;
      if (permits === 0) at(['validator_permit'], 'replay mode needs at least one UID with a validator permit (the replay validators)');
      if (permits === n) at(['validator_permit'], 'replay mode needs at least one UID without a validator permit (the replay miners)');
    }
  }
  const pool = settings.pool ?? DEFAULT_IMPORT_POOL_RAO;
  const rootRao = o.mode === 'state' && metagraph !== null ? metagraph.neurons.reduce((a, x) => a + x.rootStakeRao, 0n) : 0n;
  // The genesis TAO (pool, root stakes) comes out of the issuance: raise it, in whole millions, if needed.
  const needed = pool.taoRao + rootRao;
  let issuanceRao: bigint | null = null;
  if (needed > parseTao(DEFAULT_ISSUANCE_TAO)) {
    issuanceRao = ((needed + MILLION_TAO_RAO - 1n) / MILLION_TAO_RAO) * MILLION_TAO_RAO;
    if (issuanceRao > MAX_SUPPLY_RAO) at(settings.pool === null ? ['tao_stake'] : ['tao_in'], `the pool's TAO and the root stakes add up to ${formatTao(needed)} TAO, more than the 21M TAO supply`);
  }
  const all = [...problems, ...settingProblems, ...modeProblems];
  if (all.length > 0 || metagraph === null) throw new InputError(all);

  const tempo = settings.tempoBlocks ?? DEFAULT_TEMPO_BLOCKS;
  const side = o.mode === 'state' ? stateFileText(metagraph) : replayFile(metagraph);
  const scenarioText = scenarioYaml(metagraph, settings, o, { tempo, pool, issuanceRao, uidMap: side.uidMap });
  const unread = metagraph.otherKeys.filter((k) => k !== 'hyperparameters' && !POOL_KEYS.has(k));
  const report = [
    `${metagraph.neurons.length} UIDs of subnet ${metagraph.netuid} at block ${metagraph.block}: ${metagraph.neurons.filter((x) => x.validatorPermit).length} with a validator permit`,
    `stake from ${metagraph.stakeKeys.join(' + ')}; weights ${encodingText(metagraph.weightsEncoding)}; bonds ${encodingText(metagraph.bondsEncoding)}${o.mode === 'replay' ? ' (not replayed)' : ''}`,
    `hyperparameters: ${settings.tempoBlocks === null ? '' : 'tempo, '}${settings.hyperparameters.map(([k]) => k).join(', ') || 'none (chain defaults)'}`,
    `pool: ${settings.pool === null ? `none in the export; default ${formatTao(pool.taoRao)} TAO / ${formatAlpha(pool.alphaRao)} alpha` : `${formatTao(pool.taoRao)} TAO / ${formatAlpha(pool.alphaRao)} alpha`}`,
    ...(unread.length > 0 ? [`note: not read: ${unread.join(', ')}`] : []),
    ...metagraph.notes.map((l) => `note: ${l}`),
    ...settings.notes.map((l) => `note: ${l}`),
  ];
  return { scenarioText, sideText: side.text, report };
}

const POOL_KEYS = new Set(['tao_in', 'alpha_in', 'pool']);

function encodingText(e: Metagraph['weightsEncoding']): string {
  return e === null ? 'none recorded' : `read as ${e === 'u16' ? 'u16 integers' : 'fractions'}`;
}

/** The normalised state file: the neuron table in the accepted shape, u16 sparse rows, exact amounts. */
function stateFileText(m: Metagraph): { text: string; uidMap: null } {
  const xs = m.neurons;
  const hasRoot = xs.some((x) => x.rootStakeRao > 0n);
  const list = (v: readonly unknown[]): string => `[${v.map((x) => JSON.stringify(x)).join(', ')}]`;
  const column = (v: readonly unknown[]): string => `[\n${v.map((x) => `    ${JSON.stringify(x)}`).join(',\n')}\n  ]`;
  const rows = (r: readonly (readonly (readonly [number, number])[])[]): string => `[\n${r.map((row) => `    ${JSON.stringify(row)}`).join(',\n')}\n  ]`;
  const entries: [string, string][] = [
    ['netuid', String(m.netuid)],
    ['block', String(m.block)],
    ['n', String(xs.length)],
    ['uids', list(xs.map((_x, uid) => uid))],
    ['hotkeys', column(xs.map((x) => x.hotkey))],
    ['coldkeys', column(xs.map((x) => x.coldkey))],
    ['owner_hotkey', JSON.stringify(xs[m.ownerUid]!.hotkey)],
    ['owner_coldkey', JSON.stringify(m.ownerColdkey)],
    ['alpha_stake', list(xs.map((x) => formatAlpha(x.alphaStakeRao)))],
    ...(hasRoot ? ([['tao_stake', list(xs.map((x) => formatTao(x.rootStakeRao)))]] as [string, string][]) : []),
    ['weights_encoding', '"u16"'],
    ['weights', rows(xs.map((x) => x.weights))],
    ['bonds_encoding', '"u16"'],
    ['bonds', rows(xs.map((x) => x.bonds))],
    ['last_update', list(xs.map((x) => x.lastUpdateBlock))],
    ['block_at_registration', list(xs.map((x) => x.registrationBlock))],
    ['validator_permit', list(xs.map((x) => x.validatorPermit))],
  ];
  return { text: `{\n${entries.map(([k, v]) => `  ${JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`, uidMap: null };
}

/**
 * One replay epoch: permit holders become validators 0..V−1, the others miners V.., each in
 * snapshot order; a UID's stake is its alpha stake plus its root stake × the default tao weight
 * (a replay has no root stake of its own); validator rows keep their weights on miners.
 */
function replayFile(m: Metagraph): { text: string; uidMap: number[] } {
  const validators = m.neurons.flatMap((x, uid) => (x.validatorPermit ? [uid] : []));
  const miners = m.neurons.flatMap((x, uid) => (x.validatorPermit ? [] : [uid]));
  const order = [...validators, ...miners];
  const stakes = order.map((uid) => {
    const x = m.neurons[uid]!;
    return formatTao(x.alphaStakeRao + (x.rootStakeRao * D.taoWeightRaw) / U64_MAX);
  });
  const weights = validators.map((uid) => {
    const row = new Map(m.neurons[uid]!.weights);
    return miners.map((j) => row.get(j) ?? 0);
  });
  const text = `{"epochs": [\n  {\n    "stakes_tao": [${stakes.map((s) => JSON.stringify(s)).join(', ')}],\n    "weights": [\n${weights.map((r) => `      ${JSON.stringify(r)}`).join(',\n')}\n    ]\n  }\n]}\n`;
  return { text, uidMap: order };
}

interface Layout {
  readonly tempo: number;
  readonly pool: { readonly taoRao: bigint; readonly alphaRao: bigint };
  readonly issuanceRao: bigint | null;
  /** Replay mode: snapshot UID of each replay UID. */
  readonly uidMap: readonly number[] | null;
}

function scenarioYaml(m: Metagraph, settings: MetagraphSettings, o: MetagraphImportOptions, l: Layout): string {
  const n = m.neurons.length;
  const v = m.neurons.filter((x) => x.validatorPermit).length;
  const subnetName = `sn${m.netuid}`;
  const out: string[] = [];
  const c = (text: string): void => {
    out.push(...wrap(text, 96).map((line) => `# ${line}`));
  };
  c(`Imported by \`yumalab import-metagraph\` from ${o.sourceName}: subnet ${m.netuid} at block ${m.block}, ${n} UIDs (${v} with a validator permit); netuid 1 here, named ${subnetName}.`);
  if (o.mode === 'state') {
    c(
      `Mode state: the subnet starts from ${o.sideFile}, the snapshot's neuron table (UIDs, hotkeys, coldkeys, stakes, weights, bonds, LastUpdate, registration blocks, permits; block ${m.block} is block 0 here), and agents drive it forward: the permit holders ${o.validatorsKind}, the other UIDs ${o.minersKind}, each bound to its UID's hotkey and coldkey.`,
    );
  } else {
    c(
      `Mode replay: ${o.sideFile} replays the snapshot's stakes and weights at every epoch (bonds start empty; hotkeys become ${subnetName}.replay.<uid>). Replay UIDs put the permit holders first; replay UID ← snapshot UID (hotkey):`,
    );
    l.uidMap!.forEach((uid, k) => out.push(`#   ${String(k).padStart(3)} ← ${String(uid).padStart(3)}  ${m.neurons[uid]!.hotkey}${k < v ? '  (validator)' : ''}`));
  }
  out.push(`name: ${o.name}`);
  const what = o.mode === 'state' ? 'starting from its neuron table, driven forward by agents' : 'its stakes and weights replayed every epoch';
  out.push(`description: ${JSON.stringify(`Subnet ${m.netuid} as exported at block ${m.block} (${n} UIDs, ${v} validators), ${what}.`)}`);
  out.push('seed: 0', 'duration:', `  epochs: ${o.durationEpochs}`, 'chain:', `  numeric: ${o.numeric}`, `  epoch_blocks: ${l.tempo}`);
  if (l.issuanceRao !== null) out.push(`  issuance_tao: ${formatTao(l.issuanceRao)}`);
  out.push('subnets:', `  - name: ${subnetName}`, `    tempo: ${l.tempo}`, `    pool: {tao: ${formatTao(l.pool.taoRao)}, alpha: ${formatAlpha(l.pool.alphaRao)}}`);
  const h = settings.hyperparameters;
  if (h.length > 0) {
    out.push('    hyperparameters:');
    for (const [k, value] of h) out.push(`      ${k}: ${typeof value === 'string' ? value : String(value)}`);
  }
  if (o.mode === 'state') {
    out.push(`    state: ${o.sideFile}`, '    state_agents:', `      validators: {kind: ${o.validatorsKind}}`, `      miners: {kind: ${o.minersKind}}`);
  } else {
    out.push(`    replay: ${o.sideFile}`);
  }
  out.push('outputs:', '  cadence: epoch', '');
  return out.join('\n');
}

/** Greedy word wrap for comments. */
function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines;
}
