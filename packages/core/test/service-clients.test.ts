import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { describe, expect, it } from 'vitest';
import { OPERATOR } from '../src/authorization/grants.js';
import { createCipher } from '../src/crypto/cipher.js';
import { isVaultError } from '../src/errors.js';
import { createProviderRegistry } from '../src/providers/registry.js';
import type { Store } from '../src/store.js';
import { createMemoryStore } from '../src/testing/index.js';
import { createVault } from '../src/vault.js';

const publicUrl = 'http://vault.test';

/** A vault over `store` (the memory store, or one wrapped to count or fail its calls), on `now`'s clock. */
async function vaultOver(store: Store, now?: () => number) {
  const cipher = await createCipher([new Uint8Array(32).fill(7)]);
  return createVault({ store, cipher, providers: createProviderRegistry({}), publicUrl, ...(now && { now }) });
}

/** How a refused authentication reads: its code and message. */
function refusal(err: unknown): string {
  if (!isVaultError(err)) throw err;
  return `${err.code}: ${err.message}`;
}

async function vaultOnMemory() {
  const store = createMemoryStore();
  return { store, vault: await vaultOver(store) };
}

describe('service clients', () => {
  it('authenticates a key until it is revoked, at once in this process, and audits each change', async () => {
    // A revoked key must stop working in the process that revoked it without waiting for any cache.
    const { store, vault } = await vaultOnMemory();
    const grants = [{ role: 'credentials-reader', resource: 'connections/github' }];
    const created = await vault.clients.create({ env: 'development', name: 'worker', grants }, OPERATOR);
    const token = await signServiceToken(parseAccessKey(created.accessKey), { baseUrl: publicUrl });
    const principal = await vault.clients.authenticate(token);
    expect(principal).toMatchObject({ clientId: created.client.id, keyId: created.keyId, env: 'development' });
    expect(principal.grants).toHaveLength(1);

    await vault.clients.revokeKey('development', created.client.id, created.keyId, OPERATOR);
    const refused = await vault.clients.authenticate(token).catch((err: unknown) => err);
    expect(isVaultError(refused, 'unauthorized')).toBe(true);

    const actions = (await store.listAudit('development', { limit: 10 })).map((row) => row.action);
    expect(actions.sort()).toEqual(['client.created', 'key.added', 'key.revoked']);
  });

  it('refuses to remove a client of another environment, and records nothing', async () => {
    const { store, vault } = await vaultOnMemory();
    const created = await vault.clients.create({ env: 'development', name: 'worker', grants: [] }, OPERATOR);
    const refused = await vault.clients.remove('production', created.client.id, OPERATOR).catch((err: unknown) => err);
    expect(isVaultError(refused, 'not_found')).toBe(true);
    expect(await vault.clients.get('development', created.client.id)).toMatchObject({ name: 'worker' });
    expect(await store.listAudit('production', { limit: 10 })).toEqual([]);
  });

  it('shares one read of a key and its grants among the requests that miss the cache together', async () => {
    const { store } = await vaultOnMemory();
    let keyReads = 0;
    const counted = {
      ...store,
      getClientKey: (clientId: string, keyId: string) => {
        keyReads++;
        return store.getClientKey(clientId, keyId);
      },
    };
    const vault = await vaultOver(counted);
    const created = await vault.clients.create({ env: 'development', name: 'worker', grants: [] }, OPERATOR);
    const token = await signServiceToken(parseAccessKey(created.accessKey), { baseUrl: publicUrl });
    keyReads = 0;
    const principals = await Promise.all(Array.from({ length: 20 }, () => vault.clients.authenticate(token)));
    expect(principals.map((p) => p.keyId)).toEqual(Array(20).fill(created.keyId));
    expect(keyReads).toBe(1);

    // A key the store does not have is not kept: each attempt asks again (and fails).
    await vault.clients.remove('development', created.client.id, OPERATOR);
    keyReads = 0;
    for (let attempt = 0; attempt < 2; attempt++) {
      const refused = await vault.clients.authenticate(token).catch((err: unknown) => err);
      expect(isVaultError(refused, 'unauthorized')).toBe(true);
    }
    expect(keyReads).toBe(2);
  });

  it('reads a key again after half a second, and records its use at most once a minute', async () => {
    const { store } = await vaultOnMemory();
    let keyReads = 0;
    let touches = 0;
    const counted = {
      ...store,
      getClientKey: (clientId: string, keyId: string) => {
        keyReads++;
        return store.getClientKey(clientId, keyId);
      },
      touchClientKey: (clientId: string, keyId: string, at: number) => {
        touches++;
        return store.touchClientKey(clientId, keyId, at);
      },
    };
    let now = 1_800_000_000_000;
    const vault = await vaultOver(counted, () => now);
    const created = await vault.clients.create({ env: 'development', name: 'worker', grants: [] }, OPERATOR);
    const token = await signServiceToken(parseAccessKey(created.accessKey), { baseUrl: publicUrl, now });
    keyReads = 0;
    const seen: { keyReads: number; touches: number }[] = [];
    for (const step of [0, 200, 299, 1, 500, 58_000, 2_000]) {
      now += step;
      await vault.clients.authenticate(token);
      seen.push({ keyReads, touches });
    }
    expect(seen).toEqual([
      { keyReads: 1, touches: 1 }, // the first use: verified, read and recorded
      { keyReads: 1, touches: 1 },
      { keyReads: 1, touches: 1 }, // 499 ms after the read
      { keyReads: 2, touches: 1 }, // 500 ms after it
      { keyReads: 3, touches: 1 },
      { keyReads: 4, touches: 1 }, // 59,000 ms after the first record
      { keyReads: 5, touches: 2 },
    ]);
  });

  it('keeps at most 10,000 verified tokens, verifying the oldest again once they are over', async () => {
    // A verified token is taken again by its text without checking its signature or its iat: with the clock set back
    // two minutes, a token still held passes, and one no longer held is verified again and refused (issued in the
    // future). Each token below differs by its lifetime.
    const { store } = await vaultOnMemory();
    let now = 1_800_000_000_000;
    const vault = await vaultOver(store, () => now);
    const created = await vault.clients.create({ env: 'development', name: 'worker', grants: [] }, OPERATOR);
    const key = parseAccessKey(created.accessKey);
    const sign = (lifetimeSeconds: number) => signServiceToken(key, { baseUrl: publicUrl, now, lifetimeSeconds });
    const first = await sign(3600);
    const later = async (token: string) => {
      now -= 120_000;
      try {
        return await vault.clients.authenticate(token).then(() => 'accepted', refusal);
      } finally {
        now += 120_000;
      }
    };
    await vault.clients.authenticate(first);
    expect(await later(first)).toBe('accepted');
    let last = first;
    for (let i = 1; i <= 10_000; i++) {
      last = await sign(3600 + i);
      await vault.clients.authenticate(last);
    }
    expect(await later(last)).toBe('accepted');
    expect(await later(first)).toBe('unauthorized: the token is issued in the future');
  });

  it('keeps no failed read of a key: the requests that shared it fail, the next one reads again', async () => {
    const { store } = await vaultOnMemory();
    let failNext = false;
    const flaky = {
      ...store,
      getClientKey: async (clientId: string, keyId: string) => {
        if (failNext) {
          failNext = false;
          throw new Error('the store is down');
        }
        return store.getClientKey(clientId, keyId);
      },
    };
    const vault = await vaultOver(flaky);
    const created = await vault.clients.create({ env: 'development', name: 'worker', grants: [] }, OPERATOR);
    const token = await signServiceToken(parseAccessKey(created.accessKey), { baseUrl: publicUrl });
    failNext = true;
    const shared = await Promise.allSettled(Array.from({ length: 5 }, () => vault.clients.authenticate(token)));
    expect(shared.map((result) => result.status)).toEqual(Array(5).fill('rejected'));
    expect(await vault.clients.authenticate(token)).toMatchObject({ keyId: created.keyId });
  });
});
