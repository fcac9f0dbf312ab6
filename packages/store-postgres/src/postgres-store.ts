import type { Store } from '@tokenvault/core';
import { createSqlStore, type Database } from '@tokenvault/store-sql';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';

export interface PostgresStoreOptions {
  /** `postgres://user@host:5432/db` */
  connectionString: string;
  /** Pool size per process; default 10. */
  maxConnections?: number;
  /** Errors of idle pooled connections (e.g. a server restart); the next query reconnects. */
  onIdleError?: (err: Error) => void;
}

const INT8_OID = 20;

/** The store for several processes sharing one PostgreSQL database. */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pool = new pg.Pool({
    connectionString: options.connectionString,
    max: options.maxConnections ?? 10,
    // Timestamps are bigint milliseconds; they fit a JS number, and the domain wants numbers, not strings.
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        oid === INT8_OID ? Number : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  });
  // Without a listener an idle connection's error would crash the process.
  pool.on('error', (err) => options.onIdleError?.(err));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return createSqlStore(db, { isUniqueViolation, skipLocked: true });
}

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
