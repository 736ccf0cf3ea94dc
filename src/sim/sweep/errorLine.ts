/** One line for a failed run: an input error's problems joined, else the error's first message line. */
import { InputError } from '../input/readStructuredFile.ts';

export function errorLine(e: unknown): string {
  if (e instanceof InputError) return e.problems.join('; ');
  const text = e instanceof Error ? `${e.name === 'Error' ? '' : `${e.name}: `}${e.message}` : String(e);
  return text.split('\n')[0]!;
}
