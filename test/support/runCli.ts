/** Runs `yumalab run` in-process and collects what it prints (CLI tests). */
import { runCommand, type RunCommandHooks } from '../../src/cli/commands/run.ts';

export interface CliResult {
  readonly code: number;
  readonly out: string[];
  readonly err: string[];
}

export async function runCli(argv: string[], hooks: RunCommandHooks, onErr?: (line: string) => void): Promise<CliResult> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCommand(argv, (l) => out.push(l), (l) => (err.push(l), onErr?.(l)), hooks);
  return { code, out, err };
}
