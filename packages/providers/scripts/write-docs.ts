// Writes docs/providers.md from the catalog (`npm run docs:providers`).
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { presets } from '../src/catalog.js';
import { providersMarkdown } from '../src/docs.js';

const target = fileURLToPath(new URL('../../../docs/providers.md', import.meta.url));
writeFileSync(target, providersMarkdown(presets));
console.log(`wrote ${target}`);
