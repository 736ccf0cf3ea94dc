/**
 * An A/B pair into a directory, all or nothing: the attack scenario and its `control:` variant
 * (same seed) each run into a complete run directory, `DIR/attack/` and `DIR/control/`
 * (writeRunArtifacts.ts), then `DIR/ab.csv` (their group outcomes compared, compareGroups.ts)
 * and `DIR/manifest.json`, which names the scenario, the control overrides, both runs' digests
 * and one pair digest. Everything is written into a hidden sibling of DIR that is renamed into
 * place at the end (replaceDirectory.ts), so a failure or an interrupt in either run leaves DIR
 * as it was (or absent), never half a pair.
 *
 * The pair digest is runDigest over the lines `ab.csv <sha256>`, `attack <attack digest>` and
 * `control <control digest>`: it covers every artifact byte of both runs and the comparison, and,
 * like a run digest, not the manifests' wall-clock or command-line fields.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { compareGroups } from '../run/compareGroups.ts';
import type { RunRecorder } from '../run/records.ts';
import type { ControlOverride, Scenario } from '../scenario/scenario.ts';
import { YUMALAB_VERSION } from '../version.ts';
import { AB_COLUMNS } from './abColumns.ts';
import { ArtifactFile, type ArtifactFileInfo } from './artifactFile.ts';
import { csvHeader, csvLine } from './csvTable.ts';
import { replaceDirectory } from './replaceDirectory.ts';
import { runDigest } from './runDigest.ts';
import { manifestJson, type RunManifest, type RunTotals } from './runManifest.ts';
import { resolvedScenarioSha256, sha256Hex } from './scenarioHash.ts';
import { MANIFEST_FILE, writeRunArtifacts } from './writeRunArtifacts.ts';

export const AB_FILE = 'ab.csv';
export const ATTACK_DIR = 'attack';
export const CONTROL_DIR = 'control';

export type AbSide = 'attack' | 'control';

export interface AbManifest {
  readonly yumalab_version: string;
  readonly kind: 'ab';
  readonly scenario: { readonly name: string; readonly file: string; readonly file_sha256: string; readonly resolved_sha256: string };
  readonly seed: number;
  readonly numeric_mode: string;
  /** The scenario's `control:` entries, in file order. */
  readonly control_overrides: readonly ControlOverride[];
  /** Each run's directory and overall digest (its own manifest.json has the details). */
  readonly runs: readonly { readonly name: AbSide; readonly resolved_sha256: string; readonly digest: string }[];
  /** Files of the pair directory itself, besides the two runs and this manifest. */
  readonly files: readonly { readonly name: string; readonly sha256: string; readonly bytes: number }[];
  /** `sha256:<hex>`, see the header. */
  readonly digest: string;
  readonly generated_at: string;
  readonly command: readonly string[];
}

export interface AbWritten {
  readonly manifest: AbManifest;
  readonly attack: RunManifest;
  readonly control: RunManifest;
}

export interface AbArtifactsRequest {
  /** The attack scenario; its `control` must not be null. */
  readonly scenario: Scenario;
  /** The pair directory; an existing one is replaced once the pair is complete (the CLI decides whether that is allowed). */
  readonly outDir: string;
  readonly tag: string;
  readonly command: readonly string[];
  readonly generatedAt: () => string;
  /** Runs one side, sending every row to `recorder`. */
  readonly execute: (side: AbSide, scenario: Scenario, recorder: RunRecorder) => RunTotals;
  /** sha256 of the scenario file's bytes when the caller has them (a sweep worker without the file); default: read `scenario.file`. */
  readonly scenarioFileSha256?: string;
}

const hex = (digest: string): string => digest.replace(/^sha256:/, '');

export function writeAbArtifacts(req: AbArtifactsRequest): AbWritten {
  const control = req.scenario.control;
  if (control === null) throw new Error(`scenario ${req.scenario.name} has no control: section`);
  const fileSha256 = req.scenarioFileSha256 ?? sha256Hex(readFileSync(req.scenario.file));
  return replaceDirectory(req.outDir, req.tag, (dir) => {
    const sides: Record<AbSide, { manifest: RunManifest; totals: RunTotals } | null> = { attack: null, control: null };
    for (const [side, scenario] of [
      ['attack', req.scenario],
      ['control', control.scenario],
    ] as const) {
      let totals: RunTotals | null = null;
      const manifest = writeRunArtifacts({
        scenario,
        outDir: join(dir, side === 'attack' ? ATTACK_DIR : CONTROL_DIR),
        tag: req.tag,
        command: req.command,
        generatedAt: req.generatedAt,
        scenarioFileSha256: fileSha256,
        execute: (recorder) => (totals = req.execute(side, scenario, recorder)),
      });
      sides[side] = { manifest, totals: totals! };
    }
    const attack = sides.attack!;
    const ctl = sides.control!;

    const abInfo = writeFile(dir, AB_FILE, req.tag, (f) => {
      f.write(csvHeader(AB_COLUMNS));
      for (const row of compareGroups(attack.totals.groups, ctl.totals.groups)) f.write(csvLine(AB_COLUMNS, row));
    });

    const files = [{ name: abInfo.name, sha256: abInfo.sha256, bytes: abInfo.bytes }];
    const manifest: AbManifest = {
      yumalab_version: YUMALAB_VERSION,
      kind: 'ab',
      scenario: { name: req.scenario.name, file: req.scenario.file, file_sha256: fileSha256, resolved_sha256: resolvedScenarioSha256(req.scenario) },
      seed: req.scenario.seed,
      numeric_mode: req.scenario.chain.mode,
      control_overrides: control.overrides.map((o) => ({ path: o.path, value: o.value })),
      runs: [
        { name: 'attack', resolved_sha256: attack.manifest.scenario.resolved_sha256, digest: attack.manifest.digest },
        { name: 'control', resolved_sha256: ctl.manifest.scenario.resolved_sha256, digest: ctl.manifest.digest },
      ],
      files,
      digest: `sha256:${runDigest([...files, { name: ATTACK_DIR, sha256: hex(attack.manifest.digest) }, { name: CONTROL_DIR, sha256: hex(ctl.manifest.digest) }])}`,
      generated_at: req.generatedAt(),
      command: [...req.command],
    };
    writeFile(dir, MANIFEST_FILE, req.tag, (f) => f.write(manifestJson(manifest)));
    return { manifest, attack: attack.manifest, control: ctl.manifest };
  });
}

/** Writes one file of the pair directory (closed even on failure; the directory itself is discarded then). */
function writeFile(dir: string, name: string, tag: string, write: (f: ArtifactFile) => void): ArtifactFileInfo {
  const f = new ArtifactFile(dir, name, tag);
  try {
    write(f);
    const info = f.close();
    f.commit();
    return info;
  } catch (e) {
    f.discard();
    throw e;
  }
}
