import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type AccountRow, isVaultError, type Store } from '../src/index.js';

/** The Store contract, run by every adapter against its real database. */
export function storeConformance(name: string, open: () => Promise<{ store: Store; cleanup(): Promise<void> }>) {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await open());
      await store.migrate();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('migrates idempotently', async () => {
      await store.migrate();
      await store.ping();
    });

    it('stores an account and reads it back only within its environment and user', async () => {
      const row = account({ id: 'ca_read', userId: 'u_read' });
      await store.insertAccount(row);
      expect(await store.getAccount('development', 'u_read', 'ca_read')).toEqual(row);
      expect(await store.getAccount('production', 'u_read', 'ca_read')).toBeUndefined();
      expect(await store.getAccount('development', 'someone-else', 'ca_read')).toBeUndefined();
      expect(await store.findAccount(row)).toEqual(row);
      expect(await store.findAccount({ ...row, providerAccountId: 'other' })).toBeUndefined();
    });

    it('keeps times as numbers and large epoch milliseconds exact', async () => {
      const row = account({ id: 'ca_time', userId: 'u_time', expiresAt: 4_102_444_800_123, obtainedAt: 1 });
      await store.insertAccount(row);
      const read = await store.getAccount('development', 'u_time', 'ca_time');
      expect(read?.expiresAt).toBe(4_102_444_800_123);
      expect(typeof read?.createdAt).toBe('number');
    });

    it('refuses a second row for the same provider account of the same user', async () => {
      await store.insertAccount(account({ id: 'ca_dup1', userId: 'u_dup' }));
      const err = await store.insertAccount(account({ id: 'ca_dup2', userId: 'u_dup' })).catch((e) => e);
      expect(isVaultError(err, 'conflict')).toBe(true);
      expect(await store.listAccounts('development', 'u_dup')).toHaveLength(1);
    });

    it('lists a user’s accounts in link order', async () => {
      await store.insertAccount(account({ id: 'ca_l2', userId: 'u_list', providerAccountId: 'b', createdAt: 2 }));
      await store.insertAccount(account({ id: 'ca_l1', userId: 'u_list', providerAccountId: 'a', createdAt: 1 }));
      expect((await store.listAccounts('development', 'u_list')).map((a) => a.id)).toEqual(['ca_l1', 'ca_l2']);
      expect(await store.listAccounts('production', 'u_list')).toEqual([]);
    });

    it('updates only when the version still matches (compare-and-swap)', async () => {
      await store.insertAccount(account({ id: 'ca_cas', userId: 'u_cas' }));
      expect(await store.updateAccount('ca_cas', 1, { accessToken: 'second', refreshToken: null })).toBe(true);
      expect(await store.updateAccount('ca_cas', 1, { accessToken: 'stale' })).toBe(false);
      const read = await store.getAccount('development', 'u_cas', 'ca_cas');
      expect(read).toMatchObject({ version: 2, accessToken: 'second', refreshToken: null, idToken: 'id-ct' });
    });

    it('lets exactly one of two concurrent writers with the same version win', async () => {
      await store.insertAccount(account({ id: 'ca_race', userId: 'u_race' }));
      const results = await Promise.all([
        store.updateAccount('ca_race', 1, { accessToken: 'a' }),
        store.updateAccount('ca_race', 1, { accessToken: 'b' }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('deletes an account only for its own environment and user', async () => {
      await store.insertAccount(account({ id: 'ca_del', userId: 'u_del' }));
      expect(await store.deleteAccount('production', 'u_del', 'ca_del')).toBe(false);
      expect(await store.deleteAccount('development', 'u_del', 'ca_del')).toBe(true);
      expect(await store.deleteAccount('development', 'u_del', 'ca_del')).toBe(false);
    });

    it('hands out a flow once, even to concurrent takers', async () => {
      const flow = {
        id: 'flow-1',
        env: 'development',
        provider: 'demo',
        userId: null,
        origin: 'http://127.0.0.1:3000',
        redirectUrl: null,
        mode: 'popup' as const,
        scopes: ['openid', 'email'],
        codeVerifier: 'ct',
        oidcNonce: 'n',
        createdAt: 1,
        expiresAt: 2,
      };
      await store.insertFlow(flow);
      const taken = await Promise.all([store.takeFlow('flow-1'), store.takeFlow('flow-1')]);
      expect(taken.filter(Boolean)).toEqual([flow]);
      expect(await store.takeFlow('flow-1')).toBeUndefined();
    });

    it('stores and deletes sessions', async () => {
      const session = { id: 's1', env: 'development', userId: 'u', accountId: null, createdAt: 1, expiresAt: 2 };
      await store.insertSession(session);
      expect(await store.getSession('s1')).toEqual(session);
      await store.deleteSession('s1');
      expect(await store.getSession('s1')).toBeUndefined();
    });

    it('keeps service clients, grants and keys per environment; a key revokes once', async () => {
      const client = { id: 'sc_1', env: 'development', name: 'worker', createdAt: 1 };
      await store.insertClient(client, [{ clientId: 'sc_1', role: 'admin', resource: '' }]);
      expect(await store.listClients('development')).toEqual([client]);
      expect(await store.listClients('production')).toEqual([]);
      expect(await store.getClient('production', 'sc_1')).toBeUndefined();
      expect(await store.getGrants('sc_1')).toEqual([{ clientId: 'sc_1', role: 'admin', resource: '' }]);
      const key = { id: 'k1', clientId: 'sc_1', env: 'development', publicKey: 'pk', createdAt: 1, revokedAt: null };
      await store.insertClientKey(key);
      expect(await store.getClientKey('sc_1', 'k1')).toEqual(key);
      expect(await store.revokeClientKey('sc_1', 'k1', 5)).toBe(true);
      expect(await store.revokeClientKey('sc_1', 'k1', 6)).toBe(false);
      expect((await store.getClientKey('sc_1', 'k1'))?.revokedAt).toBe(5);
    });
  });
}

function account(overrides: Partial<AccountRow>): AccountRow {
  return {
    id: 'ca_x',
    env: 'development',
    userId: 'u',
    provider: 'demo',
    providerAccountId: 'alice',
    displayName: 'Alice',
    scopes: ['openid', 'email'],
    status: 'active',
    version: 1,
    accessToken: 'at-ct',
    refreshToken: 'rt-ct',
    idToken: 'id-ct',
    tokenType: 'bearer',
    obtainedAt: 1_700_000_000_000,
    expiresAt: 1_700_000_120_000,
    lastError: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
