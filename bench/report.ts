import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load.js';

/** One measured figure, with the baseline it is judged against where there is one (docs/benchmarks.md). */
export interface Figure {
  name: string;
  value: number;
  unit: string;
  /** The same figure for the baseline, measured in the same run. */
  baseline?: number;
  /** value / baseline (or as the figure defines it). */
  ratio?: number;
  /** e.g. ">= 0.5", "== 1", "<= 3". */
  target?: string;
  pass?: boolean;
}

export interface Section {
  name: string;
  figures: Figure[];
  /** Anything a reader needs to interpret the figures (a query plan, the load used). */
  notes: string[];
}

/** Every request of a load answered with a 2xx, and at least one request made. */
export function answeredAll(result: LoadResult): boolean {
  return result.errors === 0 && result.non2xx === 0 && result.total > 0;
}

/**
 * Two figures every section judged against a same-work baseline prints: the baseline's own throughput beside the
 * ceiling (it must have answered every request, or the ratios judge nothing), and the measured server's.
 */
export function againstCeiling(
  result: LoadResult,
  same: LoadResult,
  ceiling: LoadResult,
  ceilingName: string,
): Figure[] {
  return [
    {
      name: 'same-work requests/s',
      value: same.requestsPerSecond,
      unit: 'req/s',
      baseline: ceiling.requestsPerSecond,
      ratio: same.requestsPerSecond / ceiling.requestsPerSecond,
      pass: answeredAll(same),
    },
    {
      name: `requests/s vs ${ceilingName}`,
      value: result.requestsPerSecond,
      unit: 'req/s',
      baseline: ceiling.requestsPerSecond,
      ratio: result.requestsPerSecond / ceiling.requestsPerSecond,
    },
  ];
}

export function check(value: number, target: string): boolean {
  const [op, bound] = target.split(' ') as [string, string];
  const limit = Number(bound);
  if (op === '>=') return value >= limit;
  if (op === '<=') return value <= limit;
  return value === limit;
}

const format = (n: number | undefined) =>
  n === undefined ? '' : Number.isInteger(n) ? String(n) : n >= 100 ? n.toFixed(0) : n.toFixed(2);

export function printTable(sections: Section[], print: (line: string) => void): void {
  const rows = [['section', 'figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'ok']];
  for (const section of sections) {
    for (const f of section.figures) {
      const ok = f.pass === undefined ? '' : f.pass ? 'yes' : 'NO';
      rows.push([
        section.name,
        f.name,
        format(f.value),
        f.unit,
        format(f.baseline),
        format(f.ratio),
        f.target ?? '',
        ok,
      ]);
    }
  }
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length))) ?? [];
  for (const [i, row] of rows.entries()) {
    print(
      row
        .map((cell, c) => cell.padEnd(widths[c] ?? 0))
        .join('  ')
        .trimEnd(),
    );
    if (i === 0) print(widths.map((w) => '-'.repeat(w)).join('  '));
  }
  for (const section of sections) for (const note of section.notes) print(`[${section.name}] ${note}`);
}

/** Writes bench/results/<date>.json with the machine the figures came from. */
export async function writeResults(dir: string, sections: Section[]): Promise<string> {
  await mkdir(dir, { recursive: true });
  const at = new Date();
  const file = join(dir, `${at.toISOString().slice(0, 19).replace(/:/g, '-')}.json`);
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model, memoryBytes: totalmem(), node: process.version };
  await writeFile(file, `${JSON.stringify({ at: at.toISOString(), machine, sections }, null, 2)}\n`);
  return file;
}
