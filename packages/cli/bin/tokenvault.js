#!/usr/bin/env node
// The packages run from their TypeScript sources; tsx compiles them on the fly (and caches the result).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
