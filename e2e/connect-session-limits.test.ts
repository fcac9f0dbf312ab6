import { type GrantInput, OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

const START = `origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`;

// A connect session carries no more than the client that created it holds on its user: a backend redeeming its own
// session (it can send any Origin and X-Requested-With) must not get more than its grants give it. The session's
// provider and scopes bound what the browser may link and read, and what it does is audited with its creator.
describe('connect sessions carry no more than their creator holds', () => {
  let vault: InProcessVault;
  let app: { id: string; jwt: string };
  let demoAccount: string;
  let plainAccount: string;

  beforeAll(async () => {
    vault = await startInProcessVault();
    app = await client([{ role: 'connections-manager' }, { role: 'credentials-reader' }]);
    // The victim's accounts, linked through the app that may read them.
    const jar = await browser(app, { userId: 'u_victim' });
    await vault.connect(jar, 'vic');
    await vault.connect(jar, 'vic', 'plain');
    const accounts = await vault.vault.listAccounts('development', 'u_victim', OPERATOR);
    demoAccount = accounts.find((a) => a.provider === 'demo')?.id as string;
    plainAccount = accounts.find((a) => a.provider === 'plain')?.id as string;
  });
  afterAll(() => vault.close());

  async function client(grants: GrantInput[]) {
    const created = await vault.vault.clients.create({ env: 'development', name: 'app', grants }, OPERATOR);
    return { id: created.client.id, jwt: await vault.jwt(created.accessKey) };
  }

  async function create(creator: { jwt: string }, body: object) {
    const response = await vault.request(`${VAULT_URL}/v1/connect-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${creator.jwt}` },
      body: JSON.stringify(body),
    });
    return response.json();
  }
  const browser = (creator: { jwt: string }, body: object) => vault.browserFor(creator.jwt, body);
  const me = (jar: CookieJar, method: string, path: string, body?: object) => vault.me(jar, method, path, body);

  it("lets no connections-manager read a user's tokens through its own session (regression)", async () => {
    // The manager may list and link, as its grants allow; it may not read a token, by account or by provider.
    const manager = await client([{ role: 'connections-manager' }]);
    expect(await create(manager, { userId: 'u_victim' })).toMatchObject({
      actions: ['connections:read', 'connections:delete'],
    });
    const jar = await browser(manager, { userId: 'u_victim' });
    expect((await me(jar, 'GET', '/connected-accounts')).body.items).toHaveLength(2);
    const byAccount = await me(jar, 'POST', `/connected-accounts/${demoAccount}/access-token`, {});
    expect(byAccount).toMatchObject({ status: 403, body: { error: 'forbidden' } });
    expect((await me(jar, 'POST', '/providers/demo/access-token', {})).status).toBe(403);
    expect(JSON.stringify(byAccount.body)).not.toMatch(/accessToken/);

    // Both refusals are audited as the user acting through the manager.
    const rows = await vault.store.listAudit('development', {
      limit: 10,
      userId: 'u_victim',
      action: 'credentials.read',
    });
    expect(rows.slice(0, 2).map((r) => [r.principal, r.via, r.result])).toEqual([
      ['user:u_victim', `client:${manager.id}`, 'forbidden'],
      ['user:u_victim', `client:${manager.id}`, 'forbidden'],
    ]);
  });

  it('keeps an account the manager’s session links out of its reach after the popup', async () => {
    // The user's consent in this browser hands the new token to the app page once; /refresh, which reads it
    // again later, needs what the manager does not hold.
    const manager = await client([{ role: 'connections-manager' }]);
    const jar = await browser(manager, { userId: 'u_new', provider: 'demo' });
    const message = await vault.connect(jar, 'newcomer');
    expect(message.response.providerInfo.accessToken).toEqual(expect.any(String));
    const refresh = await jar.fetch(`${VAULT_URL}/api/auth/demo/refresh?env=development`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    expect(refresh.status).toBe(401);
    expect(await refresh.json()).toMatchObject({ error: 'forbidden' });
  });

  it('links and reads only the provider the session names', async () => {
    const jar = await browser(app, { userId: 'u_victim', provider: 'demo' });
    const listed = await me(jar, 'GET', '/connected-accounts');
    expect(listed.body.items.map((a: { provider: string }) => a.provider)).toEqual(['demo']);
    expect((await me(jar, 'POST', `/connected-accounts/${demoAccount}/access-token`, {})).status).toBe(200);
    expect((await me(jar, 'POST', `/connected-accounts/${plainAccount}/access-token`, {})).status).toBe(403);
    expect((await me(jar, 'POST', '/providers/plain/access-token', {})).status).toBe(403);
    expect((await me(jar, 'DELETE', `/connected-accounts/${plainAccount}`)).status).toBe(403);
    const linkPlain = await jar.fetch(`${VAULT_URL}/api/auth/plain/start?${START}`);
    expect(linkPlain.status).toBe(403);
    expect(await linkPlain.json()).toMatchObject({ message: /connect session is for demo, not plain/ });
  });

  it('asks for no scope beyond those the session names, when linking or reading', async () => {
    const jar = await browser(app, { userId: 'u_victim', provider: 'demo', scopes: ['email'] });
    expect((await jar.fetch(`${VAULT_URL}/api/auth/demo/start?${START}&scope=email`)).status).toBe(302);
    const wider = await jar.fetch(`${VAULT_URL}/api/auth/demo/start?${START}&scope=email%20profile`);
    expect(wider.status).toBe(403);
    expect(await wider.json()).toMatchObject({ message: /may not ask for the scopes profile/ });
    const path = `/connected-accounts/${demoAccount}/access-token`;
    expect((await me(jar, 'POST', path, { scopes: ['email'] })).status).toBe(200);
    expect((await me(jar, 'POST', path, { scopes: ['profile'] })).status).toBe(403);
  });

  it('records the creator on what the session does, and a user’s own session without one', async () => {
    const jar = await browser(app, { userId: 'u_victim', provider: 'demo' });
    expect((await me(jar, 'POST', `/connected-accounts/${demoAccount}/access-token`, {})).status).toBe(200);
    const [read] = await vault.store.listAudit('development', { limit: 1, userId: 'u_victim' });
    expect(read).toMatchObject({ action: 'credentials.read', principal: 'user:u_victim', via: `client:${app.id}` });

    // A browser signed in through the provider is the user's own: no creator to record.
    const handle = vault.newJar();
    await vault.connect(handle, 'solo');
    await handle.fetch(`${VAULT_URL}/api/auth/demo/refresh?env=development`, {
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    const [ownRead] = await vault.store.listAudit('development', { limit: 1, userId: 'demo:solo' });
    expect(ownRead).toMatchObject({ action: 'credentials.read', principal: 'user:demo:solo', via: null });
  });
});
