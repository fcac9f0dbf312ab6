import type { AuditRow, ClientKeyRow, ClientRow, ClientStore, GrantRow } from '@tokenvault/core';
import type { Insertable, Kysely, Selectable, Transaction } from 'kysely';
import { writeAudit } from './audit-store.js';
import type { SqlDialectHooks } from './dialect.js';
import type { Database } from './schema.js';

/** Service clients, their grants and their access keys' public halves. */
export function createClientStore(db: Kysely<Database>, hooks: SqlDialectHooks): ClientStore {
  /** Runs `change` and its audit rows in one transaction; the rows are written only if `change` returns true. */
  const audited = (audit: AuditRow[], change: (trx: Transaction<Database>) => Promise<boolean>) =>
    db.transaction().execute(async (trx) => {
      const done = await change(trx);
      if (done) await writeAudit(trx, audit);
      return done;
    });

  return {
    async insertClient(client: ClientRow, grants: GrantRow[], key: ClientKeyRow, audit: AuditRow[]) {
      await audited(audit, async (trx) => {
        await trx
          .insertInto('service_clients')
          .values({ id: client.id, env: client.env, name: client.name, created_at: client.createdAt })
          .execute();
        if (grants.length > 0) await trx.insertInto('client_grants').values(grants.map(grantToDb)).execute();
        await trx.insertInto('client_keys').values(keyToDb(key)).execute();
        return true;
      });
    },
    async deleteClient(env, clientId, audit) {
      return audited(audit, async (trx) => {
        const client = await trx
          .selectFrom('service_clients')
          .select('id')
          .where('env', '=', env)
          .where('id', '=', clientId)
          .executeTakeFirst();
        if (!client) return false;
        await trx.deleteFrom('client_keys').where('client_id', '=', clientId).execute();
        await trx.deleteFrom('client_grants').where('client_id', '=', clientId).execute();
        await trx.deleteFrom('service_clients').where('id', '=', clientId).execute();
        return true;
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
      return rows.map(clientFromDb);
    },
    async getClient(env, clientId) {
      const row = await db
        .selectFrom('service_clients')
        .selectAll()
        .where('env', '=', env)
        .where('id', '=', clientId)
        .executeTakeFirst();
      return row && clientFromDb(row);
    },
    async getGrants(clientId) {
      const rows = await db
        .selectFrom('client_grants')
        .selectAll()
        .where('client_id', '=', clientId)
        .orderBy('role')
        .orderBy('resource')
        .execute();
      return rows.map((row) => ({
        clientId: row.client_id,
        role: row.role,
        resource: row.resource,
        expiresAt: row.expires_at,
      }));
    },
    async insertGrant(grant, audit) {
      try {
        return await audited(audit, async (trx) => {
          const existing = await trx
            .selectFrom('client_grants')
            .select('expires_at')
            .where('client_id', '=', grant.clientId)
            .where('role', '=', grant.role)
            .where('resource', '=', grant.resource)
            .executeTakeFirst();
          if (!existing) {
            await trx.insertInto('client_grants').values(grantToDb(grant)).execute();
            return true;
          }
          if (existing.expires_at === grant.expiresAt) return false;
          await trx
            .updateTable('client_grants')
            .set({ expires_at: grant.expiresAt })
            .where('client_id', '=', grant.clientId)
            .where('role', '=', grant.role)
            .where('resource', '=', grant.resource)
            .execute();
          return true;
        });
      } catch (err) {
        // Another process inserted the same grant between the read and the insert.
        if (hooks.isUniqueViolation(err)) return false;
        throw err;
      }
    },
    async deleteGrant(grant, audit) {
      return audited(audit, async (trx) => {
        const result = await trx
          .deleteFrom('client_grants')
          .where('client_id', '=', grant.clientId)
          .where('role', '=', grant.role)
          .where('resource', '=', grant.resource)
          .executeTakeFirst();
        return result.numDeletedRows === 1n;
      });
    },
    async insertClientKey(key, audit) {
      await audited(audit, async (trx) => {
        await trx.insertInto('client_keys').values(keyToDb(key)).execute();
        return true;
      });
    },
    async getClientKey(clientId, keyId) {
      const row = await db
        .selectFrom('client_keys')
        .selectAll()
        .where('client_id', '=', clientId)
        .where('id', '=', keyId)
        .executeTakeFirst();
      return row && keyFromDb(row);
    },
    async listClientKeys(clientId) {
      const rows = await db
        .selectFrom('client_keys')
        .selectAll()
        .where('client_id', '=', clientId)
        .orderBy('created_at')
        .orderBy('id')
        .execute();
      return rows.map(keyFromDb);
    },
    async revokeClientKey(clientId, keyId, at, audit) {
      return audited(audit, async (trx) => {
        const result = await trx
          .updateTable('client_keys')
          .set({ revoked_at: at })
          .where('client_id', '=', clientId)
          .where('id', '=', keyId)
          .where('revoked_at', 'is', null)
          .executeTakeFirst();
        return result.numUpdatedRows === 1n;
      });
    },
    async touchClientKey(clientId, keyId, at) {
      await db
        .updateTable('client_keys')
        .set({ last_used_at: at })
        .where('client_id', '=', clientId)
        .where('id', '=', keyId)
        .execute();
    },
  };
}

function clientFromDb(row: Selectable<Database['service_clients']>): ClientRow {
  return { id: row.id, env: row.env, name: row.name, createdAt: row.created_at };
}

function grantToDb(grant: GrantRow) {
  return { client_id: grant.clientId, role: grant.role, resource: grant.resource, expires_at: grant.expiresAt };
}

function keyToDb(key: ClientKeyRow): Insertable<Database['client_keys']> {
  return {
    id: key.id,
    client_id: key.clientId,
    env: key.env,
    public_key: key.publicKey,
    created_at: key.createdAt,
    revoked_at: key.revokedAt,
    expires_at: key.expiresAt,
    last_used_at: key.lastUsedAt,
  };
}

function keyFromDb(row: Selectable<Database['client_keys']>): ClientKeyRow {
  return {
    id: row.id,
    clientId: row.client_id,
    env: row.env,
    publicKey: row.public_key,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
    expiresAt: row.expires_at,
    lastUsedAt: row.last_used_at,
  };
}
