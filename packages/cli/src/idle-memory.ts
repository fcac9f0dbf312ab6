import { getHeapStatistics } from 'node:v8';

export interface IdleCollectionOptions {
  /** A count that moves with every request: while it stays put, no request came. */
  activity: () => number;
  /** How often to look. */
  checkMs?: number;
  /** How long the count must stay where it is before the server counts as idle. */
  quietMs?: number;
  /** How much V8's heap must have grown since it was last that small before a collection is worth its cost. */
  growthBytes?: number;
  /** Called after each collection with the heap's size before and after, in bytes. */
  onCollect?: (before: number, after: number) => void;
}

/** One check a second: a burst's memory is given back 10 to 11 s after its last request. */
const DEFAULT_CHECK_MS = 1000;
/**
 * Ten seconds without a request (V8's own memory reducer waits 8 s before it looks). Each collection makes the next
 * burst optimize its code again (5 s bursts that each followed one cost about 15 % more CPU per read, and the
 * proxy's median added latency rose from 0.17–0.24 to 0.30–0.48 ms), so a pause of a few seconds between two
 * bursts must not bring one on (docs/architecture.md, "Memory after a burst").
 */
const DEFAULT_QUIET_MS = 10_000;
/** Half of what V8's young generation grows to under load (2 × 16 MB). */
const DEFAULT_GROWTH_BYTES = 8 * 1024 * 1024;

/**
 * Gives back the memory a burst of requests made V8 take, once the burst ends (docs/architecture.md, "Memory after
 * a burst"): when no request has come for `quietMs` and V8's heap has grown by `growthBytes` since it was last that
 * small, one memory-reducing collection, V8's low-memory one. Under load V8 grows its young generation
 * (two semi-spaces of up to 16 MB) and lets garbage pile up in the old generation until its next full collection, and
 * keeps both when the load stops; this collection shrinks the young generation to its first size and compacts the
 * old one. Its price is paid by the next burst: a memory-reducing collection does not retain the maps V8
 * otherwise keeps for its optimized code, so a hundred or so functions are optimized again. It runs through the in-process
 * inspector (`HeapProfiler.collectGarbage`, no port opened), Node's only way to ask for it short of `--expose-gc`;
 * without an inspector in this Node build it does nothing. Returns the function that stops it.
 */
export function collectWhenIdle(options: IdleCollectionOptions): () => void {
  if (!process.features.inspector) return () => {};
  const growthBytes = options.growthBytes ?? DEFAULT_GROWTH_BYTES;
  const quietMs = options.quietMs ?? DEFAULT_QUIET_MS;
  let smallest = heapSize();
  let seen = options.activity();
  let lastSeenAt = performance.now(); // when the count was last seen to move
  let collecting = false;
  const timer = setInterval(() => {
    const activity = options.activity();
    const now = performance.now();
    if (activity !== seen) lastSeenAt = now;
    seen = activity;
    const idle = now - lastSeenAt >= quietMs;
    const size = heapSize();
    smallest = Math.min(smallest, size); // V8 shrank it on its own
    if (collecting || !idle || size < smallest + growthBytes) return;
    collecting = true;
    lowMemoryCollection().then(
      () => {
        collecting = false;
        smallest = heapSize();
        options.onCollect?.(size, smallest);
      },
      () => {
        collecting = false; // the next idle check tries again
      },
    );
  }, options.checkMs ?? DEFAULT_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}

/** V8's committed heap, every space: what the young generation's growth and old garbage add to. */
function heapSize(): number {
  return getHeapStatistics().total_heap_size;
}

/** V8's low-memory collection, through a short-lived in-process inspector session (loaded when first needed). */
async function lowMemoryCollection(): Promise<void> {
  const { Session } = await import('node:inspector');
  const session = new Session();
  session.connect();
  // V8 runs the collection as a task of its own and answers while it holds the agent's lock: the session is closed
  // after the answer, not in it (closing it there waits on that lock for ever).
  await new Promise<void>((resolve) => session.post('HeapProfiler.collectGarbage', () => setImmediate(resolve)));
  session.disconnect();
}
