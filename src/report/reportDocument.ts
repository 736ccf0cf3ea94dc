/**
 * What a report says, independent of its format: the title, provenance (what ran: scenario name,
 * file and hashes, seed, versions, numeric mode, digest), key-figure tables (groups.csv
 * highlights, subnets.csv, and for an A/B pair the ab.csv rows) and the chart sections.
 * renderHtml.ts and renderMarkdown.ts turn it into report.html and report.md. Table cells are the
 * artifacts' exact text, never re-formatted floats.
 */
import type { ChartSection } from './buildCharts.ts';
import type { RunData, RunDirectory } from './readRunDirectory.ts';
import type { RunManifestData } from './verifyManifest.ts';
import { mlQualityTables } from './mlQualityTables.ts';

export interface KeyValueBlock {
  readonly heading: string;
  readonly rows: readonly (readonly [string, string])[];
}

export interface Table {
  readonly heading: string;
  readonly note: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export interface ReportDocument {
  readonly title: string;
  readonly summary: string;
  /** Written findings (published reports): paragraphs of plain text shown under a "Findings" heading. */
  readonly findings?: readonly string[];
  readonly provenance: readonly KeyValueBlock[];
  readonly tables: readonly Table[];
  readonly sections: readonly ChartSection[];
}

const GROUP_HIGHLIGHTS = ['netuid', 'group', 'kind', 'agents', 'uids_at_end', 'emission_tao', 'emission_share', 'stake_share', 'profit_tao', 'return_on_stake'];
const AB_HIGHLIGHTS = [
  'netuid', 'group', 'kind_attack', 'kind_control', 'emission_tao_attack', 'emission_tao_control', 'emission_tao_delta',
  'profit_tao_attack', 'profit_tao_control', 'profit_tao_delta', 'attacker_profit_vs_control_tao',
];

export function reportDocument(source: RunDirectory, sections: readonly ChartSection[]): ReportDocument {
  if (source.kind === 'single') {
    const { run } = source;
    const m = run.manifest;
    return {
      title: `yumalab report: ${m.scenario.name}, seed ${m.seed}`,
      summary: `${m.blocks_run} blocks (${m.epochs_run} epochs) in ${m.numeric_mode} mode; final issuance ${m.final_issuance_tao} TAO.`,
      provenance: [runProvenance('Provenance', run.dir, m)],
      tables: runTables(run, ''),
      sections,
    };
  }
  const { pair } = source;
  const m = pair.manifest;
  const overrides = m.control_overrides.map((o) => `${o.path} = ${JSON.stringify(o.value)}`).join('; ');
  const ab: Table = {
    heading: 'Attack against control (ab.csv)',
    note: 'One row per (subnet, group) in either run; amounts in TAO, delta = attack − control; an empty cell means the group is absent from that run.',
    columns: AB_HIGHLIGHTS,
    rows: pair.ab.map((r) => AB_HIGHLIGHTS.map((c) => r.text[c] ?? '')),
  };
  return {
    title: `yumalab report: ${m.scenario.name}, seed ${m.seed} (A/B pair)`,
    summary: `An attack run and its control (${overrides}) with the same seed, in ${m.numeric_mode} mode.`,
    provenance: [
      {
        heading: 'Provenance (pair)',
        rows: [
          ['directory', pair.dir],
          ['scenario', m.scenario.name],
          ['scenario file', m.scenario.file],
          ['file sha256', m.scenario.file_sha256],
          ['resolved scenario sha256', m.scenario.resolved_sha256],
          ['seed', String(m.seed)],
          ['control overrides', overrides],
          ['yumalab version', m.yumalab_version],
          ['numeric mode', m.numeric_mode],
          ['pair digest', m.digest],
          ['generated at', m.generated_at],
        ],
      },
      runProvenance('Attack run', pair.attack.dir, pair.attack.manifest),
      runProvenance('Control run', pair.control.dir, pair.control.manifest),
    ],
    tables: [ab, ...runTables(pair.attack, 'attack run: '), ...runTables(pair.control, 'control run: ')],
    sections,
  };
}

/** `yuma2`, `yuma3_on per subnet (the chain's choice)`, or `my_yuma (./my-yuma.ts#MyYuma, sha256 …)`. */
function mechanismText(x: NonNullable<RunManifestData['mechanism']>): string {
  if (x.source === 'chain') return `${x.name} (the chain's choice)`;
  if (x.source === 'module') return `${x.name} (module ${x.module ?? ''}, sha256 ${x.sha256 ?? ''})`;
  return x.name;
}

function runProvenance(heading: string, dir: string, m: RunManifestData): KeyValueBlock {
  return {
    heading,
    rows: [
      ['directory', dir],
      ['scenario', m.scenario.name],
      ['scenario file', m.scenario.file],
      ['file sha256', m.scenario.file_sha256],
      ['resolved scenario sha256', m.scenario.resolved_sha256],
      ['seed', String(m.seed)],
      ['yumalab version', m.yumalab_version],
      ['numeric mode', m.numeric_mode],
      ['chain rules version', m.rules_version],
      ...(m.mechanism === undefined ? [] : [['mechanism', mechanismText(m.mechanism)] as [string, string]]),
      ...(m.emission_rule === undefined ? [] : [['emission rule', m.emission_rule] as [string, string]]),
      ['blocks run', `${m.blocks_run} of ${m.duration_blocks}`],
      ['epochs run', String(m.epochs_run)],
      ['final issuance (TAO)', m.final_issuance_tao],
      ['digest', m.digest],
      ['generated at', m.generated_at],
    ],
  };
}

function runTables(run: RunData, prefix: string): Table[] {
  const subnetColumns = run.subnets[0] === undefined ? ['netuid'] : Object.keys(run.subnets[0].text);
  return [
    {
      heading: `${prefix}agent groups (groups.csv)`,
      note: 'Per (subnet, group) over the whole run: emission valued in TAO when credited, emission and stake shares, profit = final − initial wealth of the group\'s coldkeys (TAO), return on stake = emission / initial stake.',
      columns: GROUP_HIGHLIGHTS,
      rows: run.groups.map((g) => GROUP_HIGHLIGHTS.map((c) => g.text[c] ?? '')),
    },
    {
      heading: `${prefix}subnets (subnets.csv)`,
      note: 'Per subnet: TAO emission over the run and its share, alpha prices (TAO per alpha).',
      columns: subnetColumns,
      rows: run.subnets.map((s) => subnetColumns.map((c) => s.text[c] ?? '')),
    },
    ...mlQualityTables(run.mlQuality ?? [], run.groups, prefix),
  ];
}
