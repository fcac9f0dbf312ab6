import type {
  AccountChange,
  AccountKey,
  AccountRow,
  AccountStatus,
  ClientKeyRow,
  ClientRow,
  FlowRow,
  GrantRow,
  Store,
} from '@tokenvault/core';
import { VaultError } from '@tokenvault/core';
import { type Kysely, Migrator, type Selectable, sql } from 'kysely';
import { migrationProvider } from './migrations.js';
import type { Database } from './schema.js';

export interface SqlDialectHooks {
  /** Whether a driver error is a unique or primary-key violation. */
  isUniqueViolation(err: unknown): boolean;
}

type AccountDb = Selectable<Database['connected_accounts']>;
type FlowDb = Selectable<Database['auth_flows']>;

/** The Store on any Kysely dialect; the adapters add only the driver and its quirks. */
export function createSqlStore(db: Kysely<Database>, hooks: SqlDialectHooks): Store {
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

    async insertAccount(account) {
      try {
        await db.insertInto('connected_accounts').values(accountToDb(account)).execute();
      } catch (err) {
        if (hooks.isUniqueViolation(err)) throw new VaultError('conflict', 'the account is already linked');
        throw err;
      }
    },
    async updateAccount(id, expectedVersion, change) {
      const result = await db
        .updateTable('connected_accounts')
        .set({ ...changeToDb(change), version: expectedVersion + 1 })
        .where('id', '=', id)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      return result.numUpdatedRows === 1n;
    },
    async getAccount(env, userId, accountId) {
      const row = await db
        .selectFrom('connected_accounts')
        .selectAll()
        .where('id', '=', accountId)
        .where('env', '=', env)
        .where('user_id', '=', userId)
        .executeTakeFirst();
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
    async deleteAccount(env, userId, accountId) {
      const result = await db
        .deleteFrom('connected_accounts')
        .where('id', '=', accountId)
        .where('env', '=', env)
        .where('user_id', '=', userId)
        .executeTakeFirst();
      return result.numDeletedRows === 1n;
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

// The one place where domain names become column names and back.

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
