import type { LeaseStore } from '@tokenvault/core';
import type { Kysely } from 'kysely';
import type { SqlDialectHooks } from './dialect.js';
import { accountFromDb } from './rows.js';
import type { Database } from './schema.js';

/** Refresh leases live on the account rows; each is taken, renewed or given back in one statement. */
export function createLeaseStore(db: Kysely<Database>, hooks: SqlDialectHooks): LeaseStore {
  return {
    async acquireLease(id, owner, now, until) {
      const row = await db
        .updateTable('connected_accounts')
        .set({ lease_owner: owner, lease_expires_at: until })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
        .returningAll()
        .executeTakeFirst();
      return row && accountFromDb(row);
    },
    async renewLease(id, owner, now, until) {
      const row = await db
        .updateTable('connected_accounts')
        .set({ lease_expires_at: until })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .where('lease_expires_at', '>', now)
        .returningAll()
        .executeTakeFirst();
      return row && accountFromDb(row);
    },
    async releaseLease(id, owner) {
      await db
        .updateTable('connected_accounts')
        .set({ lease_owner: null, lease_expires_at: null })
        .where('id', '=', id)
        .where('lease_owner', '=', owner)
        .execute();
    },
    async releaseLeases(owner) {
      const free = { lease_owner: null, lease_expires_at: null };
      const accounts = await db
        .updateTable('connected_accounts')
        .set(free)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      const deliveries = await db
        .updateTable('webhook_deliveries')
        .set(free)
        .where('lease_owner', '=', owner)
        .executeTakeFirst();
      return Number(accounts.numUpdatedRows + deliveries.numUpdatedRows);
    },
    async claimDueAccounts(owner, now, until, limit) {
      const rows = await db
        .updateTable('connected_accounts')
        .set({ lease_owner: owner, lease_expires_at: until })
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('connected_accounts')
            .select('id')
            .where('next_refresh_at', '<=', now)
            .where((w) => w.or([w('lease_expires_at', 'is', null), w('lease_expires_at', '<=', now)]))
            .orderBy('next_refresh_at')
            .limit(limit);
          return hooks.skipLocked ? due.forUpdate().skipLocked() : due;
        })
        .returningAll()
        .execute();
      return rows.map(accountFromDb).sort((a, b) => (a.nextRefreshAt ?? 0) - (b.nextRefreshAt ?? 0));
    },
  };
}
