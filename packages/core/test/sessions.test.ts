import { describe, expect, it } from 'vitest';
import { createSessions } from '../src/authorization/sessions.js';
import { sha256 } from '../src/encoding.js';
import { createMemoryStore } from '../src/testing/index.js';

describe('browser sessions', () => {
  it('keeps only the hash of a handle, and forgets a handle once it expired', async () => {
    // A stolen database yields no usable cookie; an expired cookie resolves to nothing and its row goes.
    const store = createMemoryStore();
    let now = 1_000;
    const sessions = createSessions(store, () => now);
    const handle = await sessions.create({ env: 'development', userId: 'u1', ttlSeconds: 60 });
    expect(await store.getSession(handle)).toBeUndefined();
    expect(await store.getSession(await sha256(handle))).toMatchObject({ userId: 'u1', expiresAt: 61_000 });
    expect(await sessions.resolve(handle)).toMatchObject({ env: 'development', userId: 'u1', accountId: null });
    now = 61_000;
    expect(await sessions.resolve(handle)).toBeUndefined();
    expect(await store.getSession(await sha256(handle))).toBeUndefined();
  });

  it('resolves nothing for a missing, unknown or deleted handle', async () => {
    const sessions = createSessions(createMemoryStore(), () => 1_000);
    const handle = await sessions.create({ env: 'e', userId: 'u', accountId: 'ca_1', ttlSeconds: 60 });
    expect(await sessions.resolve(undefined)).toBeUndefined();
    expect(await sessions.resolve(`${handle}x`)).toBeUndefined();
    expect(await sessions.resolve(handle)).toMatchObject({ accountId: 'ca_1' });
    await sessions.delete(handle);
    expect(await sessions.resolve(handle)).toBeUndefined();
  });
});
