#!/usr/bin/env node
// Runs the compiled JavaScript in dist/ (`npm run build`): no TypeScript loader or module hooks at run time.
import { main } from '../dist/main.js';

process.exitCode = await main(process.argv.slice(2));
