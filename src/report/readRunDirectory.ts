/**
 * Loads a run directory for the report: a single run (manifest.json, metrics.csv, neurons.csv,
 * events.jsonl, groups.csv, subnets.csv) or an A/B pair (attack/, control/, ab.csv,
 * manifest.json; src/sim/artifacts/writeAbArtifacts.ts). Everything is checked before it is used:
 * the manifest, every listed file's sha256 (verifyManifest.ts), for a pair each run's digest
 * against the pair manifest, then the CSV headers and cells. Any problem is one ReportError
 * line naming the directory and the file.
 */
import { join } from 'node:path';
import { streamCsv } from './csvStream.ts';
import { ReportError } from './reportError.ts';
import {
  AB_COLUMNS,
  abCsvRow,
  GROUP_COLUMNS,
  groupRow,
  METRICS_COLUMNS,
  metricsPoint,
  NEURON_COLUMNS,
  neuronAtLastEpoch,
  RowReader,
  SUBNET_COLUMNS,
  subnetRow,
  type AbCsvRow,
  type GroupRow,
  type MetricsPoint,
  type NeuronAtLastEpoch,
  type SubnetRow,
} from './runTables.ts';
import { loadManifest, verifyFiles, type AbManifestData, type RunManifestData } from './verifyManifest.ts';
import { EVENTS_FILE, readMlQuality, type MlQualityEpoch } from './readMlQuality.ts';

export const METRICS_FILE = 'metrics.csv';
export const NEURONS_FILE = 'neurons.csv';
export const GROUPS_FILE = 'groups.csv';
export const SUBNETS_FILE = 'subnets.csv';
export const AB_FILE = 'ab.csv';

/** One run, as the charts and tables need it. */
export interface RunData {
  readonly dir: string;
  readonly manifest: RunManifestData;
  /** In file order (block, then netuid, then group). */
  readonly metrics: readonly MetricsPoint[];
  readonly groups: readonly GroupRow[];
  readonly subnets: readonly SubnetRow[];
  /** Per subnet, the UIDs of its last recorded epoch; empty when the run wrote no neuron rows. */
  readonly lastNeurons: readonly NeuronAtLastEpoch[];
  /** Proof-of-Intelligence subnets: held-out quality vs incentive per recorded epoch (empty otherwise). */
  readonly mlQuality?: readonly MlQualityEpoch[];
}

export interface AbData {
  readonly dir: string;
  readonly manifest: AbManifestData;
  readonly attack: RunData;
  readonly control: RunData;
  readonly ab: readonly AbCsvRow[];
}

export type RunDirectory = { readonly kind: 'single'; readonly run: RunData } | { readonly kind: 'ab'; readonly pair: AbData };

export async function readRunDirectory(dir: string): Promise<RunDirectory> {
  const loaded = loadManifest(dir);
  if (loaded.kind === 'single') return { kind: 'single', run: await readRun(dir, loaded.manifest) };
  const m = loaded.manifest;
  await verifyFiles(dir, m.files);
  requireListed(dir, m.files, [AB_FILE]);
  const side = async (name: 'attack' | 'control'): Promise<RunData> => {
    const sub = join(dir, name);
    const expected = m.runs.find((r) => r.name === name);
    if (expected === undefined) throw new ReportError(`${dir}: ${'manifest.json'} does not name a ${name} run`);
    const run = loadManifest(sub);
    if (run.kind !== 'single') throw new ReportError(`${sub}: manifest.json is a pair manifest, expected a run`);
    if (run.manifest.digest !== expected.digest) throw new ReportError(`${dir}: ${name}/manifest.json digest does not match the pair manifest (corrupt or mixed-up pair)`);
    return readRun(sub, run.manifest);
  };
  const attack = await side('attack');
  const control = await side('control');
  const reader = new RowReader(dir, AB_FILE);
  const ab: AbCsvRow[] = [];
  await streamCsv(join(dir, AB_FILE), dir, AB_FILE, AB_COLUMNS, (row) => ab.push(abCsvRow(reader, row)));
  return { kind: 'ab', pair: { dir, manifest: m, attack, control, ab } };
}

async function readRun(dir: string, manifest: RunManifestData): Promise<RunData> {
  await verifyFiles(dir, manifest.files);
  requireListed(dir, manifest.files, [METRICS_FILE, GROUPS_FILE, SUBNETS_FILE]);

  const metrics: MetricsPoint[] = [];
  const metricsReader = new RowReader(dir, METRICS_FILE);
  await streamCsv(join(dir, METRICS_FILE), dir, METRICS_FILE, METRICS_COLUMNS, (row) => metrics.push(metricsPoint(metricsReader, row)));

  const groups: GroupRow[] = [];
  const groupsReader = new RowReader(dir, GROUPS_FILE);
  await streamCsv(join(dir, GROUPS_FILE), dir, GROUPS_FILE, GROUP_COLUMNS, (row) => groups.push(groupRow(groupsReader, row)));

  const subnets: SubnetRow[] = [];
  const subnetsReader = new RowReader(dir, SUBNETS_FILE);
  await streamCsv(join(dir, SUBNETS_FILE), dir, SUBNETS_FILE, SUBNET_COLUMNS, (row) => subnets.push(subnetRow(subnetsReader, row)));

  // neurons.csv: keep, per subnet, only the rows of the latest block seen so far.
  const last = new Map<number, { block: number; rows: NeuronAtLastEpoch[] }>();
  if (manifest.files.some((f) => f.name === NEURONS_FILE)) {
    const reader = new RowReader(dir, NEURONS_FILE);
    await streamCsv(join(dir, NEURONS_FILE), dir, NEURONS_FILE, NEURON_COLUMNS, (row) => {
      const n = neuronAtLastEpoch(reader, row);
      const cur = last.get(n.netuid);
      if (cur === undefined || n.block > cur.block) last.set(n.netuid, { block: n.block, rows: [n] });
      else if (n.block === cur.block) cur.rows.push(n);
    });
  }
  const lastNeurons = [...last.keys()].sort((a, b) => a - b).flatMap((netuid) => last.get(netuid)!.rows);
  const mlQuality = manifest.files.some((f) => f.name === EVENTS_FILE) ? await readMlQuality(dir) : [];
  return { dir, manifest, metrics, groups, subnets, lastNeurons, mlQuality };
}

function requireListed(dir: string, files: readonly { readonly name: string }[], names: readonly string[]): void {
  for (const name of names) {
    if (!files.some((f) => f.name === name)) throw new ReportError(`${dir}: manifest.json does not list ${name} (not a yumalab run directory of this version)`);
  }
}
