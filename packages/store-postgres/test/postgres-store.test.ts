import { storeConformance } from '@tokenvault/core/testing';
import { describe, it } from 'vitest';
import { createTempDatabase } from '../../../e2e/support/postgres.js';
import { createPostgresStore } from '../src/index.js';

// The store contract on a real PostgreSQL server, a new database per test.
describe('Store conformance: postgres', () => {
  const tests = storeConformance(async () => {
    const database = await createTempDatabase();
    return { store: createPostgresStore({ connectionString: database.url }), cleanup: database.drop };
  });
  for (const test of tests) it(test.name, test.run);
});
