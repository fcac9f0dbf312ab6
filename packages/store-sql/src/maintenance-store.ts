import type { MaintenanceStore } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import { DEFAULT_MIGRATION_TABLE, type Kysely, Migrator, sql } from 'kysely';
import type { SqlDialectHooks } from './dialect.js';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

/** Migrations, the readiness ping, closing the pool, and the sweep across every table. */
export function createMaintenanceStore(db: Kysely<Database>, hooks: SqlDialectHooks): MaintenanceStore {
  const locked = hooks.migrationLock ?? ((run) => run());
  return {
    async migrate() {
      if (await atLatest(db)) return;
      // A failure throws inside the lock, so a locked run rolls back what it had applied.
      await locked(async () => {
        const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
        if (!error) return;
        const failed = results?.find((result) => result.status === 'Error');
        // Without a failed migration the database was not reached at all (no server, no such database, refused login).
        const what = failed ? `migration ${failed.migrationName} failed` : 'cannot migrate the database';
        throw new VaultError('internal', what, { cause: error });
      });
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },

    async sweep(now, historyBefore, auditBefore) {
      const deleted = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);
      const flows = await db.deleteFrom('auth_flows').where('expires_at', '<=', now).executeTakeFirst();
      const sessions = await db.deleteFrom('sessions').where('expires_at', '<=', now).executeTakeFirst();
      const connectSessions = await db.deleteFrom('connect_sessions').where('expires_at', '<=', now).executeTakeFirst();
      const deliveries = await db
        .deleteFrom('webhook_deliveries')
        .where('status', '!=', 'pending')
        .where('created_at', '<', historyBefore)
        .executeTakeFirst();
      const events = await db
        .deleteFrom('account_events')
        .where('created_at', '<', historyBefore)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('webhook_deliveries')
                .select('webhook_deliveries.id')
                .whereRef('webhook_deliveries.event_id', '=', 'account_events.id'),
            ),
          ),
        )
        .executeTakeFirst();
      const audit = await db.deleteFrom('audit_log').where('at', '<', auditBefore).executeTakeFirst();
      return {
        audit: deleted(audit),
        flows: deleted(flows),
        sessions: deleted(sessions) + deleted(connectSessions),
        deliveries: deleted(deliveries),
        events: deleted(events),
      };
    },
  };
}

/**
 * Whether every migration this version knows, and no other, is recorded as applied: true at nearly every start.
 * One query, where Kysely's Migrator first introspects every table of the database (about 20–100 ms of a start
 * on SQLite). Anything else, a new database included, goes to the Migrator, which applies or refuses.
 */
async function atLatest(db: Kysely<Database>): Promise<boolean> {
  const known = Object.keys(await migrationProvider.getMigrations());
  let applied: string[];
  try {
    const { rows } = await sql<{ name: string }>`select name from ${sql.table(DEFAULT_MIGRATION_TABLE)}`.execute(db);
    applied = rows.map((row) => row.name);
  } catch {
    return false; // no migration table yet: the Migrator creates it
  }
  return applied.length === known.length && known.every((name) => applied.includes(name));
}
