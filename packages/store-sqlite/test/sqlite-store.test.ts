import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformance } from '@tokenvault/core/testing';
import { describe, it } from 'vitest';
import { createSqliteStore } from '../src/index.js';

// The store contract on a real SQLite file, a new one per test.
describe('Store conformance: sqlite', () => {
  const tests = storeConformance(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tokenvault-sqlite-'));
    return {
      store: createSqliteStore({ filename: join(dir, 'vault.db') }),
      cleanup: () => rm(dir, { recursive: true, force: true }),
    };
  });
  for (const test of tests) it(test.name, test.run);
});
