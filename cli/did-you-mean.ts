/**
 * "Did you mean": the known word closest to a mistyped one, by edit distance
 * (insertions, deletions, substitutions and swaps of two neighbours, as
 * git's and npm's suggestions count them), or null when none is close.
 */

/** Optimal string alignment distance: Levenshtein plus a swap of two adjacent characters counted as one edit. */
export function editDistance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      const swapped = i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1];
      if (swapped) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = best;
    }
  }
  return rows[a.length]![b.length]!;
}

/** The closest of `known` to `typed`: within a third of its length in edits (at least one), or a word it begins. */
export function closest(typed: string, known: readonly string[]): string | null {
  const word = typed.toLowerCase();
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const distance = editDistance(word, name.toLowerCase());
    if (!best || distance < best.distance) best = { name, distance };
  }
  if (best && best.distance <= Math.max(1, Math.floor(word.length / 3))) return best.name;
  const begun = word.length >= 2 ? known.filter((name) => name.toLowerCase().startsWith(word)) : [];
  return begun.length === 1 ? begun[0]! : null;
}

/** "; did you mean X?" for a message, or nothing. */
export function suggestion(typed: string, known: readonly string[]): string {
  const found = closest(typed, known);
  return found === null ? '' : `; did you mean ${found}?`;
}
