export { presets } from './catalog.js';
export { logoFile, logoSvg, presetQuirks, presetsIn, providersMarkdown, QUIRKS } from './docs.js';
export { oauth2 } from './presets/oauth2.js';
export { oidc } from './presets/oidc.js';
