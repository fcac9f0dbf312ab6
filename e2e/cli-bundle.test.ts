import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './support/cli-process.js';

// The CLI's bundle (built by the global setup) must load no database driver and no demo provider at start: the
// store a config names loads its driver when it is opened, the demo provider only in dev mode.
const entry = join(repoRoot, 'packages/cli/bundle/tokenvault.js');

/** What `file` imports by `import … from` / `export … from` (static), and by `import()` (dynamic). */
function importsOf(file: string): { static: string[]; dynamic: string[] } {
  const text = readFileSync(file, 'utf8');
  return {
    // An import or export statement (minified: `import{a as b}from"./x.js"`), not a word in the code that follows.
    static: [...text.matchAll(/(?:^|[;}\n])\s*(?:import|export)\b[^;'"]*?\bfrom\s*["']([^"']+)["']/g)].map(
      (match) => match[1] as string,
    ),
    dynamic: [...text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)].map((match) => match[1] as string),
  };
}

/** Every module loaded with `file` before any of its code runs: its static imports, followed through our chunks. */
function loadedAtStart(file: string, seen = new Set<string>()): Set<string> {
  for (const specifier of importsOf(file).static) {
    if (!specifier.startsWith('.')) seen.add(specifier);
    else {
      const path = resolve(dirname(file), specifier);
      if (!seen.has(path)) loadedAtStart(path, seen.add(path));
    }
  }
  return seen;
}

describe('the CLI bundle', () => {
  it('loads no database driver and no demo provider at start, and imports each where it is needed', () => {
    const atStart = loadedAtStart(entry);
    expect(atStart.has('node:http')).toBe(true); // the walk sees the bundle's real imports
    for (const name of ['better-sqlite3', 'pg', '@tokenvault/demo']) {
      expect(atStart.has(name), name).toBe(false);
    }

    const { dynamic } = importsOf(entry);
    expect(dynamic).toContain('@tokenvault/demo');
    const drivers = dynamic
      .filter((specifier) => specifier.startsWith('.'))
      .map((chunk) => loadedAtStart(resolve(dirname(entry), chunk)));
    expect(drivers.filter((loaded) => loaded.has('better-sqlite3'))).toHaveLength(1);
    expect(drivers.filter((loaded) => loaded.has('pg'))).toHaveLength(1);
  });
});
