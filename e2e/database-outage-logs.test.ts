import { createPostgresStore } from '@tokenvault/store-postgres';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';
import { adminUrl, createTempDatabase } from './support/postgres.js';

interface LogLine {
  level: number;
  msg: string;
  err?: { type: string; message: string; stack: string };
}

// When the database stops answering, the logs say why: the error itself (type, message, stack, causes) through
// the logger's serializer and redaction, and /readyz says it once per change, not on every probe.
// Regression: /readyz dropped the error, and background passes logged only its message.
describe('a database outage in the logs', () => {
  let database: { url: string; drop(): Promise<void> };
  let name: string;
  let vault: InProcessVault;
  beforeAll(async () => {
    database = await createTempDatabase();
    name = new URL(database.url).pathname.slice(1);
    vault = await startInProcessVault({ openStore: () => createPostgresStore({ connectionString: database.url }) });
  });
  afterAll(async () => {
    await vault?.close();
    await database?.drop();
  });

  async function admin(sql: string) {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }
  /** Refuses new connections to the test database and ends the pool's open ones: the database is away. */
  async function takeDatabaseAway() {
    await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${name}'`);
  }
  const logged = (from: number, message: RegExp) =>
    vault.logs
      .slice(from)
      .map((line) => JSON.parse(line) as LogLine)
      .filter((line) => message.test(line.msg));
  const ready = async () => (await vault.request(`${VAULT_URL}/readyz`)).status;

  it('logs why /readyz fails once when the database stops answering, and once when it is back', async () => {
    const from = vault.logs.length;
    expect(await ready()).toBe(200);
    await takeDatabaseAway();
    try {
      expect([await ready(), await ready(), await ready()]).toEqual([503, 503, 503]);
    } finally {
      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    }
    expect([await ready(), await ready()]).toEqual([200, 200]);

    const lines = logged(from, /^the database/);
    expect(lines.map((line) => [line.level, line.msg])).toEqual([
      [50, 'the database does not answer'],
      [30, 'the database answers again'],
    ]);
    expect(lines[0]?.err?.message).toMatch(/connection|terminat/i);
    expect(lines[0]?.err?.type).toBeTruthy();
    expect(lines[0]?.err?.stack).toContain(lines[0]?.err?.message.split('\n')[0]);
  });

  it('logs the error object when a background pass cannot claim its work', async () => {
    const from = vault.logs.length;
    await takeDatabaseAway();
    try {
      expect(await vault.vault.refreshDue({ limit: 10, concurrency: 1 })).toEqual([]);
      expect(await vault.vault.deliverWebhooks({ limit: 10, concurrency: 1 })).toEqual([]);
    } finally {
      await admin(`ALTER DATABASE ${name} WITH ALLOW_CONNECTIONS true`);
    }
    const lines = logged(from, /could not claim/);
    expect(lines.map((line) => line.msg)).toEqual([
      'the scheduler could not claim due accounts',
      'could not claim webhook deliveries',
    ]);
    for (const line of lines) {
      expect(line.err?.type).toBeTruthy();
      expect(line.err?.message).toMatch(/connection|terminat/i);
      expect(line.err?.stack).toContain(line.err?.message.split('\n')[0]);
    }
  });
});
