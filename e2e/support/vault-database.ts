import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { createTempDatabase } from './postgres.js';

/** Raw SQL against the vault's database, with `$1` parameters on either store. */
export type Sql = (statement: string, ...params: unknown[]) => Promise<Record<string, unknown>[]>;

/**
 * A database for `tokenvault serve` processes: a SQLite file in `dir`, or a PostgreSQL database of its own. `sql`
 * reads and changes it behind the processes' backs; `cleanup()` drops it.
 */
export async function vaultDatabase(
  kind: 'sqlite' | 'postgres',
  dir: string,
): Promise<{ database: string; sql: Sql; cleanup(): Promise<void> }> {
  if (kind === 'postgres') {
    const temp = await createTempDatabase();
    const client = new pg.Client({ connectionString: temp.url });
    await client.connect();
    return {
      database: temp.url,
      sql: async (statement, ...params) => (await client.query(statement, params)).rows,
      cleanup: async () => {
        await client.end();
        await temp.drop();
      },
    };
  }
  const file = join(dir, 'vault.db');
  return {
    database: `sqlite:${file}`,
    sql: async (statement, ...params) => {
      const db = new SQLite(file);
      try {
        const prepared = db.prepare(statement.replace(/\$\d+/g, '?'));
        if (prepared.reader) return prepared.all(...params) as Record<string, unknown>[];
        prepared.run(...params);
        return [];
      } finally {
        db.close();
      }
    },
    cleanup: async () => {},
  };
}
