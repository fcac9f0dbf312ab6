/** Providers separate scopes with spaces or commas (GitHub answers `repo,gist`); scope names contain neither. */
export function parseScopes(value: string | readonly string[] | null | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(/[\s,]+/) : [...(value ?? [])];
  return unique(parts.map((scope) => scope.trim()).filter(Boolean));
}

export function unique(scopes: readonly string[]): string[] {
  return [...new Set(scopes)];
}

export function mergeScopes(...lists: ReadonlyArray<readonly string[] | undefined>): string[] {
  return unique(lists.flatMap((list) => list ?? []));
}

/** A token read asks this of every account it reads: a few names each, so no set is built for them. */
export function missingScopes(held: readonly string[], wanted: readonly string[]): string[] {
  return wanted.filter((scope) => !held.includes(scope));
}
