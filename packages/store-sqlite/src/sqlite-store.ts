import type { Store } from '@tokenvault/core';
import { AUDIT_COLUMNS, type AuditValues, createSqlStore, type Database } from '@tokenvault/store-sql';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';

export interface SqliteStoreOptions {
  /** A file path, or `:memory:`. */
  filename: string;
}

/** The page cache's bound, in KiB (a negative `cache_size` is a size, not a page count). */
const CACHE_KIB = 2000;

const AUDIT_INSERT = `insert into audit_log (${AUDIT_COLUMNS.join(', ')}) values (${AUDIT_COLUMNS.map(() => '?').join(', ')})`;

/** The embedded default store: one SQLite file in WAL mode. */
export function createSqliteStore(options: SqliteStoreOptions): Store {
  const database = new SQLite(options.filename);
  // busy_timeout makes a second process wait, not fail, from the first statement on: switching a new file to WAL takes
  // a lock too. WAL lets readers proceed while one writer commits.
  database.pragma('busy_timeout = 5000');
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  // SQLite's own default page cache (2 MB), not the 16 MB better-sqlite3 compiles in: the hot reads touch a few
  // pages each and the audit rows go to the right edge of their indexes, while the pages a load passes through
  // would stay in this process's malloc heap (docs/architecture.md, "Memory after a burst"); the OS caches the file anyway.
  database.pragma(`cache_size = -${CACHE_KIB}`);
  cacheStatements(database);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  // The token read's statements run on the connection directly, outside Kysely's queue for it; unless a transaction
  // is open on it (between two awaits of Kysely's), when they wait their turn, so that they neither read what
  // may yet be rolled back nor commit or roll back with it.
  const direct = async <T>(run: () => T): Promise<T> =>
    database.inTransaction ? db.connection().execute(async () => run()) : run();
  const insertAudit = database.transaction((rows: readonly AuditValues[]) => {
    const insert = database.prepare(AUDIT_INSERT);
    for (const row of rows) insert.run(row);
  });
  return createSqlStore(db, {
    isUniqueViolation,
    skipLocked: false,
    migrationLock: (run) => writeLocked(database, run),
    // get(): the statement stops at the first row instead of stepping once more to find there is no other.
    selectFirst: (_name, query) => direct(() => database.prepare(query.sql).get(query.parameters)),
    insertAuditRows: (rows) => direct(() => insertAudit(rows)),
  });
}

/**
 * `run` inside one IMMEDIATE transaction: it takes the write lock at once (a second process waits up to the busy
 * timeout, then finds the migrations done), and the migrations commit together. Kysely sends them on this same
 * connection, so they run inside it.
 */
async function writeLocked<T>(database: SQLite.Database, run: () => Promise<T>): Promise<T> {
  database.exec('BEGIN IMMEDIATE');
  try {
    const result = await run();
    database.exec('COMMIT');
    return result;
  } catch (err) {
    if (database.inTransaction) database.exec('ROLLBACK');
    throw err;
  }
}

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Kysely prepares every query anew, but the vault sends the same few statements over and over (the token read
 * is three), and better-sqlite3 statements are reusable: keep them. Bounded, because `IN (…)` lists and
 * multi-row inserts make statements whose text varies with their size.
 */
function cacheStatements(database: SQLite.Database, limit = 256): void {
  const prepare = database.prepare.bind(database);
  const statements = new Map<string, SQLite.Statement>();
  database.prepare = ((source: string) => {
    let statement = statements.get(source);
    if (!statement) {
      if (statements.size >= limit) statements.clear();
      statement = prepare(source);
      statements.set(source, statement);
    }
    return statement;
  }) as typeof database.prepare;
}
