// The CommonJS entry beside tsc's ESM build: one esbuild bundle (jose included, so no require(esm) is needed)
// and the same declarations under dist/cjs/, whose package.json makes TypeScript read them as CommonJS.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const cjs = `${dist}cjs/`;
mkdirSync(cjs, { recursive: true });
await build({
  entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
  outfile: `${cjs}index.js`,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});
writeFileSync(`${cjs}package.json`, '{ "type": "commonjs" }\n');
for (const name of readdirSync(dist).filter((file) => file.endsWith('.d.ts'))) {
  // The declaration maps point at ../src from dist/, not from dist/cjs/: these copies go without them.
  const text = readFileSync(`${dist}${name}`, 'utf8').replace(/\n\/\/# sourceMappingURL=.*\n?$/, '\n');
  writeFileSync(`${cjs}${name}`, text);
}
