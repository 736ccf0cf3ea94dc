/**
 * Loads a run directory's `manifest.json` and checks the directory against it before anything is
 * parsed: every listed file present with the sha256 the manifest records (streamed, so a 77 MB
 * neurons.csv is never held in memory), and the manifest's `digest` equal to runDigest of its file
 * list (src/sim/artifacts/runDigest.ts), so an edited manifest is caught as well as an edited file.
 * A failed or interrupted run never leaves a manifest (writeRunArtifacts.ts writes it last), so a
 * directory without one is reported as "not a complete yumalab run".
 */
import { createHash } from 'node:crypto';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { runDigest } from '../sim/artifacts/runDigest.ts';
import { ReportError } from './reportError.ts';

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);
const DIGEST = z.string().regex(/^sha256:[0-9a-f]{64}$/);
const FILE_ENTRY = z.object({ name: z.string(), sha256: SHA256, bytes: z.number().int().nonnegative() });
const SCENARIO = z.object({ name: z.string(), file: z.string(), file_sha256: SHA256, resolved_sha256: SHA256 });

/** The fields of a single run's manifest (runManifest.ts) the report uses. */
const RUN_MANIFEST = z.object({
  yumalab_version: z.string(),
  scenario: SCENARIO,
  seed: z.number().int(),
  numeric_mode: z.string(),
  rules_version: z.string(),
  /** Absent in manifests written before `chain.mechanism` existed. */
  mechanism: z.object({ source: z.string(), name: z.string(), module: z.string().optional(), sha256: SHA256.optional() }).optional(),
  emission_rule: z.string().optional(),
  duration_blocks: z.number().int(),
  blocks_run: z.number().int(),
  epochs_run: z.number().int(),
  final_issuance_tao: z.string(),
  files: z.array(FILE_ENTRY),
  digest: DIGEST,
  generated_at: z.string(),
});

/** The fields of an A/B pair's manifest (writeAbArtifacts.ts) the report uses. */
const AB_MANIFEST = z.object({
  yumalab_version: z.string(),
  kind: z.literal('ab'),
  scenario: SCENARIO,
  seed: z.number().int(),
  numeric_mode: z.string(),
  control_overrides: z.array(z.object({ path: z.string(), value: z.unknown() })),
  runs: z.array(z.object({ name: z.enum(['attack', 'control']), resolved_sha256: SHA256, digest: DIGEST })),
  files: z.array(FILE_ENTRY),
  digest: DIGEST,
  generated_at: z.string(),
});

export type RunManifestData = z.infer<typeof RUN_MANIFEST>;
export type AbManifestData = z.infer<typeof AB_MANIFEST>;
export type ManifestData = { readonly kind: 'single'; readonly manifest: RunManifestData } | { readonly kind: 'ab'; readonly manifest: AbManifestData };

export const MANIFEST_FILE = 'manifest.json';

/** Parses `dir/manifest.json` as a run or an A/B pair manifest (it does not check the files yet). */
export function loadManifest(dir: string): ManifestData {
  const fail = (what: string): never => {
    throw new ReportError(`${dir}: ${what}`);
  };
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    fail('no such directory');
  }
  if (!isDir) fail('is not a directory');
  let text = '';
  try {
    text = readFileSync(join(dir, MANIFEST_FILE), 'utf8');
  } catch {
    fail(`${MANIFEST_FILE} is missing (not a complete yumalab run directory)`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    fail(`${MANIFEST_FILE} is not valid JSON (corrupt or partial run)`);
  }
  const isAb = typeof json === 'object' && json !== null && (json as { kind?: unknown }).kind === 'ab';
  const parsed = (isAb ? AB_MANIFEST : RUN_MANIFEST).safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return fail(`${MANIFEST_FILE} is not a yumalab ${isAb ? 'A/B pair' : 'run'} manifest (${issue.path.join('.') || 'top level'}: ${issue.message})`);
  }
  const names = parsed.data.files.map((f) => f.name);
  const unsafe = names.find((n) => n === '' || n.includes('/') || n.includes('\\') || n.startsWith('.'));
  if (unsafe !== undefined) fail(`${MANIFEST_FILE} lists a file outside the directory: '${unsafe}'`);
  // A pair's digest also covers its two runs' digests, named by their directories (writeAbArtifacts.ts).
  const runs = isAb ? (parsed.data as AbManifestData).runs.map((r) => ({ name: r.name, sha256: r.digest.slice('sha256:'.length) })) : [];
  if (`sha256:${runDigest([...parsed.data.files, ...runs])}` !== parsed.data.digest) fail(`${MANIFEST_FILE}: digest does not match its file list (edited manifest)`);
  return isAb ? { kind: 'ab', manifest: parsed.data as AbManifestData } : { kind: 'single', manifest: parsed.data as RunManifestData };
}

/** Checks every file the manifest lists: present, same size, same sha256. */
export async function verifyFiles(dir: string, files: readonly { readonly name: string; readonly sha256: string; readonly bytes: number }[]): Promise<void> {
  for (const f of files) {
    const path = join(dir, f.name);
    let bytes: number;
    try {
      bytes = statSync(path).size;
    } catch {
      throw new ReportError(`${dir}: ${f.name} is missing (the manifest lists it; partial or moved run)`);
    }
    const sha = bytes === f.bytes ? await sha256OfFile(path) : null;
    if (sha !== f.sha256) throw new ReportError(`${dir}: ${f.name} does not match its manifest sha256 (corrupt or partial run)`);
  }
}

function sha256OfFile(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}
