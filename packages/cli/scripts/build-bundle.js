// The program `bin/tokenvault.js` runs: the CLI and everything it imports in one esbuild bundle under bundle/
// (docs/architecture.md, "Packages and releases"). Node then compiles a few files at start instead of hundreds of
// modules, which is most of the start time and idle memory. Each store is a chunk of its own, loaded when the
// config names its database, so a SQLite server never loads the PostgreSQL driver and the reverse.
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const bundle = fileURLToPath(new URL('../bundle/', import.meta.url));
rmSync(bundle, { recursive: true, force: true }); // chunk names carry a hash: no stale chunk may stay
const metafile = process.argv.find((arg) => arg.startsWith('--metafile='))?.slice('--metafile='.length);
const result = await build({
  entryPoints: { tokenvault: fileURLToPath(new URL('../src/main.ts', import.meta.url)) },
  outdir: bundle,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // The sources of our packages, as the tests see them; dependencies resolve as Node would resolve them.
  conditions: ['@tokenvault/source'],
  // Native code cannot be bundled; the demo provider (oidc-provider and its dependencies) is only for dev mode
  // and is imported when dev mode starts; the connect page's package finds its built assets beside its own
  // module. All four resolve from node_modules at run time.
  external: ['better-sqlite3', 'pg', '@tokenvault/demo', '@tokenvault/ui'],
  // CommonJS dependencies (pino) call require() for Node's own modules; an ES module has no require of its own.
  banner: {
    js: "import { createRequire as __tokenvaultRequire } from 'node:module';\nconst require = __tokenvaultRequire(import.meta.url);",
  },
  // Less text to parse at start (about 4 MB of RSS and a tenth of the start); names are kept, so a stack trace
  // still says which function, and the source map says where.
  minifyWhitespace: true,
  minifySyntax: true,
  // With the sources inside, the map works wherever the package is installed; Node reads it only when source
  // maps are enabled (bin/tokenvault.js enables them for --verbose).
  sourcemap: true,
  sourcesContent: true,
  chunkNames: 'chunks/[name]-[hash]',
  // `--metafile=FILE` writes what each output holds, for esbuild's analyzer (docs/benchmarks.md, "Footprint").
  metafile: metafile !== undefined,
  logLevel: 'warning',
});
if (metafile) writeFileSync(metafile, JSON.stringify(result.metafile));
