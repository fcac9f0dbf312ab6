#!/usr/bin/env node
// Runs the bundle `npm run build` writes to bundle/ (scripts/build-bundle.js): plain JavaScript, no TypeScript
// loader or module hooks.
import { setFlagsFromString } from 'node:v8';

// Until the server is ready, V8's young generation stays at its first 1 MB: what starting allocates (modules,
// migrations) would otherwise grow it for good, about 5 MB of idle memory. `serve` restores V8's default growth
// once it answers, because a loaded server held at 1 MB spends a quarter to a third more CPU per token read in
// garbage collection (docs/architecture.md, "Runtime").
setFlagsFromString('--semi-space-growth-factor=1');

// The source map costs about 9 MB of memory: it is read only for --verbose, whose stack traces then name the
// TypeScript sources (or with NODE_OPTIONS=--enable-source-maps).
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
const { main } = await import('../bundle/tokenvault.js');

process.exitCode = await main(process.argv.slice(2));
