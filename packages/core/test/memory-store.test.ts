import { describe, it } from 'vitest';
import { createMemoryStore, storeConformance } from '../src/testing/index.js';

// The reference store keeps the same contract as the SQL stores.
describe('Store conformance: memory', () => {
  for (const test of storeConformance(() => ({ store: createMemoryStore() }))) it(test.name, test.run);
});
