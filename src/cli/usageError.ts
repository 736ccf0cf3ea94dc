/** A mistake in the command line; printed as one line, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function parseNumericMode(value: string | undefined): 'chain' | 'float' {
  if (value === undefined || value === 'chain') return 'chain';
  if (value === 'float') return 'float';
  throw new UsageError(`--mode must be 'chain' or 'float', got '${value}'`);
}
