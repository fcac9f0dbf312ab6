// Preloaded into `tokenvault serve` by the footprint section's `--memory` (`node --import`, a plain module: no
// loader thread). On SIGUSR2 it appends one JSON line to the file named by TOKENVAULT_BENCH_MEMORY: what the
// process's resident memory is made of (docs/benchmarks.md, "What RSS after load is made of").
import { appendFileSync, readFileSync } from 'node:fs';
import { getHeapSpaceStatistics } from 'node:v8';

const file = process.env.TOKENVAULT_BENCH_MEMORY;
const MB = 1024 * 1024;
/** glibc reserves each thread arena as one 64 MB mapping (HEAP_MAX_SIZE on 64-bit), read-write as it grows. */
const ARENA_KB = 64 * 1024;

if (file) process.on('SIGUSR2', () => appendFileSync(file, `${JSON.stringify(breakdown())}\n`));

function breakdown() {
  const usage = process.memoryUsage();
  const spaces = Object.fromEntries(
    getHeapSpaceStatistics().map((s) => [
      s.space_name,
      { committed: s.space_size / MB, used: s.space_used_size / MB, resident: s.physical_space_size / MB },
    ]),
  );
  return {
    rss: usage.rss / MB,
    heapUsed: usage.heapUsed / MB,
    external: usage.external / MB,
    arrayBuffers: usage.arrayBuffers / MB,
    v8Resident: Object.values(spaces).reduce((sum, s) => sum + s.resident, 0),
    spaces,
    mappings: mappings(),
  };
}

/** Resident MB by kind of mapping, from /proc/self/smaps. */
function mappings() {
  const regions = [];
  let current;
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const head = /^([0-9a-f]+)-([0-9a-f]+) (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (head) {
      const [, start, end, perms, path] = head;
      current = { start: BigInt(`0x${start}`), end: BigInt(`0x${end}`), perms, path, rss: 0 };
      regions.push(current);
      continue;
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss && current) current.rss = Number(rss[1]);
  }
  const kinds = { mallocMainHeap: 0, threadArenas: 0, threadArenaCount: 0, otherAnonymous: 0, stacks: 0, files: 0 };
  for (let i = 0; i < regions.length; i++) {
    const r = regions[i];
    const sizeKb = Number(r.end - r.start) / 1024;
    const next = regions[i + 1];
    if (r.path === '[heap]') kinds.mallocMainHeap += r.rss;
    else if (r.path.startsWith('[stack')) kinds.stacks += r.rss;
    else if (r.path.startsWith('/')) kinds.files += r.rss;
    else if (r.path === '' && r.perms.startsWith('rw') && isArena(r, next, sizeKb)) {
      kinds.threadArenas += r.rss;
      kinds.threadArenaCount++;
    } else if (r.path === '') kinds.otherAnonymous += r.rss;
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, k.endsWith('Count') ? v : v / 1024]));
}

/** A read-write part followed by its inaccessible rest, together one arena reservation. */
function isArena(region, next, sizeKb) {
  if (sizeKb === ARENA_KB) return true;
  if (next?.path !== '' || next.perms !== '---p' || next.start !== region.end) return false;
  return sizeKb + Number(next.end - next.start) / 1024 === ARENA_KB;
}
