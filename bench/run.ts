import { fileURLToPath } from 'node:url';
import { background } from './background.js';
import { footprint } from './footprint.js';
import { herd } from './herd.js';
import { proxy } from './proxy.js';
import { printTable, type Section, writeResults } from './report.js';
import { tokenRead } from './token-read.js';

// `npm run bench` (docs/benchmarks.md): every figure a ratio against a baseline measured in the same run, or a count with
// its target. `--smoke` runs each section at a tiny scale in seconds, so CI keeps the benchmark working.
const smoke = process.argv.includes('--smoke');
const memory = process.argv.includes('--memory');
const only = process.argv.find((arg) => arg.startsWith('--only='))?.slice('--only='.length);

const SECTIONS: Record<string, (options: { smoke: boolean; memory: boolean }) => Promise<Section | Section[]>> = {
  'token-read': tokenRead,
  herd,
  background,
  footprint,
  proxy,
};

const sections: Section[] = [];
for (const [name, run] of Object.entries(SECTIONS)) {
  if (only && only !== name) continue;
  process.stderr.write(`bench: ${name}${smoke ? ' (smoke)' : ''}…\n`);
  sections.push(...[await run({ smoke, memory })].flat());
}
printTable(sections, (line) => process.stdout.write(`${line}\n`));
if (!smoke) {
  const file = await writeResults(fileURLToPath(new URL('./results/', import.meta.url)), sections);
  process.stdout.write(`results: ${file}\n`);
}
// A figure that misses its target is reported, not fatal: the numbers are the product. A section that could not
// run at all has thrown above and failed the command.
