import { createVault } from '@tokenvault/sdk-browser';
import { createVaultClient } from '@tokenvault/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type ProxyVault, startProxyVault, USER, VAULT } from './support/proxy-vault.js';

// Both SDKs call the provider's API through the vault and hand back the provider's answer as a standard Response.
describe('account.fetch in the SDKs', () => {
  let v: ProxyVault;
  let inProcess: typeof fetch;
  beforeAll(async () => {
    v = await startProxyVault();
    inProcess = (input, init) => Promise.resolve(v.app.request(input instanceof Request ? input : String(input), init));
  });
  afterAll(() => v.close());

  it('sdk-node: lists repositories by provider and by account id, and streams a body up', async () => {
    const accessKey = await v.clientKey({ role: 'api-caller', resource: 'connections/octo/users/*/proxy' });
    const client = createVaultClient({ baseUrl: VAULT, accessKey, fetch: inProcess });
    const byProvider = await client.user(USER).account('octo').fetch('/user/repos?per_page=2');
    expect(byProvider).toBeInstanceOf(Response);
    expect(byProvider.status).toBe(200);
    expect(byProvider.headers.get('tokenvault-attempts')).toBe('1');
    expect((await byProvider.json())[0].full_name).toBe('octo/hello-world');
    const byId = await client
      .user(USER)
      .account({ accountId: v.account.id })
      .fetch('/echo', {
        method: 'PUT',
        body: new Blob(['twelve bytes']).stream(),
        headers: { 'content-type': 'text/plain' },
      });
    expect(await byId.json()).toMatchObject({ method: 'PUT', bodyBytes: 12 });
    expect(v.provider.seen.at(-1)?.headers.authorization).toMatch(/^Bearer gho_token_/);
    // The provider's own statuses come back as they are, not as SDK errors.
    expect((await client.user(USER).account('octo').fetch('/nope')).status).toBe(404);
    await expect(client.user(USER).account('octo').fetch('user/repos')).rejects.toThrow(/starts with "\/"/);
    // {provider, providerAccountId} is looked up in the user's list, which needs connections:read too.
    const lookup = { provider: 'octo', providerAccountId: 'nobody' };
    await expect(client.user(USER).account(lookup).fetch('/user/repos')).rejects.toMatchObject({ code: 'forbidden' });
    const lister = createVaultClient({
      baseUrl: VAULT,
      accessKey: await v.clientKey({ role: 'api-caller' }, { role: 'connections-manager' }),
      fetch: inProcess,
    });
    await expect(lister.user(USER).account(lookup).fetch('/user/repos')).rejects.toMatchObject({ code: 'not_found' });
    const found = lister.user(USER).account({ provider: 'octo', providerAccountId: '4242' });
    expect((await found.fetch('/user/repos')).status).toBe(200);
  });

  it('sdk-browser: calls the API as the session user with the CSRF header', async () => {
    // A browser whose session came from a connect session of a client holding api-caller and connections-manager.
    const manager = await v.clientJwt({ role: 'connections-manager' }, { role: 'api-caller' });
    const created = await v.app.request(`${VAULT}/v1/connect-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: USER }),
    });
    const jar = new CookieJar((url, init) => Promise.resolve(v.app.request(url, init)));
    await jar.fetch(`${VAULT}/api/auth/connect-session`, {
      method: 'POST',
      headers: { 'x-requested-with': 'XMLHttpRequest', origin: APP_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ token: (await created.json()).token }),
    });
    const vault = createVault({ baseUrl: VAULT, fetch: (input, init) => jar.fetch(String(input), init) });
    const response = await vault.account('octo').fetch('/user/repos');
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(2);
    const [account] = await vault.listConnectedAccounts();
    const echoed = await account?.fetch('/echo', { method: 'POST', body: '{"a":1}' });
    expect(await echoed?.json()).toMatchObject({ method: 'POST', bodyBytes: 7 });
    expect(v.provider.seen.at(-1)?.headers.cookie).toBeUndefined();
  });
});
