import type { AccountKey, Store } from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import { type CompiledQuery, type Kysely, Migrator, sql } from 'kysely';
import { auditMethods, writeAudit } from './audit-store.js';
import { clientMethods } from './client-store.js';
import { migrationProvider } from './migrations.js';
import { hasEntries, outboxMethods, writeOutbox } from './outbox-store.js';
import { type AccountDb, accountFromDb, accountToDb, changeToDb, flowFromDb, flowToDb } from './rows.js';
import type { Database } from './schema.js';

export interface SqlDialectHooks {
  /** Whether a driver error is a unique or primary-key violation. */
  isUniqueViolation(err: unknown): boolean;
  /**
   * Whether claim queries add `FOR UPDATE SKIP LOCKED` (PostgreSQL). SQLite has one writer at a time, so its
   * UPDATE … WHERE id IN (SELECT …) is already atomic.
   */
  skipLocked: boolean;
}

/** The Store on any Kysely dialect; the adapters add only the driver and its quirks. */
export function createSqlStore(db: Kysely<Database>, hooks: SqlDialectHooks): Store {
  // The token read's query, compiled once: Kysely would build and compile it again on every request. The
  // parameters are filled in per call, in the order of the where clauses.
  const accountQuery = db
    .selectFrom('connected_accounts')
    .selectAll()
    .where('id', '=', '')
    .where('env', '=', '')
    .where('user_id', '=', '')
    .compile();

  return {
    ...outboxMethods(db, hooks),
    ...clientMethods(db, hooks),
    ...auditMethods(db),
    async migrate() {
      const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
      const failed = results?.find((result) => result.status === 'Error');
      // Without a failed migration the database was not reached at all (no server, no such database, refused login).
      const what = failed ? `migration ${failed.migrationName} failed` : 'cannot migrate the database';
      if (error) throw new VaultError('internal', what, { cause: error });
    },
    async ping() {
      await sql`select 1`.execute(db);
    },
    async close() {
      await db.destroy();
    },

    async insertAccount(account, outbox) {
      try {
        await db.transaction().execute(async (trx) => {
          await trx.insertInto('connected_accounts').values(accountToDb(account)).execute();
          await writeOutbox(trx, outbox);
        });
      } catch (err) {
        if (hooks.isUniqueViolation(err)) throw new VaultError('conflict', 'the account is already linked');
        throw err;
      }
    },
    async updateAccount(id, expectedVersion, change, outbox) {
      const update = (q: Kysely<Database>) =>
        q
          .updateTable('connected_accounts')
          .set({ ...changeToDb(change), version: expectedVersion + 1 })
          .where('id', '=', id)
          .where('version', '=', expectedVersion)
          .executeTakeFirst();
      if (!hasEntries(outbox)) return (await update(db)).numUpdatedRows === 1n;
      return db.transaction().execute(async (trx) => {
        if ((await update(trx)).numUpdatedRows !== 1n) return false;
        await writeOutbox(trx, outbox);
        return true;
      });
    },
    async getAccount(env, userId, accountId) {
      const query: CompiledQuery<AccountDb> = { ...accountQuery, parameters: [accountId, env, userId] };
      const { rows } = await db.executeQuery(query);
      const row = rows[0];
      return row && accountFromDb(row);
    },
    async getAccountById(id) {
      const row = await db.selectFrom('connected_accounts').selectAll().where('id', '=', id).executeTakeFirst();
      return row && accountFromDb(row);
    },
    async findAccount(key: AccountKey) {
      const row = await db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('env', '=', key.env)
        .where('user_id', '=', key.userId)
        .where('provider', '=', key.provider)
        .where('provider_account_id', '=', key.providerAccountId)
        .executeTakeFirst();
      return row && accountFromDb(row);
    },
    async listAccounts(env, userId) {
      const rows = await db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('env', '=', env)
        .where('user_id', '=', userId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(accountFromDb);
    },
    async listAccountsAfter(afterId, limit) {
      let select = db.selectFrom('connected_accounts').selectAll();
      if (afterId !== null) select = select.where('id', '>', afterId);
      return (await select.orderBy('id').limit(limit).execute()).map(accountFromDb);
    },
    async listAllAccounts(env, query) {
      let select = db.selectFrom('connected_accounts').selectAll().where('env', '=', env);
      if (query.status) select = select.where('status', '=', query.status);
      if (query.provider) select = select.where('provider', '=', query.provider);
      const after = query.after;
      if (after) {
        select = select.where((eb) =>
          eb.or([
            eb('created_at', '>', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '>', after.id)]),
          ]),
        );
      }
      const rows = await select.orderBy('created_at').orderBy('id').limit(query.limit).execute();
      return rows.map(accountFromDb);
    },
    async deleteAccount(env, userId, accountId, expectedVersion, outbox) {
      return db.transaction().execute(async (trx) => {
        let query = trx
          .deleteFrom('connected_accounts')
          .where('id', '=', accountId)
          .where('env', '=', env)
          .where('user_id', '=', userId);
        if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
        if ((await query.executeTakeFirst()).numDeletedRows !== 1n) return false;
        await writeOutbox(trx, outbox);
        return true;
      });
    },

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

    async insertFlow(flow) {
      await db.insertInto('auth_flows').values(flowToDb(flow)).execute();
    },
    async takeFlow(id) {
      const row = await db.deleteFrom('auth_flows').where('id', '=', id).returningAll().executeTakeFirst();
      return row && flowFromDb(row);
    },

    async insertConnectSession(session, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('connect_sessions')
          .values({
            id: session.id,
            env: session.env,
            user_id: session.userId,
            provider: session.provider,
            scopes: session.scopes.join(' '),
            created_by: session.createdBy,
            actions: session.actions.join(' '),
            created_at: session.createdAt,
            expires_at: session.expiresAt,
          })
          .execute();
        await writeAudit(trx, audit);
      });
    },
    async takeConnectSession(id) {
      const row = await db.deleteFrom('connect_sessions').where('id', '=', id).returningAll().executeTakeFirst();
      return (
        row && {
          id: row.id,
          env: row.env,
          userId: row.user_id,
          provider: row.provider,
          scopes: row.scopes === '' ? [] : row.scopes.split(' '),
          createdBy: row.created_by ?? 'client:unknown',
          actions: row.actions ? row.actions.split(' ') : [],
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },

    async insertSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          env: session.env,
          user_id: session.userId,
          account_id: session.accountId,
          limits: session.limits === null ? null : JSON.stringify(session.limits),
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async getSession(id) {
      const row = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return (
        row && {
          id: row.id,
          env: row.env,
          userId: row.user_id,
          accountId: row.account_id,
          limits: row.limits === null ? null : JSON.parse(row.limits),
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
  };
}
