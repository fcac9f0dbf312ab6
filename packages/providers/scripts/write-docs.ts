// Writes docs/providers.md from the catalog, and each preset's logo beside it (`npm run docs:providers`).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as simpleIcons from 'simple-icons';
import { presets } from '../src/catalog.js';
import { logoFile, logoSvg, providersMarkdown } from '../src/docs.js';

const docs = fileURLToPath(new URL('../../../docs/', import.meta.url));
const icons = new Map(
  Object.values(simpleIcons)
    .filter((icon) => typeof icon === 'object' && icon !== null && 'slug' in icon)
    .map((icon) => [icon.slug, icon]),
);

// Only the logos the presets name: a preset that drops its logo takes its file with it.
const folder = `${docs}${logoFile('x').replace(/[^/]+$/, '')}`;
rmSync(folder, { recursive: true, force: true });
mkdirSync(folder, { recursive: true });
for (const [id, preset] of Object.entries(presets)) {
  if (!preset.logo) continue;
  const icon = icons.get(preset.logo);
  if (!icon) throw new Error(`preset ${id}: simple-icons has no icon "${preset.logo}"`);
  writeFileSync(`${docs}${logoFile(preset.logo)}`, logoSvg(icon));
}
writeFileSync(`${docs}providers.md`, providersMarkdown(presets));
console.log(`wrote ${docs}providers.md and ${readdirSync(folder).length} logos in ${folder}`);
