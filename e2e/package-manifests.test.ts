import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// A published package must declare every package its code imports (or an install elsewhere breaks), and only
// those (or every install pulls in dead weight): each manifest against the imports of its src/.
const packagesDir = fileURLToPath(new URL('../packages', import.meta.url));

async function sourceFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile() && /\.tsx?$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name));
}

/** The packages named by `import … from 'x'`, `export … from 'x'`, `import 'x'` and `import('x')`. */
function importedPackages(source: string): string[] {
  const specifiers = [...source.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*)'([^'.][^']*)'/g)].map((m) => m[1] as string);
  return (
    specifiers
      // node:fs and the build's own virtual modules (tokenvault:provider-icons) are no packages.
      .filter((specifier) => !/^[a-z]+:/.test(specifier))
      .map((specifier) =>
        specifier
          .split('/')
          .slice(0, specifier.startsWith('@') ? 2 : 1)
          .join('/'),
      )
  );
}

/**
 * Sources compiled into static browser assets when the package is built: what they import is needed to build it
 * (devDependencies), not to run it.
 */
const BUILT_INTO_ASSETS: Record<string, string[]> = { ui: ['connect', 'dashboard', 'shared'] };

/**
 * Packages a package's published bundle imports by name although its src/ reaches them only through a workspace
 * package the bundle inlines (packages/cli/scripts/build-bundle.js keeps the database drivers external).
 */
const BUNDLE_EXTERNALS: Record<string, string[]> = { cli: ['better-sqlite3', 'pg'] };

const names = (await readdir(packagesDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);

describe('package manifests', () => {
  it.each(names)('%s declares exactly the packages its src/ imports', async (name) => {
    const manifest = JSON.parse(await readFile(join(packagesDir, name, 'package.json'), 'utf8'));
    const imported = new Set<string>(BUNDLE_EXTERNALS[name]);
    const forAssets = new Set<string>();
    const assetDirs = (BUILT_INTO_ASSETS[name] ?? []).map((dir) => join(packagesDir, name, 'src', dir));
    for (const file of await sourceFiles(join(packagesDir, name, 'src'))) {
      const into = assetDirs.some((dir) => file.startsWith(`${dir}/`)) ? forAssets : imported;
      for (const found of importedPackages(await readFile(file, 'utf8'))) into.add(found);
    }
    imported.delete(manifest.name); // its own subpaths
    const declared = Object.keys({ ...manifest.dependencies, ...manifest.peerDependencies });
    expect([...imported].sort()).toEqual(declared.sort());
    for (const found of forAssets) expect(manifest.devDependencies ?? {}, `${name}: ${found}`).toHaveProperty([found]);
  });

  it('finds the imports it checks', () => {
    const source = "import { a } from 'kysely';\nexport { b } from '@tokenvault/core/testing';\nawait import('pg');";
    expect(importedPackages(`${source}\nimport x from './local.js';\nimport 'node:fs';`)).toEqual([
      'kysely',
      '@tokenvault/core',
      'pg',
    ]);
  });
});
