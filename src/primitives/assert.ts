/**
 * Always-on assertions (DESIGN.md habit 6). An assertion failure is a bug in yumalab, never a
 * user error: user errors are reported by the CLI as one-line messages with exit code 2.
 */
export class AssertionError extends Error {
  override readonly name = 'AssertionError';
}

/**
 * Throws an AssertionError when the condition is false. In hot code pass the message as a
 * function, so it is only built on failure.
 */
export function assert(condition: unknown, message: string | (() => string)): asserts condition {
  if (!condition) throw new AssertionError(typeof message === 'function' ? message() : message);
}

export function assertNever(value: never, context: string): never {
  throw new AssertionError(`${context}: unexpected value ${String(value)}`);
}
