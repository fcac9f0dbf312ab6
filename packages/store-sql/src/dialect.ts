/** What differs between the SQL databases the store runs on; each adapter passes its own. */
export interface SqlDialectHooks {
  /** Whether a driver error is a unique or primary-key violation. */
  isUniqueViolation(err: unknown): boolean;
  /**
   * Whether claim queries add `FOR UPDATE SKIP LOCKED` (PostgreSQL). SQLite has one writer at a time, so its
   * UPDATE … WHERE id IN (SELECT …) is already atomic.
   */
  skipLocked: boolean;
  /**
   * Runs the migrations holding the database's write lock, for a database whose migrations Kysely cannot run in
   * one locked transaction (SQLite: no transactional DDL in Kysely's eyes, so two processes starting at once
   * would both apply the same migration). Without it the Migrator's own lock is enough (PostgreSQL).
   */
  migrationLock?<T>(run: () => Promise<T>): Promise<T>;
}
