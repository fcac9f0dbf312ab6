import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type GrantInput, OPERATOR } from '@tokenvault/core';
import { createVaultClient, type VaultClientError } from '@tokenvault/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// A backend using @tokenvault/sdk-node against a real vault over HTTP gets working tokens, every outcome a caller
// must handle as a Result (never a throw, never a 5xx), a thrown typed error for missing grants, and sends one
// JWT for all its calls.
describe('@tokenvault/sdk-node against the vault', () => {
  let vault: InProcessVault;
  let server: Server;
  let baseUrl: string;
  let backendKey: string;
  /** What the SDK sent and got, seen from a fetch passed to it. */
  const seen: Array<{ method: string; path: string; authorization: string; status: number }> = [];

  beforeAll(async () => {
    vault = await startInProcessVault();
    server = serve({ fetch: vault.app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
    if (!server.listening) await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    backendKey = await accessKey([{ role: 'credentials-reader' }, { role: 'connections-manager' }]);
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await vault?.close();
  });

  async function accessKey(grants: GrantInput[]) {
    const created = await vault.vault.clients.create({ env: 'development', name: 'sdk-node', grants }, OPERATOR);
    return created.accessKey;
  }
  const recording: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const headers = new Headers(init?.headers);
    seen.push({
      method: init?.method ?? 'GET',
      path: decodeURIComponent(new URL(String(input)).pathname),
      authorization: headers.get('authorization') ?? '',
      status: response.status,
    });
    return response;
  };
  const client = (key = backendKey) => createVaultClient({ baseUrl, accessKey: key, fetch: recording });
  const works = async (accessToken: string) =>
    (await fetch(`${vault.demo.issuer}/me`, { headers: { authorization: `Bearer ${accessToken}` } })).status;
  const thrown = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('resolved'),
      (err: unknown) => err as VaultClientError,
    );

  it('lists a user’s accounts and reads a working token by provider and by providerAccountId', async () => {
    // The user id holds "|", a space and Unicode; both selectors reach the same account; the provider accepts
    // the token at its userinfo endpoint.
    const { userId, id } = await vault.link('auth0|ann ✓');
    const user = client().user(userId);
    const accounts = await user.listConnectedAccounts();
    expect(accounts).toEqual([
      expect.objectContaining({ id, provider: 'demo', providerAccountId: 'auth0|ann ✓', status: 'active' }),
    ]);
    expect(accounts[0]?.createdAt).toBeInstanceOf(Date);

    const byProvider = await user.account('demo').getAccessToken({ scopes: ['openid'], minValiditySeconds: 30 });
    if (byProvider.status !== 'ok') return expect.fail(JSON.stringify(byProvider.error));
    expect(byProvider.data).toMatchObject({ accountId: id, tokenType: expect.stringMatching(/bearer/i) });
    expect(byProvider.data.expiresAt?.getTime()).toBeGreaterThan(Date.now() + 30_000);
    expect(await works(byProvider.data.accessToken)).toBe(200);

    const byAccount = await user.account({ provider: 'demo', providerAccountId: 'auth0|ann ✓' }).getAccessToken();
    if (byAccount.status !== 'ok') return expect.fail(JSON.stringify(byAccount.error));
    expect(byAccount.data.accountId).toBe(id);
    expect(await works(byAccount.data.accessToken)).toBe(200);
  });

  it('answers missing_scopes with the scopes the account lacks', async () => {
    const { userId } = await vault.link('bea');
    const result = await client()
      .user(userId)
      .account('demo')
      .getAccessToken({ scopes: ['openid', 'drive'] });
    expect(result).toEqual({
      status: 'error',
      error: expect.objectContaining({ code: 'missing_scopes', missingScopes: ['drive'] }),
    });
  });

  it('answers not_connected for an unknown user, provider or providerAccountId', async () => {
    const { userId } = await vault.link('cy');
    const api = client();
    const notConnected = { status: 'error', error: expect.objectContaining({ code: 'not_connected' }) };
    expect(await api.user('nobody at all').account('demo').getAccessToken()).toEqual(notConnected);
    expect(await api.user(userId).account('plain').getAccessToken()).toEqual(notConnected);
    expect(await api.user(userId).account({ provider: 'demo', providerAccountId: 'other' }).getAccessToken()).toEqual(
      notConnected,
    );
    expect(await api.user('nobody at all').listConnectedAccounts()).toEqual([]);
  });

  it('answers needs_reauth once the user revoked the grant at the provider: never a throw, never a 5xx', async () => {
    // 3600 s exceeds the demo's 60 s tokens, so the vault refreshes, meets invalid_grant and says so with a 409.
    const { userId, id } = await vault.link('dora');
    await vault.demo.revokeAll('dora');
    const user = client().user(userId);
    const from = seen.length;
    const first = await user.account('demo').getAccessToken({ minValiditySeconds: 3600 });
    expect(first).toEqual({ status: 'error', error: expect.objectContaining({ code: 'needs_reauth' }) });
    const again = await user.account({ accountId: id }).getAccessToken();
    expect(again).toEqual({ status: 'error', error: expect.objectContaining({ code: 'needs_reauth' }) });
    expect((await user.listConnectedAccounts())[0]?.status).toBe('needs_reauth');
    expect(seen.slice(from).map((request) => request.status)).toEqual([409, 409, 200]);
  });

  it('disconnects an account, revoking at the provider; a second disconnect is not_connected', async () => {
    const { userId, id } = await vault.link('eve');
    const account = client().user(userId).account({ provider: 'demo', providerAccountId: 'eve' });
    expect(await account.disconnect()).toEqual({ status: 'ok', data: { accountId: id, revokedAtProvider: true } });
    expect(await account.disconnect()).toEqual({
      status: 'error',
      error: expect.objectContaining({ code: 'not_connected' }),
    });
    expect(await client().user(userId).account({ accountId: id }).disconnect()).toMatchObject({
      error: { code: 'not_connected' },
    });
    expect(await client().user(userId).listConnectedAccounts()).toEqual([]);
  });

  it('creates a connect session whose token binds a browser to the user', async () => {
    const session = await client()
      .user('u_42')
      .createConnectSession({ provider: 'demo', scopes: ['email'] });
    expect(session).toMatchObject({ connectUrl: `${VAULT_URL}/connect#session=${session.token}`, provider: 'demo' });
    expect(session.expiresAt.getTime()).toBeGreaterThan(Date.now());
    const redeemed = await vault.request(`${VAULT_URL}/api/auth/connect-session`, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token: session.token }),
    });
    expect(redeemed.status).toBe(200);
    expect(await redeemed.json()).toMatchObject({ userId: 'u_42', provider: 'demo' });
  });

  it('throws a typed forbidden error for a client without a grant, and unauthorized for a revoked key', async () => {
    const { userId } = await vault.link('fay');
    const nobody = client(await accessKey([]));
    expect(await thrown(nobody.user(userId).account('demo').getAccessToken())).toMatchObject({
      name: 'VaultClientError',
      code: 'forbidden',
      status: 403,
      requestId: expect.any(String),
    });
    expect(await thrown(nobody.user(userId).listConnectedAccounts())).toMatchObject({ code: 'forbidden' });
    expect(await thrown(nobody.user(userId).createConnectSession())).toMatchObject({ code: 'forbidden' });

    // A reader may read tokens by provider, but finding an account by providerAccountId needs connections:read.
    const reader = client(await accessKey([{ role: 'credentials-reader', resource: 'connections/demo' }]));
    expect(await reader.user(userId).account('demo').getAccessToken()).toMatchObject({ status: 'ok' });
    expect(
      await thrown(reader.user(userId).account({ provider: 'demo', providerAccountId: 'fay' }).getAccessToken()),
    ).toMatchObject({ code: 'forbidden' });

    const created = await vault.vault.clients.create({ env: 'development', name: 'doomed', grants: [] }, OPERATOR);
    await vault.vault.clients.revokeKey('development', created.client.id, created.keyId, OPERATOR);
    expect(await thrown(client(created.accessKey).user(userId).listConnectedAccounts())).toMatchObject({
      code: 'unauthorized',
      status: 401,
    });
  });

  it('signs one JWT for many calls of one client, and the vault records them under its key', async () => {
    // The vault caches verified JWTs; a client re-signing per request would defeat that cache.
    const { userId } = await vault.link('gus');
    const created = await vault.vault.clients.create(
      { env: 'development', name: 'one-jwt', grants: [{ role: 'admin' }] },
      OPERATOR,
    );
    const api = client(created.accessKey);
    const from = seen.length;
    const user = api.user(userId);
    await Promise.all([user.listConnectedAccounts(), user.account('demo').getAccessToken()]);
    // Ed25519 signatures are deterministic and iat counts seconds: only calls in another second would show a
    // re-signed JWT as a different header, so cross into the next second (not a timed assertion).
    await new Promise((resolve) => setTimeout(resolve, 1010 - (Date.now() % 1000)));
    for (let i = 0; i < 5; i++) await user.account({ provider: 'demo', providerAccountId: 'gus' }).getAccessToken();
    await user.createConnectSession({ provider: 'demo' });
    const mine = seen.slice(from);
    expect(mine.length).toBe(13);
    expect(new Set(mine.map((request) => request.authorization)).size).toBe(1);
    expect(mine.every((request) => request.status < 300)).toBe(true);

    const audit = await vault.store.listAudit('development', { limit: 50, principal: `client:${created.client.id}` });
    const reads = audit.filter((row) => row.action === 'credentials.read');
    expect(reads).toHaveLength(6);
    expect(reads.every((row) => row.keyId === created.keyId && row.result === 'ok')).toBe(true);
  });

  it('never got a 5xx from the vault in any test above', () => {
    expect(seen.filter((request) => request.status >= 500)).toEqual([]);
  });
});

// An outage at the provider is the caller's to wait out: a Result with retryAfter, asked once, not retried.
describe('@tokenvault/sdk-node while the provider is down', () => {
  let vault: InProcessVault;
  let server: Server;

  beforeAll(async () => {
    vault = await startInProcessVault();
    server = serve({ fetch: vault.app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
    if (!server.listening) await once(server, 'listening');
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await vault?.close();
  });

  it('answers provider_unavailable with retryAfter and keeps the account; a disconnect still deletes it', async () => {
    const { userId, id } = await vault.link('hal');
    const { accessKey } = await vault.vault.clients.create(
      { env: 'development', name: 'outage', grants: [{ role: 'admin' }] },
      OPERATOR,
    );
    const statuses: number[] = [];
    const counting: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      statuses.push(response.status);
      return response;
    };
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const user = createVaultClient({ baseUrl, accessKey, fetch: counting }).user(userId);
    await vault.stopProvider();

    const result = await user.account('demo').getAccessToken({ minValiditySeconds: 3600 });
    expect(result).toEqual({
      status: 'error',
      error: expect.objectContaining({ code: 'provider_unavailable', retryAfter: expect.any(Number) }),
    });
    expect(statuses).toEqual([503]);
    expect((await user.listConnectedAccounts())[0]).toMatchObject({ id, status: 'active' });

    const disconnected = await user.account({ accountId: id }).disconnect();
    expect(disconnected).toEqual({
      status: 'ok',
      data: {
        accountId: id,
        revokedAtProvider: false,
        revocationError: { code: 'provider_unavailable', message: expect.any(String) },
      },
    });
    expect(await user.listConnectedAccounts()).toEqual([]);
  });
});
