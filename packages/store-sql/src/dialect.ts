import type { CompiledQuery } from 'kysely';

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
  /**
   * Stores a batch of audit rows, each its values in `AUDIT_COLUMNS` order, through the driver in one round trip
   * with a statement prepared once (PostgreSQL: about a quarter less client CPU per row than the default, and less
   * server time; docs/benchmarks.md, "The audit row"). Without it the store sends Kysely's multi-row insert,
   * which Kysely builds per batch and whose text changes with the batch size: on SQLite, whose statements the
   * adapter keeps by text, that measured the same as a prepared single-row insert per row.
   */
  insertAuditRows?(rows: readonly AuditValues[]): Promise<void>;
  /**
   * The first row of a hot read compiled once (`first-row.ts`: the token read's account, a browser's session; its
   * text fixed, it finds one row by its key), run on the driver itself as a statement prepared once, named `name`
   * where the driver names statements: every token read sends one, and Kysely's connection handling around one
   * statement cost more CPU than the statement (docs/benchmarks.md). Without it the store sends the compiled
   * query through Kysely.
   */
  selectFirst?(name: string, query: CompiledQuery): Promise<unknown>;
}

/** The audit log's columns, in the order `insertAuditRows` receives each row's values. */
export const AUDIT_COLUMNS = [
  'id',
  'env',
  'at',
  'action',
  'principal',
  'key_id',
  'via',
  'user_id',
  'provider',
  'account_id',
  'scopes',
  'result',
  'request_id',
  'detail',
] as const;

export type AuditValues = (string | number | null)[];
