import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The memory store and the conformance suite are for tests: no production code path may load them. The server
// and the CLI import core's main entry, so that entry must never reach src/testing/, and no package's src/ may
// import the `@tokenvault/core/testing` subpath.
const packages = fileURLToPath(new URL('../../', import.meta.url));
const coreSrc = join(packages, 'core/src');

/** Every core source file the module reaches through relative imports, itself included. */
async function reachable(file: string, seen = new Set<string>()): Promise<Set<string>> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const source = await readFile(file, 'utf8');
  for (const [, specifier] of source.matchAll(/\bfrom\s*'(\.[^']*)'/g)) {
    await reachable(resolve(dirname(file), (specifier as string).replace(/\.js$/, '.ts')), seen);
  }
  return seen;
}

describe('@tokenvault/core/testing stays out of production', () => {
  it('is not reached from core’s main entry', async () => {
    const files = [...(await reachable(join(coreSrc, 'index.ts')))].map((file) => file.slice(coreSrc.length + 1));
    expect(files).toContain('vault.ts');
    expect(files.filter((file) => file.startsWith('testing/'))).toEqual([]);
  });

  it('is imported by no package’s src/', async () => {
    const importers: string[] = [];
    for (const entry of await readdir(packages, { withFileTypes: true, recursive: true })) {
      const path = join(entry.parentPath, entry.name);
      if (!entry.isFile() || !/\.tsx?$/.test(entry.name) || !path.includes('/src/') || path.includes('node_modules')) {
        continue;
      }
      if ((await readFile(path, 'utf8')).includes("'@tokenvault/core/testing'")) importers.push(path);
    }
    expect(importers).toEqual([]);
  });
});
