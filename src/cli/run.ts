/** Process entry point: runs the CLI with the real argv and streams, sets the exit code. */
import { main } from './main.ts';

process.exitCode = await main(
  process.argv.slice(2),
  (line) => process.stdout.write(`${line}\n`),
  (line) => process.stderr.write(`${line}\n`),
);
