#!/usr/bin/env node
// Runs the bundle `npm run build` writes to bundle/ (scripts/build-bundle.js): plain JavaScript, no TypeScript
// loader or module hooks.
import { setFlagsFromString } from 'node:v8';

// Under a steady request load V8 grows its young generation to 16 MB per semi-space and keeps it: about 30 MB of
// RSS, with no throughput gain our measurements could show (docs/benchmarks.md, "RSS after load"). A bin cannot pass node flags and
// --max-semi-space-size is read only as the process starts, but the growth factor is read whenever the young
// generation would grow: at 1 it keeps its initial 1 MB. A semi-space flag in NODE_OPTIONS or on node's command
// line wins (NODE_OPTIONS=--max-semi-space-size=16 restores V8's default).
const nodeFlags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
if (!nodeFlags.includes('semi-space')) setFlagsFromString('--semi-space-growth-factor=1');
// The source map costs about 9 MB of memory: it is read only for --verbose, whose stack traces then name the
// TypeScript sources (or with NODE_OPTIONS=--enable-source-maps).
if (process.argv.includes('--verbose')) process.setSourceMapsEnabled(true);
const { main } = await import('../bundle/tokenvault.js');

process.exitCode = await main(process.argv.slice(2));
