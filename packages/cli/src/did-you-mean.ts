/**
 * Edit distance counting an insertion, a deletion, a substitution or a swap of two neighbouring letters as 1
 * (optimal string alignment), so `odic` is one step from `oidc`.
 */
export function editDistance(a: string, b: string): number {
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const above = rows[i - 1] as number[];
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1);
      best = Math.min(best, (above[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[a.length] as number[])[b.length] as number;
}

/**
 * The known word closest to `word`, if it is close enough to be a typo (at most a third of its letters differ,
 * at least one, ignoring letter case) or an abbreviation of exactly one of them.
 */
export function closest(word: string, known: Iterable<string>): string | undefined {
  // An abbreviation (`prod` for `production`) is what was meant when exactly one known word starts with it.
  const list = [...known];
  const starting = list.filter((candidate) => candidate.toLowerCase().startsWith(word.toLowerCase()));
  if (word.length >= 3 && starting.length === 1) return starting[0];
  const limit = Math.max(1, Math.floor(word.length / 3));
  let best: { word: string; distance: number } | undefined;
  for (const candidate of list) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance <= limit && (!best || distance < best.distance)) best = { word: candidate, distance };
  }
  return best?.word;
}

/** `; did you mean X?` when a known word is close, else nothing. */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closest(word, known);
  return match === undefined ? '' : `; did you mean ${match}?`;
}
