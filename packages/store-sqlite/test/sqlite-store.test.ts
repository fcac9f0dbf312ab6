import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { storeConformance } from '@tokenvault/core/testing';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

// A start on a database already at the latest migration skips Kysely's Migrator; it must still refuse a database
// that records a migration this version does not know (a newer version migrated it), as the Migrator does.
describe('migrate on an existing database', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-sqlite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('leaves a database at the latest migration as it is, and refuses one with a migration it does not know', async () => {
    const filename = join(dir, 'vault.db');
    const first = createSqliteStore({ filename });
    await first.migrate();
    await first.close();
    const applied = () => new SQLite(filename).prepare('select name, timestamp from kysely_migration').all();
    const before = applied();
    expect(before.length).toBeGreaterThan(0);

    const again = createSqliteStore({ filename });
    await again.migrate();
    await again.close();
    expect(applied()).toEqual(before);

    const newer = new SQLite(filename);
    newer.prepare("insert into kysely_migration (name, timestamp) values ('9999_from_a_newer_version', 'now')").run();
    newer.close();
    const store = createSqliteStore({ filename });
    await expect(store.migrate()).rejects.toMatchObject({ code: 'internal' });
    await store.close();
  });
});

// Each audit listing reads an index in its own order (docs/security.md, "Audit log"): an index the planner passes
// over would cost every audit row a B-tree for nothing. The statements are the store's listing query's shape.
describe('audit log indexes', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-sqlite-'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('lists by environment, principal and user through their own indexes, and sweeps by time', async () => {
    const file = join(dir, 'plans.db');
    const store = createSqliteStore({ filename: file });
    await store.migrate();
    await store.close();
    const db = new SQLite(file);
    const plan = (sql: string) =>
      (
        db.prepare(`explain query plan ${sql}`).all(
          ...sql
            .split('?')
            .slice(1)
            .map(() => 'x'),
        ) as { detail: string }[]
      )
        .map((row) => row.detail)
        .join(' / ');
    const listing = (where: string) =>
      plan(`select * from audit_log where env = ? ${where} order by at desc, id desc limit 50`);
    expect(listing('')).toMatch(/USING INDEX audit_log_env_at /);
    expect(listing('and at >= ? and at <= ?')).toMatch(/USING INDEX audit_log_env_at /);
    expect(listing('and principal = ?')).toMatch(/USING INDEX audit_log_env_principal_at /);
    expect(listing('and principal = ? and (at < ? or (at = ? and id < ?))')).toMatch(
      /USING INDEX audit_log_env_principal_at /,
    );
    expect(listing('and user_id = ?')).toMatch(/USING INDEX audit_log_env_user_at /);
    expect(plan('delete from audit_log where at < ?')).toMatch(/USING INDEX audit_log_at /);
    for (const query of [listing(''), listing('and principal = ?'), listing('and user_id = ?')]) {
      expect(query).not.toMatch(/TEMP B-TREE/); // in index order: no sort
    }
    db.close();
  });
});
