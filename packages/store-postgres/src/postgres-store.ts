import type { Store } from '@tokenvault/core';
import { AUDIT_COLUMNS, createSqlStore, type Database } from '@tokenvault/store-sql';
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
  // A connection that dies while checked out (the server restarted between two statements of a request) emits
  // `error` on its client, not on the pool, and with no listener that crashes the process. Its next statement fails
  // and the request answers with the mapped error, so there is nothing more to do here; an idle one is the pool's.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return createSqlStore(db, {
    isUniqueViolation,
    skipLocked: true,
    insertAuditRows: async (rows) => {
      const columns = AUDIT_COLUMNS.map((_, c) => rows.map((row) => row[c]));
      await pool.query({ name: 'tokenvault_insert_audit', text: AUDIT_INSERT, values: columns });
    },
    // A named statement: each pooled connection parses and plans it once, and sends it in the same round trip.
    selectFirst: async (name, query) =>
      (await pool.query({ name, text: query.sql, values: [...query.parameters] })).rows[0],
  });
}

/**
 * A whole batch of audit rows in one statement whose text does not depend on the batch size, so each pooled
 * connection parses and plans it once (a named prepared statement) and a batch is one round trip: one array per
 * column, unnested into rows.
 */
const AUDIT_INSERT = `insert into audit_log (${AUDIT_COLUMNS.join(', ')}) select * from unnest(${AUDIT_COLUMNS.map(
  (column, c) => `$${c + 1}::${column === 'at' ? 'bigint' : 'text'}[]`,
).join(', ')})`;

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: unknown } | null)?.code === '23505';
}
