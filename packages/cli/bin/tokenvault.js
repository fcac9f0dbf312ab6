#!/usr/bin/env node
// The packages run from their TypeScript sources; tsx compiles them on the fly (and caches the result).
import { register as registerHooks } from 'node:module';
import { register } from 'tsx/esm/api';

registerHooks('./prefer-commonjs.js', import.meta.url);
register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
