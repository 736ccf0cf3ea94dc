/**
 * `manifest.json`: what ran (scenario name, file, hashes, seed, numeric mode, chain rules
 * version, epoch mechanism and emission rule, yumalab version, length), what it wrote (each artifact's sha256 and size, and the
 * overall `digest` of runDigest.ts), when (`generated_at`, wall clock — excluded from the digest)
 * and how it was started (the command line). Keys are snake_case in a fixed order, amounts exact
 * decimal strings, 2-space indentation, one trailing newline.
 */
import { formatTao } from '../../primitives/units.ts';
import type { SubnetOutcome } from '../run/subnetOutcomes.ts';
import type { GroupOutcome } from '../run/groupOutcomes.ts';
import type { Scenario, ScenarioMechanism } from '../scenario/scenario.ts';
import { YUMALAB_VERSION } from '../version.ts';
import type { ArtifactFileInfo } from './artifactFile.ts';
import { runDigest } from './runDigest.ts';

/** What the run loop reports at the end (the shape of `RunSummary`). */
export interface RunTotals {
  readonly blocks: number;
  readonly epochs: number;
  readonly finalIssuanceRao: bigint;
  /** Written to `groups.csv`. */
  readonly groups: readonly GroupOutcome[];
  /** Written to `subnets.csv`. */
  readonly subnets: readonly SubnetOutcome[];
}

export interface RunManifest {
  readonly yumalab_version: string;
  readonly scenario: {
    readonly name: string;
    readonly file: string;
    /** sha256 of the file's bytes. */
    readonly file_sha256: string;
    /** sha256 of the resolved scenario (canonical JSON, see scenarioHash.ts). */
    readonly resolved_sha256: string;
  };
  readonly seed: number;
  readonly numeric_mode: string;
  readonly rules_version: string;
  /** The epoch mechanism (`chain.mechanism`, see manifestMechanism). */
  readonly mechanism: ManifestMechanism;
  /** The emission-share rule (`chain.emission_rule`). */
  readonly emission_rule: string;
  readonly duration_blocks: number;
  readonly blocks_run: number;
  readonly epochs_run: number;
  readonly final_issuance_tao: string;
  /** Sorted by name. */
  readonly files: readonly { readonly name: string; readonly sha256: string; readonly bytes: number }[];
  /** `sha256:<hex>` of runDigest(files). */
  readonly digest: string;
  readonly generated_at: string;
  readonly command: readonly string[];
}

/**
 * Which epoch mechanism ran: `chain` = each subnet's own from `yuma3_on` (no `chain.mechanism`),
 * `registry` = a registered name, `module` = a user module, with its reference as written and the
 * sha256 of its file and of its local imports.
 */
export type ManifestMechanism =
  | { readonly source: 'chain'; readonly name: 'yuma3_on per subnet' }
  | { readonly source: 'registry'; readonly name: string }
  | {
      readonly source: 'module';
      readonly name: string;
      readonly module: string;
      readonly sha256: string;
      readonly imports: readonly { readonly file: string; readonly sha256: string }[];
    };

export function manifestMechanism(m: ScenarioMechanism | null): ManifestMechanism {
  if (m === null) return { source: 'chain', name: 'yuma3_on per subnet' };
  if (m.module === null) return { source: 'registry', name: m.name };
  return { source: 'module', name: m.name, module: m.reference, sha256: m.module.sha256, imports: m.module.imports.map((i) => ({ file: i.file, sha256: i.sha256 })) };
}

export interface ManifestInputs {
  readonly scenario: Scenario;
  readonly scenarioFileSha256: string;
  readonly resolvedScenarioSha256: string;
  readonly totals: RunTotals;
  readonly files: readonly ArtifactFileInfo[];
  readonly generatedAt: string;
  readonly command: readonly string[];
}

export function buildManifest(m: ManifestInputs): RunManifest {
  const files = [...m.files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes }));
  return {
    yumalab_version: YUMALAB_VERSION,
    scenario: { name: m.scenario.name, file: m.scenario.file, file_sha256: m.scenarioFileSha256, resolved_sha256: m.resolvedScenarioSha256 },
    seed: m.scenario.seed,
    numeric_mode: m.scenario.chain.mode,
    rules_version: m.scenario.chain.rulesVersion,
    mechanism: manifestMechanism(m.scenario.chain.mechanism),
    emission_rule: m.scenario.chain.globals.emissionRule,
    duration_blocks: m.scenario.durationBlocks,
    blocks_run: m.totals.blocks,
    epochs_run: m.totals.epochs,
    final_issuance_tao: formatTao(m.totals.finalIssuanceRao),
    files,
    digest: `sha256:${runDigest(files)}`,
    generated_at: m.generatedAt,
    command: [...m.command],
  };
}

/** Also used for the A/B pair manifest (writeAbArtifacts.ts), which has the same conventions. */
export function manifestJson(m: RunManifest | object): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}
