import { getHeapSpaceStatistics } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { collectWhenIdle } from '../src/idle-memory.js';

const MB = 1024 * 1024;
const youngGeneration = () =>
  getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;

/** Short-lived garbage with a few survivors, as requests make: V8 grows its young generation for it. */
function burst(): void {
  let kept: object[] = [];
  for (let i = 0; i < 3_000_000; i++) {
    const item = { i, text: `item ${i}` };
    if (i % 50 === 0) kept.push(item);
    if (kept.length > 20_000) kept = [];
  }
}

// Once a burst of requests ends, the server gives back what V8 grew for it: the young generation goes back to its
// first size instead of staying at its largest until V8's own reducer gets to it, seconds later if ever. While
// requests keep coming nothing is collected, since the next burst would pay for it.
describe('collectWhenIdle', () => {
  it('shrinks the young generation a burst grew once no request comes, once per growth', async () => {
    const collections: Array<{ before: number; after: number }> = [];
    let collected: () => void = () => {};
    let checks = 0;
    const stop = collectWhenIdle({
      // No request at all; after 50 checks without a collection the test stops waiting (and fails below).
      activity: () => {
        if (++checks === 50) collected();
        return 0;
      },
      checkMs: 20,
      quietMs: 20,
      growthBytes: 4 * MB,
      onCollect: (before, after) => {
        collections.push({ before, after });
        collected();
      },
    });
    try {
      burst();
      expect(youngGeneration()).toBeGreaterThan(4 * MB);
      await new Promise<void>((resolve) => {
        collected = resolve;
      });
      expect(youngGeneration()).toBeLessThanOrEqual(2 * MB);
      expect(collections).toHaveLength(1);
      expect(collections[0]?.after).toBeLessThan(collections[0]?.before ?? 0);
    } finally {
      stop();
    }
  });

  it('waits until no request has come for quietMs', async () => {
    let requests = 0;
    let lastRequestAt = 0;
    let collectedAt = 0;
    let collected: () => void = () => {};
    let checks = 0;
    const stop = collectWhenIdle({
      // A request before each of the first five checks, then none; after 50 checks the test stops waiting.
      activity: () => {
        if (++checks <= 5) {
          requests++;
          lastRequestAt = performance.now();
        }
        if (checks === 50) collected();
        return requests;
      },
      checkMs: 20,
      quietMs: 300,
      growthBytes: 4 * MB,
      onCollect: () => {
        collectedAt = performance.now();
        collected();
      },
    });
    try {
      burst();
      await new Promise<void>((resolve) => {
        collected = resolve;
      });
      expect(collectedAt).toBeGreaterThan(0);
      expect(collectedAt - lastRequestAt).toBeGreaterThanOrEqual(300);
    } finally {
      stop();
    }
  });

  it('leaves the heap alone while requests keep coming', async () => {
    let collections = 0;
    let checks = 0;
    let enough: () => void = () => {};
    const stop = collectWhenIdle({
      // A new request before every check.
      activity: () => {
        checks++;
        if (checks === 10) enough();
        return checks;
      },
      checkMs: 20,
      quietMs: 20,
      growthBytes: 4 * MB,
      onCollect: () => collections++,
    });
    try {
      burst();
      const grown = youngGeneration();
      expect(grown).toBeGreaterThan(4 * MB);
      await new Promise<void>((resolve) => {
        enough = resolve;
      });
      expect(collections).toBe(0);
      expect(youngGeneration()).toBe(grown);
    } finally {
      stop();
    }
  });
});
