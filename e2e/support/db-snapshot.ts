import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const TABLES = [
  'connected_accounts',
  'auth_flows',
  'sessions',
  'connect_sessions',
  'service_clients',
  'client_grants',
  'client_keys',
  'account_events',
  'webhook_deliveries',
  'webhook_attempts',
];

/**
 * Every row of every vault table in a SQLite file: compare two snapshots to prove nothing changed. Left out, as
 * records of the attempt rather than changes: the audit log, and when a key last authenticated.
 */
export function dbSnapshot(dir: string): Record<string, unknown[]> {
  const db = new SQLite(join(dir, 'vault.db'), { readonly: true });
  try {
    const rows = (table: string) => db.prepare(`select * from ${table} order by 1`).all() as Record<string, unknown>[];
    return Object.fromEntries(TABLES.map((table) => [table, rows(table).map(({ last_used_at: _, ...row }) => row)]));
  } finally {
    db.close();
  }
}

/** Runs one raw statement against the vault's SQLite file (to simulate a tampered database). */
export function execute(dir: string, statement: string, ...params: unknown[]): void {
  const db = new SQLite(join(dir, 'vault.db'));
  try {
    db.prepare(statement).run(...params);
  } finally {
    db.close();
  }
}
