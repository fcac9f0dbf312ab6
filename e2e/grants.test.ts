import { type GrantInput, OPERATOR } from '@tokenvault/core';
import { parseAccessKey } from '@tokenvault/sdk-node';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// Every route asks the grants about the resource it touches, with one matcher, and denies by default; nothing a
// key of one environment does reaches another's rows.
describe('grants on the service API', () => {
  let vault: InProcessVault;
  let alice: Awaited<ReturnType<InProcessVault['link']>>;
  let bob: Awaited<ReturnType<InProcessVault['link']>>;

  beforeAll(async () => {
    vault = await startInProcessVault();
    alice = await vault.link('alice');
    bob = await vault.link('bob');
  });
  afterAll(() => vault.close());

  /** A client with these grants in `env`, and a function that calls a route with its JWT. */
  async function clientWith(grants: GrantInput[], env = 'development') {
    const created = await vault.vault.clients.create({ env, name: 'test', grants }, OPERATOR);
    const jwt = await vault.jwt(created.accessKey);
    const call = async (method: string, path: string, body?: object) => {
      const response = await vault.request(`${VAULT_URL}${path}`, {
        method,
        headers: { authorization: `Bearer ${jwt}` },
        ...(body && { body: JSON.stringify(body) }),
      });
      return { status: response.status, body: await response.json() };
    };
    return { ...created, jwt, call };
  }

  const users = (userId: string) => `/v1/users/${encodeURIComponent(userId)}`;
  const routes = (who: typeof alice) => ({
    list: ['GET', `${users(who.userId)}/connected-accounts`],
    get: ['GET', `${users(who.userId)}/connected-accounts/${who.id}`],
    token: ['POST', `${users(who.userId)}/connected-accounts/${who.id}/access-token`],
    byProvider: ['POST', `${users(who.userId)}/providers/demo/access-token`],
    authress: ['GET', `/v1/connections/demo/users/${encodeURIComponent(who.userId)}/credentials`],
    clients: ['GET', '/v1/admin/clients'],
    audit: ['GET', '/v1/admin/audit'],
    accounts: ['GET', '/v1/admin/connected-accounts'],
    deliveries: ['GET', '/v1/admin/webhook-deliveries'],
    providers: ['GET', '/v1/admin/providers'],
  });
  type Route = keyof ReturnType<typeof routes>;

  async function statuses(client: Awaited<ReturnType<typeof clientWith>>, who: typeof alice) {
    const result: Partial<Record<Route, number>> = {};
    for (const [name, [method, path]] of Object.entries(routes(who))) {
      result[name as Route] = (await client.call(method as string, path as string)).status;
    }
    return result;
  }

  it('lets each role reach exactly its routes', async () => {
    // The role decides the action; a route outside the role's actions is 403 even with a whole-environment grant.
    const reader = await clientWith([{ role: 'credentials-reader' }]);
    expect(await statuses(reader, alice)).toEqual({
      ...{ list: 403, get: 403, token: 200, byProvider: 200, authress: 200 },
      ...{ clients: 403, audit: 403, accounts: 403, deliveries: 403, providers: 403 },
    });
    const manager = await clientWith([{ role: 'connections-manager' }]);
    expect(await statuses(manager, alice)).toEqual({
      ...{ list: 200, get: 200, token: 403, byProvider: 403, authress: 403 },
      ...{ clients: 403, audit: 403, accounts: 200, deliveries: 403, providers: 200 },
    });
    const admin = await clientWith([{ role: 'admin' }]);
    expect(Object.values(await statuses(admin, alice))).toEqual(Array(10).fill(200));
    const nobody = await clientWith([]);
    expect(Object.values(await statuses(nobody, alice))).toEqual(Array(10).fill(403));
  });

  it("confines a grant to its resource pattern: one provider, one user, or every user's credentials", async () => {
    // `connections/demo/users/demo:alice` covers alice's demo account and nothing of bob's or of another provider.
    const aliceOnly = await clientWith([
      { role: 'credentials-reader', resource: `connections/demo/users/${alice.userId}` },
    ]);
    expect((await aliceOnly.call(...(routes(alice).token as [string, string]))).status).toBe(200);
    expect((await aliceOnly.call(...(routes(bob).token as [string, string]))).status).toBe(403);
    expect((await aliceOnly.call(...(routes(bob).authress as [string, string]))).status).toBe(403);

    const otherProvider = await clientWith([{ role: 'credentials-reader', resource: 'connections/plain' }]);
    const refused = await otherProvider.call(...(routes(alice).token as [string, string]));
    expect(refused).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect(refused.body.accessToken).toBeUndefined();

    const everyUser = await clientWith([
      { role: 'UserCredentialsViewer', resource: 'Connections/*/Users/*/Credentials' },
    ]);
    for (const who of [alice, bob]) {
      const read = await everyUser.call(...(routes(who).authress as [string, string]));
      expect(read.status).toBe(200);
      expect(typeof read.body.accessToken).toBe('string');
    }
  });

  it('lists only the accounts a scoped manager may see', async () => {
    // A manager of the `plain` provider sees none of alice's demo accounts; one of `demo` sees them.
    const plainManager = await clientWith([{ role: 'connections-manager', resource: 'connections/plain' }]);
    expect((await plainManager.call(...(routes(alice).list as [string, string]))).body.items).toEqual([]);
    expect((await plainManager.call(...(routes(alice).get as [string, string]))).status).toBe(403);
    const demoManager = await clientWith([{ role: 'connections-manager', resource: 'connections/demo' }]);
    const listed = await demoManager.call(...(routes(alice).list as [string, string]));
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([alice.id]);
  });

  it('lists the providers a client may read connections of, without their secrets', async () => {
    const admin = await clientWith([{ role: 'admin' }]);
    const all = await admin.call('GET', '/v1/admin/providers');
    expect(all.status).toBe(200);
    expect(all.body.items.map((p: { id: string }) => p.id)).toEqual(['demo', 'plain']);
    expect(all.body.items[0]).toEqual({
      id: 'demo',
      displayName: 'Demo',
      type: 'oidc',
      clientId: 'vault',
      callbackUrl: `${VAULT_URL}/api/auth/demo/handler/frame`,
      scopes: expect.arrayContaining(['openid']),
      params: [],
      refreshes: true,
      keepAliveSeconds: null,
      docs: 'https://openid.net/specs/openid-connect-core-1_0.html', // the oidc preset's
      setup: expect.stringMatching(/^Register a confidential client/), // and its setup notes
    });
    expect(all.body.nextCursor).toBeNull();
    expect(JSON.stringify(all.body)).not.toContain('secret');

    // A manager of one provider sees that provider only; a pattern below a provider does not show it.
    const plainManager = await clientWith([{ role: 'connections-manager', resource: 'connections/plain' }]);
    const scoped = await plainManager.call('GET', '/v1/admin/providers');
    expect(scoped.body.items.map((p: { id: string }) => p.id)).toEqual(['plain']);
    const oneUser = await clientWith([
      { role: 'connections-manager', resource: `connections/demo/users/${alice.userId}` },
    ]);
    expect((await oneUser.call('GET', '/v1/admin/providers')).body.items).toEqual([]);
    expect(await admin.call('GET', '/v1/admin/providers?limit=5')).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });
  });

  it('does not tell a client without a grant on the user whether an account id exists', async () => {
    // A reader of bob's credentials only: alice's real account and a made-up id get the same 403.
    const bobOnly = await clientWith([{ role: 'admin', resource: `connections/demo/users/${bob.userId}` }]);
    const made = { ...alice, id: 'ca_doesnotexist' };
    for (const route of ['get', 'token'] as const) {
      const real = await bobOnly.call(...(routes(alice)[route] as [string, string]));
      const fake = await bobOnly.call(...(routes(made)[route] as [string, string]));
      expect([real.status, fake.status], route).toEqual([403, 403]);
      expect(real.body.error).toBe('forbidden');
    }
    const deleted = await bobOnly.call('DELETE', `${users(alice.userId)}/connected-accounts/${alice.id}`);
    expect(deleted.status).toBe(403);
    // With a grant on the user, a missing account is simply not found.
    expect((await bobOnly.call(...(routes({ ...bob, id: 'ca_doesnotexist' }).get as [string, string]))).status).toBe(
      404,
    );
  });

  it('refuses a disconnect outside the grant and keeps the account', async () => {
    // connections:delete on another provider cannot remove a demo account.
    const plainManager = await clientWith([{ role: 'connections-manager', resource: 'connections/plain' }]);
    const refused = await plainManager.call('DELETE', `${users(bob.userId)}/connected-accounts/${bob.id}`);
    expect(refused.status).toBe(403);
    expect(await vault.store.getAccount('development', bob.userId, bob.id)).toBeDefined();
  });

  it('picks the account by provider and says which it picked', async () => {
    // POST …/providers/{provider}/access-token answers the token of the user's healthy account of that provider.
    const reader = await clientWith([{ role: 'credentials-reader', resource: 'connections/demo' }]);
    const read = await reader.call('POST', `${users(alice.userId)}/providers/demo/access-token`, {});
    expect(read).toMatchObject({ status: 200, body: { accountId: alice.id } });
    expect(typeof read.body.accessToken).toBe('string');
    const none = await reader.call('POST', `${users('demo:nobody')}/providers/demo/access-token`, {});
    expect(none).toMatchObject({ status: 404, body: { error: 'not_found' } });
    const lacking = await reader.call('POST', `${users(alice.userId)}/providers/demo/access-token`, {
      scopes: ['calendar'],
    });
    expect(lacking).toMatchObject({ status: 403, body: { error: 'missing_scopes', missingScopes: ['calendar'] } });
  });

  it("keeps environments apart: a production admin reaches none of development's rows on any route", async () => {
    // Routes take the environment from the key, so development ids are simply not there for it.
    const prod = await clientWith([{ role: 'admin' }], 'production');
    const devClient = await clientWith([{ role: 'admin' }]);
    expect((await prod.call(...(routes(alice).list as [string, string]))).body.items).toEqual([]);
    for (const route of ['get', 'token', 'byProvider', 'authress'] as const) {
      const [method, path] = routes(alice)[route] as [string, string];
      expect({ route, status: (await prod.call(method, path)).status }).toEqual({ route, status: 404 });
    }
    expect((await prod.call('GET', `/v1/admin/clients/${devClient.client.id}`)).status).toBe(404);
    expect((await prod.call('DELETE', `/v1/admin/clients/${devClient.client.id}`)).status).toBe(404);
    expect((await prod.call('POST', `/v1/admin/clients/${devClient.client.id}/keys`, {})).status).toBe(404);
    expect((await prod.call('GET', '/v1/admin/connected-accounts')).body.items).toEqual([]);
    const clients = (await prod.call('GET', '/v1/admin/clients')).body.items.map((c: { id: string }) => c.id);
    expect(clients).toEqual([prod.client.id]);
    const audit = (await prod.call('GET', '/v1/admin/audit?limit=200')).body.items;
    expect(
      audit.every((e: { detail: { clientId?: string } | null }) => e.detail?.clientId !== devClient.client.id),
    ).toBe(true);
    // Its own failed attempts on alice are in its own log; none of development's reads of alice are.
    const aboutAlice = audit.filter((e: { userId: string | null }) => e.userId === alice.userId);
    expect(aboutAlice.length).toBeGreaterThan(0);
    for (const entry of aboutAlice) {
      expect(entry).toMatchObject({ principal: `client:${prod.client.id}`, result: 'not_found' });
    }
    // The development client still works: nothing above changed it.
    expect((await devClient.call(...(routes(alice).token as [string, string]))).status).toBe(200);
  });

  it("refuses a token whose aud names another environment than its key's, and one whose sub is another client", async () => {
    // The key decides the environment; a token cannot claim another one, nor borrow another client's identity.
    const dev = await clientWith([{ role: 'admin' }]);
    const other = await clientWith([{ role: 'admin' }]);
    const key = parseAccessKey(dev.accessKey);
    const sign = (claims: { sub: string; aud: string }) =>
      new SignJWT({ iss: `${VAULT_URL}/v1/clients/${claims.sub}` })
        .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId })
        .setSubject(claims.sub)
        .setAudience(claims.aud)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key.privateKey);
    const [method, path] = routes(alice).token as [string, string];
    for (const jwt of [
      await sign({ sub: key.clientId, aud: 'production.accounts.authress.io' }),
      await sign({ sub: other.client.id, aud: 'development.accounts.authress.io' }),
    ]) {
      const response = await vault.request(`${VAULT_URL}${path}`, {
        method,
        headers: { authorization: `Bearer ${jwt}` },
      });
      expect(response.status).toBe(401);
    }
  });
});
