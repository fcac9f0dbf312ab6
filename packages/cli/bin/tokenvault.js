#!/usr/bin/env node
// Runs the bundle `npm run build` writes to bundle/ (scripts/build-bundle.js): plain JavaScript, no TypeScript
// loader or module hooks. V8 runs with its default heap settings: a 1 MB young generation held memory down after a
// load but cost a token read a quarter to a third more CPU in garbage collection (docs/architecture.md, "Runtime").

// The source map costs about 9 MB of memory: it is read only for --verbose, whose stack traces then name the
// TypeScript sources (or with NODE_OPTIONS=--enable-source-maps).
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
const { main } = await import('../bundle/tokenvault.js');

process.exitCode = await main(process.argv.slice(2));
