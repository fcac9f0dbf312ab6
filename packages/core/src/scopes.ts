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

export function missingScopes(held: readonly string[], wanted: readonly string[]): string[] {
  const have = new Set(held);
  return wanted.filter((scope) => !have.has(scope));
}
