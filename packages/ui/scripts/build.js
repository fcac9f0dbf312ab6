// Builds the browser apps into dist/assets: content-hashed scripts and styles and a manifest naming them
// (docs/connect-page.md). Runs after `tsc -b` in `npm run build`, so @tokenvault/providers is built already.
import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { logoSvg, presets } from '@tokenvault/providers';
import { build } from 'esbuild';
import * as simpleIcons from 'simple-icons';

const out = fileURLToPath(new URL('../dist/assets/', import.meta.url));
const entries = {
  connect: fileURLToPath(new URL('../src/connect/main.tsx', import.meta.url)),
  dashboard: fileURLToPath(new URL('../src/dashboard/main.tsx', import.meta.url)),
};

/**
 * The icons our presets name as their `logo` (a simple-icons slug), not the whole set, each an SVG file named by its
 * content's hash (they are images, outside the script budget): { slug: fileName }. A configured provider shows the
 * logo its spec names, its preset's unless it sets its own.
 */
async function writePresetIcons() {
  const bySlug = new Map(
    Object.values(simpleIcons)
      .filter((icon) => icon && typeof icon.slug === 'string')
      .map((icon) => [icon.slug, icon]),
  );
  const files = {};
  for (const [id, preset] of Object.entries(presets)) {
    if (!preset.logo || files[preset.logo]) continue;
    const icon = bySlug.get(preset.logo);
    if (!icon) throw new Error(`preset ${id}: simple-icons has no icon "${preset.logo}"`);
    // The same file docs/providers.md shows (packages/providers/src/docs.ts).
    const svg = logoSvg(icon);
    const hash = createHash('sha256').update(svg).digest('hex').slice(0, 10);
    const name = `icon-${preset.logo}-${hash}.svg`;
    await writeFile(`${out}${name}`, svg);
    files[preset.logo] = name;
  }
  return files;
}

function iconsModule(icons) {
  return {
    name: 'provider-icons',
    setup(b) {
      b.onResolve({ filter: /^tokenvault:provider-icons$/ }, (args) => ({ path: args.path, namespace: 'icons' }));
      b.onLoad({ filter: /.*/, namespace: 'icons' }, () => ({
        contents: `export default ${JSON.stringify(icons)};`,
        loader: 'js',
      }));
    },
  };
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
const icons = await writePresetIcons();
const result = await build({
  entryPoints: entries,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2020',
  minify: true,
  jsx: 'automatic',
  entryNames: '[name]-[hash]',
  assetNames: '[name]-[hash]',
  outdir: out,
  metafile: true,
  legalComments: 'eof',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [iconsModule(icons)],
  logLevel: 'warning',
});

const types = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8' };
const files = Object.fromEntries(Object.values(icons).map((name) => [name, 'image/svg+xml']));
const apps = { connect: { scripts: [], styles: [] }, dashboard: { scripts: [], styles: [] } };
for (const [path, output] of Object.entries(result.metafile.outputs)) {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const type = types[name.slice(name.lastIndexOf('.'))];
  if (!type) throw new Error(`no content type for ${name}`);
  files[name] = type;
  if (output.entryPoint) {
    const app = apps[Object.keys(entries).find((key) => output.entryPoint.endsWith(`/${key}/main.tsx`))];
    app.scripts.push(name);
    if (output.cssBundle) app.styles.push(output.cssBundle.slice(output.cssBundle.lastIndexOf('/') + 1));
  }
}
await writeFile(`${out}manifest.json`, `${JSON.stringify({ ...apps, files }, null, 2)}\n`);
