/**
 * Canonical JSON: object keys sorted (by UTF-16 code units, JavaScript's default order), no
 * whitespace, bigint written as a decimal string (JSON numbers are float64 and would round
 * amounts), non-finite numbers as null (as JSON.stringify does), undefined members left out. The
 * same value always gives the same bytes, whatever order its keys were created in — the basis of
 * the resolved-scenario hash and of `events.jsonl` details.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '');
}

function write(value: unknown, path: string): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'bigint':
      return `"${value.toString()}"`;
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      throw new TypeError(`canonicalJson: cannot write a ${typeof value} at '${path || '(root)'}'`);
  }
  if (Array.isArray(value)) return `[${value.map((v, i) => (v === undefined ? 'null' : write(v, `${path}[${i}]`))).join(',')}]`;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) {
    throw new TypeError(`canonicalJson: cannot write a ${(value as object).constructor?.name ?? 'non-plain object'} at '${path || '(root)'}'`);
  }
  const entries = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${write((value as Record<string, unknown>)[k], path === '' ? k : `${path}.${k}`)}`);
  return `{${entries.join(',')}}`;
}
