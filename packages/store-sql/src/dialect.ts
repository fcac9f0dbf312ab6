/** What differs between the SQL databases the store runs on; each adapter passes its own. */
export interface SqlDialectHooks {
  /** Whether a driver error is a unique or primary-key violation. */
  isUniqueViolation(err: unknown): boolean;
  /**
   * Whether claim queries add `FOR UPDATE SKIP LOCKED` (PostgreSQL). SQLite has one writer at a time, so its
   * UPDATE … WHERE id IN (SELECT …) is already atomic.
   */
  skipLocked: boolean;
}
