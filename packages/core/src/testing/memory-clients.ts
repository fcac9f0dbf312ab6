import { VaultError } from '../errors.js';
import type { ClientStore } from '../store.js';
import type { AuditRow } from '../store-rows.js';
import {
  checkAudit,
  copy,
  grantKey,
  keyKey,
  refuseDuplicate,
  sortBy,
  type Tables,
  writeAudit,
} from './memory-tables.js';

/** Service clients, their grants and keys; each change writes its audit rows with it, or neither. */
export function memoryClientStore(tables: Tables): ClientStore {
  const { clients, grants, keys } = tables;
  /** Checks the audit rows, then makes the change; the rows are written only if it happened. */
  const audited = (audit: AuditRow[], change: () => boolean) => {
    checkAudit(tables, audit);
    const done = change();
    if (done) writeAudit(tables, audit);
    return done;
  };
  // Grants and keys belong to a client (a foreign key, deleted with it in SQL).
  const requireClient = (clientId: string) => {
    if (!clients.has(clientId)) throw new VaultError('internal', `no client ${clientId}`);
  };

  return {
    async insertClient(client, clientGrants, key, audit) {
      refuseDuplicate(clients.has(client.id), `client ${client.id}`);
      refuseDuplicate(keys.has(keyKey(client.id, key.id)), `key ${key.id}`);
      for (const grant of clientGrants) refuseDuplicate(grants.has(grantKey(grant)), 'grant');
      if (key.clientId !== client.id || clientGrants.some((g) => g.clientId !== client.id)) {
        throw new VaultError('internal', 'a grant or key of another client');
      }
      audited(audit, () => {
        clients.set(client.id, copy(client));
        for (const grant of clientGrants) grants.set(grantKey(grant), copy(grant));
        keys.set(keyKey(key.clientId, key.id), copy(key));
        return true;
      });
    },
    async deleteClient(env, clientId, audit) {
      return audited(audit, () => {
        if (clients.get(clientId)?.env !== env) return false;
        clients.delete(clientId);
        for (const [id, grant] of grants) if (grant.clientId === clientId) grants.delete(id);
        for (const [id, key] of keys) if (key.clientId === clientId) keys.delete(id);
        return true;
      });
    },
    async listClients(env) {
      const rows = [...clients.values()].filter((client) => client.env === env);
      return sortBy(rows, (client) => [client.createdAt, client.id]).map(copy);
    },
    async getClient(env, clientId) {
      const client = clients.get(clientId);
      return client?.env === env ? copy(client) : undefined;
    },
    async getGrants(clientId) {
      const rows = [...grants.values()].filter((grant) => grant.clientId === clientId);
      return sortBy(rows, (grant) => [grant.role, grant.resource]).map(copy);
    },
    async insertGrant(grant, audit) {
      requireClient(grant.clientId);
      // A duplicate is no error here: the grant is already there, and nothing is recorded.
      return audited(audit, () => {
        if (grants.get(grantKey(grant))?.expiresAt === grant.expiresAt) return false;
        grants.set(grantKey(grant), copy(grant));
        return true;
      });
    },
    async deleteGrant(grant, audit) {
      return audited(audit, () => grants.delete(grantKey(grant)));
    },
    async insertClientKey(key, audit) {
      requireClient(key.clientId);
      refuseDuplicate(keys.has(keyKey(key.clientId, key.id)), `key ${key.id}`);
      audited(audit, () => {
        keys.set(keyKey(key.clientId, key.id), copy(key));
        return true;
      });
    },
    async getClientKey(clientId, keyId) {
      const key = keys.get(keyKey(clientId, keyId));
      return key && copy(key);
    },
    async listClientKeys(clientId) {
      const rows = [...keys.values()].filter((key) => key.clientId === clientId);
      return sortBy(rows, (key) => [key.createdAt, key.id]).map(copy);
    },
    async revokeClientKey(clientId, keyId, at, audit) {
      return audited(audit, () => {
        const key = keys.get(keyKey(clientId, keyId));
        if (!key || key.revokedAt !== null) return false;
        key.revokedAt = at;
        return true;
      });
    },
    async touchClientKey(clientId, keyId, at) {
      const key = keys.get(keyKey(clientId, keyId));
      if (key) key.lastUsedAt = at;
    },
  };
}
