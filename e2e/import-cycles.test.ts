import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

// No module of a package's src/ may import itself through others, type-only imports included: a cycle ties
// files together so neither can be read, tested or moved alone, and at runtime it makes load order matter.
// Cycles between packages cannot happen (project references in tsconfig.build.json refuse them).
const root = fileURLToPath(new URL('..', import.meta.url));

type Graph = Map<string, string[]>;

/** Every relative import of every .ts/.tsx file under packages/<name>/src, as file → files it imports. */
async function importGraph(): Promise<Graph> {
  const graph: Graph = new Map();
  const entries = await readdir(join(root, 'packages'), { withFileTypes: true, recursive: true });
  const files = entries
    .filter(
      (e) => e.isFile() && /\.tsx?$/.test(e.name) && /^packages\/[^/]+\/src(\/|$)/.test(relative(root, e.parentPath)),
    )
    .map((e) => join(e.parentPath, e.name));
  const known = new Set(files);
  for (const file of files) {
    // preProcessFile reads the imports as the compiler does: `import type`, `export … from`, `import()`, not comments.
    const { importedFiles } = ts.preProcessFile(await readFile(file, 'utf8'), true, true);
    graph.set(
      file,
      importedFiles
        .map((imported) => imported.fileName)
        // A stylesheet the browser bundle imports (packages/ui) imports nothing back.
        .filter((name) => name.startsWith('.') && !name.endsWith('.css'))
        .map((name) => sourceOf(resolve(dirname(file), name), known)),
    );
  }
  return graph;
}

/** `./x.js` is `./x.ts` (or `.tsx`, or a folder's `index.ts`); an import of anything else fails the test. */
function sourceOf(path: string, known: Set<string>): string {
  const stem = path.replace(/\.js$/, '');
  const found = [`${stem}.ts`, `${stem}.tsx`, join(stem, 'index.ts')].find((candidate) => known.has(candidate));
  if (!found) throw new Error(`${relative(root, path)}: an import the cycle check cannot resolve to a source file`);
  return found;
}

/** Each cycle once, as the files along it (depth-first search; a back edge closes a cycle). */
function cycles(graph: Graph): string[][] {
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (file: string) => {
    state.set(file, 'open');
    path.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(file, 'done');
  };
  for (const file of [...graph.keys()].sort()) if (!state.has(file)) visit(file);
  return found;
}

describe('import cycles', () => {
  it('packages/*/src has none, type-only imports included', async () => {
    const graph = await importGraph();
    expect(graph.size).toBeGreaterThan(100);
    const found = cycles(graph).map((cycle) => cycle.map((file) => relative(root, file)).join(' → '));
    expect(found).toEqual([]);
  });

  it('finds a cycle, and only a cycle', () => {
    const graph: Graph = new Map([
      ['a', ['b', 'd']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['c']],
      ['e', ['d']],
    ]);
    expect(cycles(graph)).toEqual([['a', 'b', 'c', 'a']]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', []],
          ['c', ['a', 'b']],
        ]),
      ),
    ).toEqual([]);
    expect(cycles(new Map([['a', ['a']]]))).toEqual([['a', 'a']]);
  });
});
