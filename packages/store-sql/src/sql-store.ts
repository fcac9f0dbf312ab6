import type {
  AccountChange,
  AccountKey,
  AccountRow,
  AccountStatus,
  ClientKeyRow,
  ClientRow,
  DeliveryRow,
  DeliveryStatus,
  FlowRow,
  GrantRow,
  Outbox,
  Store,
} from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import { type CompiledQuery, type Kysely, Migrator, type Selectable, sql, type Transaction } from 'kysely';
import { migrationProvider } from './migrations.js';
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

type AccountDb = Selectable<Database['connected_accounts']>;
type FlowDb = Selectable<Database['auth_flows']>;
type DeliveryDb = Selectable<Database['webhook_deliveries']>;

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
    async migrate() {
      const { error, results } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
      const failed = results?.find((result) => result.status === 'Error');
      if (error) throw new VaultError('internal', `migration ${failed?.migrationName ?? ''} failed`, { cause: error });
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

    async claimDeliveries(owner, now, until, limit) {
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ lease_owner: owner, lease_expires_at: until })
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('webhook_deliveries as d')
            .select('d.id')
            .where('d.status', '=', 'pending')
            .where('d.next_attempt_at', '<=', now)
            .where((w) => w.or([w('d.lease_expires_at', 'is', null), w('d.lease_expires_at', '<=', now)]))
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('webhook_deliveries as e')
                    .select('e.id')
                    .whereRef('e.account_id', '=', 'd.account_id')
                    .whereRef('e.url', '=', 'd.url')
                    .whereRef('e.seq', '<', 'd.seq')
                    .where('e.status', '=', 'pending'),
                ),
              ),
            )
            .orderBy('d.next_attempt_at')
            .limit(limit);
          return hooks.skipLocked ? due.forUpdate().skipLocked() : due;
        })
        .returningAll()
        .execute();
      if (claimed.length === 0) return [];
      const events = await db
        .selectFrom('account_events')
        .select(['id', 'payload'])
        .where(
          'id',
          'in',
          claimed.map((d) => d.event_id),
        )
        .execute();
      const payloads = new Map(events.map((e) => [e.id, e.payload]));
      return claimed
        .map((d) => ({ ...deliveryFromDb(d), payload: payloads.get(d.event_id) ?? '{}' }))
        .sort((a, b) => a.seq - b.seq);
    },
    async finishDelivery(id, owner, change, attempt) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('webhook_deliveries')
          .set({
            status: change.status,
            attempts: change.attempts,
            next_attempt_at: change.nextAttemptAt,
            last_status: change.lastStatus,
            last_error: change.lastError,
            first_attempt_at: change.firstAttemptAt,
            delivered_at: change.deliveredAt,
            lease_owner: null,
            lease_expires_at: null,
          })
          .where('id', '=', id)
          .where('lease_owner', '=', owner)
          .executeTakeFirst();
        if (result.numUpdatedRows !== 1n) return false;
        await trx
          .insertInto('webhook_attempts')
          .values({
            delivery_id: attempt.deliveryId,
            attempt: attempt.attempt,
            at: attempt.at,
            status: attempt.status,
            error: attempt.error,
            duration_ms: attempt.durationMs,
          })
          .execute();
        return true;
      });
    },
    async listDeliveries(env, query) {
      let select = db.selectFrom('webhook_deliveries').selectAll().where('env', '=', env);
      if (query.status) select = select.where('status', '=', query.status);
      if (query.accountId) select = select.where('account_id', '=', query.accountId);
      const before = query.before;
      if (before) {
        select = select.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        );
      }
      const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(deliveryFromDb);
    },
    async listAttempts(deliveryIds) {
      if (deliveryIds.length === 0) return [];
      const rows = await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', 'in', deliveryIds)
        .orderBy('delivery_id')
        .orderBy('attempt')
        .execute();
      return rows.map((r) => ({
        deliveryId: r.delivery_id,
        attempt: r.attempt,
        at: r.at,
        status: r.status,
        error: r.error,
        durationMs: r.duration_ms,
      }));
    },
    async listEvents(accountId) {
      const rows = await db
        .selectFrom('account_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        env: r.env,
        accountId: r.account_id,
        seq: r.seq,
        type: r.type,
        payload: r.payload,
        createdAt: r.created_at,
      }));
    },

    async insertFlow(flow) {
      await db.insertInto('auth_flows').values(flowToDb(flow)).execute();
    },
    async takeFlow(id) {
      const row = await db.deleteFrom('auth_flows').where('id', '=', id).returningAll().executeTakeFirst();
      return row && flowFromDb(row);
    },

    async insertSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          env: session.env,
          user_id: session.userId,
          account_id: session.accountId,
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
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },

    async insertClient(client: ClientRow, grants: GrantRow[]) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('service_clients')
          .values({ id: client.id, env: client.env, name: client.name, created_at: client.createdAt })
          .execute();
        if (grants.length > 0) {
          await trx
            .insertInto('client_grants')
            .values(grants.map((g) => ({ client_id: g.clientId, role: g.role, resource: g.resource })))
            .execute();
        }
      });
    },
    async listClients(env) {
      const rows = await db
        .selectFrom('service_clients')
        .selectAll()
        .where('env', '=', env)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map((row) => ({ id: row.id, env: row.env, name: row.name, createdAt: row.created_at }));
    },
    async getClient(env, clientId) {
      const row = await db
        .selectFrom('service_clients')
        .selectAll()
        .where('env', '=', env)
        .where('id', '=', clientId)
        .executeTakeFirst();
      return row && { id: row.id, env: row.env, name: row.name, createdAt: row.created_at };
    },
    async getGrants(clientId) {
      const rows = await db.selectFrom('client_grants').selectAll().where('client_id', '=', clientId).execute();
      return rows.map((row) => ({ clientId: row.client_id, role: row.role, resource: row.resource }));
    },
    async insertClientKey(key: ClientKeyRow) {
      await db
        .insertInto('client_keys')
        .values({
          id: key.id,
          client_id: key.clientId,
          env: key.env,
          public_key: key.publicKey,
          created_at: key.createdAt,
          revoked_at: key.revokedAt,
        })
        .execute();
    },
    async getClientKey(clientId, keyId) {
      const row = await db
        .selectFrom('client_keys')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('id', '=', keyId)
        .executeTakeFirst();
      return (
        row && {
          id: row.id,
          clientId: row.client_id,
          env: row.env,
          publicKey: row.public_key,
          createdAt: row.created_at,
          revokedAt: row.revoked_at,
        }
      );
    },
    async revokeClientKey(clientId, keyId, at) {
      const result = await db
        .updateTable('client_keys')
        .set({ revoked_at: at })
        .where('client_id', '=', clientId)
        .where('id', '=', keyId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
  };
}

function hasEntries(outbox: Outbox | undefined): outbox is Outbox {
  return outbox !== undefined && (outbox.events.length > 0 || outbox.deliveries.length > 0);
}

async function writeOutbox(trx: Transaction<Database>, outbox: Outbox | undefined): Promise<void> {
  if (!hasEntries(outbox)) return;
  if (outbox.events.length > 0) {
    await trx
      .insertInto('account_events')
      .values(
        outbox.events.map((e) => ({
          id: e.id,
          env: e.env,
          account_id: e.accountId,
          seq: e.seq,
          type: e.type,
          payload: e.payload,
          created_at: e.createdAt,
        })),
      )
      .execute();
  }
  if (outbox.deliveries.length > 0) {
    await trx
      .insertInto('webhook_deliveries')
      .values(outbox.deliveries.map((d) => ({ ...deliveryToDb(d), lease_owner: null, lease_expires_at: null })))
      .execute();
  }
}

// The one place where domain names become column names and back.

function deliveryToDb(d: DeliveryRow): Omit<DeliveryDb, 'lease_owner' | 'lease_expires_at'> {
  return {
    id: d.id,
    event_id: d.eventId,
    env: d.env,
    account_id: d.accountId,
    seq: d.seq,
    url: d.url,
    status: d.status,
    attempts: d.attempts,
    next_attempt_at: d.nextAttemptAt,
    last_status: d.lastStatus,
    last_error: d.lastError,
    created_at: d.createdAt,
    first_attempt_at: d.firstAttemptAt,
    delivered_at: d.deliveredAt,
  };
}

function deliveryFromDb(r: DeliveryDb): DeliveryRow {
  return {
    id: r.id,
    eventId: r.event_id,
    env: r.env,
    accountId: r.account_id,
    seq: r.seq,
    url: r.url,
    status: r.status as DeliveryStatus,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    lastStatus: r.last_status,
    lastError: r.last_error,
    createdAt: r.created_at,
    firstAttemptAt: r.first_attempt_at,
    deliveredAt: r.delivered_at,
  };
}

function accountToDb(a: AccountRow): AccountDb {
  return {
    id: a.id,
    env: a.env,
    user_id: a.userId,
    provider: a.provider,
    provider_account_id: a.providerAccountId,
    display_name: a.displayName,
    scopes: a.scopes.join(' '),
    status: a.status,
    version: a.version,
    access_token: a.accessToken,
    refresh_token: a.refreshToken,
    id_token: a.idToken,
    token_type: a.tokenType,
    obtained_at: a.obtainedAt,
    expires_at: a.expiresAt,
    last_error: a.lastError,
    created_at: a.createdAt,
    updated_at: a.updatedAt,
    lease_owner: a.leaseOwner,
    lease_expires_at: a.leaseExpiresAt,
    last_refreshed_at: a.lastRefreshedAt,
    next_refresh_at: a.nextRefreshAt,
    failure_count: a.failureCount,
  };
}

function accountFromDb(r: AccountDb): AccountRow {
  return {
    id: r.id,
    env: r.env,
    userId: r.user_id,
    provider: r.provider,
    providerAccountId: r.provider_account_id,
    displayName: r.display_name,
    scopes: r.scopes === '' ? [] : r.scopes.split(' '),
    status: r.status as AccountStatus,
    version: r.version,
    accessToken: r.access_token,
    refreshToken: r.refresh_token,
    idToken: r.id_token,
    tokenType: r.token_type,
    obtainedAt: r.obtained_at,
    expiresAt: r.expires_at,
    lastError: r.last_error,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    lastRefreshedAt: r.last_refreshed_at,
    nextRefreshAt: r.next_refresh_at,
    failureCount: r.failure_count,
    leaseOwner: r.lease_owner,
    leaseExpiresAt: r.lease_expires_at,
  };
}

function changeToDb(c: AccountChange): Partial<AccountDb> {
  const out: Partial<AccountDb> = {};
  if (c.displayName !== undefined) out.display_name = c.displayName;
  if (c.scopes !== undefined) out.scopes = c.scopes.join(' ');
  if (c.status !== undefined) out.status = c.status;
  if (c.accessToken !== undefined) out.access_token = c.accessToken;
  if (c.refreshToken !== undefined) out.refresh_token = c.refreshToken;
  if (c.idToken !== undefined) out.id_token = c.idToken;
  if (c.tokenType !== undefined) out.token_type = c.tokenType;
  if (c.obtainedAt !== undefined) out.obtained_at = c.obtainedAt;
  if (c.expiresAt !== undefined) out.expires_at = c.expiresAt;
  if (c.lastError !== undefined) out.last_error = c.lastError;
  if (c.updatedAt !== undefined) out.updated_at = c.updatedAt;
  if (c.lastRefreshedAt !== undefined) out.last_refreshed_at = c.lastRefreshedAt;
  if (c.nextRefreshAt !== undefined) out.next_refresh_at = c.nextRefreshAt;
  if (c.failureCount !== undefined) out.failure_count = c.failureCount;
  if (c.leaseOwner !== undefined) out.lease_owner = c.leaseOwner;
  if (c.leaseExpiresAt !== undefined) out.lease_expires_at = c.leaseExpiresAt;
  return out;
}

function flowToDb(f: FlowRow): FlowDb {
  return {
    id: f.id,
    env: f.env,
    provider: f.provider,
    user_id: f.userId,
    origin: f.origin,
    redirect_url: f.redirectUrl,
    mode: f.mode,
    scopes: f.scopes.join(' '),
    code_verifier: f.codeVerifier,
    oidc_nonce: f.oidcNonce,
    created_at: f.createdAt,
    expires_at: f.expiresAt,
  };
}

function flowFromDb(r: FlowDb): FlowRow {
  return {
    id: r.id,
    env: r.env,
    provider: r.provider,
    userId: r.user_id,
    origin: r.origin,
    redirectUrl: r.redirect_url,
    mode: r.mode === 'redirect' ? 'redirect' : 'popup',
    scopes: r.scopes === '' ? [] : r.scopes.split(' '),
    codeVerifier: r.code_verifier,
    oidcNonce: r.oidc_nonce,
    createdAt: r.created_at,
    expiresAt: r.expires_at,
  };
}
