import { exampleAccount, storeConformance } from '@tokenvault/core/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
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

// The hot reads (the account, a browser's session) are named statements, prepared once per pooled connection. A
// migration that adds a column while processes of the previous version run (a rolling upgrade) must not break
// their reads: with `select *` PostgreSQL refuses the prepared statement ("cached plan must not change result type").
describe('the prepared reads across a migration that adds a column', () => {
  it('keeps reading accounts and sessions on connections that prepared them before', async () => {
    const database = await createTempDatabase();
    const store = createPostgresStore({ connectionString: database.url, maxConnections: 1 });
    try {
      await store.migrate();
      const row = exampleAccount({ id: 'ca_prepared', userId: 'u_prepared', refreshToken: null, idToken: null });
      await store.insertAccount(row);
      const session = {
        id: 's_prepared',
        env: 'development',
        userId: 'u_prepared',
        accountId: 'ca_prepared',
        limits: null,
        createdAt: 1_000,
        expiresAt: 2_000,
      };
      await store.insertSession(session);
      expect(await store.getAccount('development', 'u_prepared', 'ca_prepared')).toEqual(row);
      expect(await store.getSession('s_prepared')).toEqual(session);
      const other = new pg.Client({ connectionString: database.url });
      await other.connect();
      await other.query('alter table connected_accounts add column added_later text');
      await other.query('alter table sessions add column added_later text');
      await other.end();
      expect(await store.getAccount('development', 'u_prepared', 'ca_prepared')).toEqual(row);
      expect(await store.getSession('s_prepared')).toEqual(session);
    } finally {
      await store.close();
      await database.drop();
    }
  });
});
