/** Scopes as Backstage's client takes them: a list, or one string split on whitespace, commas or `|`. */
export function parseScopes(scope: string | readonly string[] | undefined): string[] {
  const parts = typeof scope === 'string' ? scope.split(/[\s,|]+/) : [...(scope ?? [])];
  return union(parts.map((part) => part.trim()).filter(Boolean));
}

/** Every scope of every list, once, in first-seen order. */
export function union(...lists: ReadonlyArray<Iterable<string> | undefined>): string[] {
  const all = new Set<string>();
  for (const list of lists) for (const scope of list ?? []) all.add(scope);
  return [...all];
}

export function covers(held: ReadonlySet<string> | undefined, wanted: readonly string[]): boolean {
  return held !== undefined && wanted.every((scope) => held.has(scope));
}
