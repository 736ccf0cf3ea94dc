/**
 * "Did you mean" for misspelt keys, agent kinds and enum values (issue 4 item 2). Twenty lines of
 * optimal-string-alignment distance do not warrant a dependency: the candidate lists are a few
 * dozen names, so the O(|a|·|b|) table per candidate costs nothing.
 */

/** Edit distance counting insertions, deletions, substitutions and adjacent transpositions. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j]! + 1, d[i * cols + j - 1]! + 1, d[(i - 1) * cols + j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[(i - 2) * cols + j - 2]! + 1);
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1]!;
}

/** The largest distance still suggested: 2, but at most a third of the word, so 'ab' never suggests 'xy'. */
function maxDistanceFor(input: string): number {
  return Math.min(2, Math.max(1, Math.floor(input.length / 3)));
}

/**
 * The candidate closest to `input` (case-insensitive), or undefined when none is within the
 * distance limit. Ties go to the candidate that sorts first, so the suggestion is deterministic.
 */
export function closestName(input: string, candidates: Iterable<string>): string | undefined {
  const needle = input.toLowerCase();
  let best: string | undefined;
  let bestDistance = maxDistanceFor(input) + 1;
  for (const c of [...candidates].sort()) {
    const distance = editDistance(needle, c.toLowerCase());
    if (distance < bestDistance) {
      best = c;
      bestDistance = distance;
    }
  }
  return best;
}

/** ` (did you mean 'x'?)` or the empty string. */
export function didYouMean(input: string, candidates: Iterable<string>): string {
  const c = closestName(input, candidates);
  return c === undefined ? '' : ` (did you mean '${c}'?)`;
}
