import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type ProxyVault, startProxyVault, USER, VAULT } from './support/proxy-vault.js';

const FROM_APP = { 'x-requested-with': 'XMLHttpRequest', origin: APP_ORIGIN };

describe('the API proxy from the browser (/v1/me)', () => {
  let v: ProxyVault;
  beforeAll(async () => {
    v = await startProxyVault();
  });
  afterAll(() => v.close());

  /** A browser whose session came from a connect session made by a client holding `roles` on the user. */
  async function browser(...roles: string[]) {
    return limitedBrowser(undefined, ...roles);
  }

  async function limitedBrowser(scopes: string[] | undefined, ...roles: string[]) {
    const jwt = await v.clientJwt(...roles.map((role) => ({ role })));
    const created = await v.app.request(`${VAULT}/v1/connect-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}`, 'content-type': 'application/json' },
      body: JSON.stringify({ userId: USER, ...(scopes && { scopes }) }),
    });
    expect(created.status).toBe(201);
    const jar = new CookieJar((url, init) => Promise.resolve(v.app.request(url, init)));
    const redeemed = await jar.fetch(`${VAULT}/api/auth/connect-session`, {
      method: 'POST',
      headers: { ...FROM_APP, 'content-type': 'application/json' },
      body: JSON.stringify({ token: (await created.json()).token }),
    });
    expect(redeemed.status).toBe(200);
    return jar;
  }

  const repos = (jar: CookieJar, init: RequestInit = {}, path = `connected-accounts/${v.account.id}`) =>
    jar.fetch(`${VAULT}/v1/me/${path}/proxy/user/repos`, init);

  it('calls the API as the session user, readable by the app origin with the provider headers', async () => {
    const jar = await browser('connections-manager', 'api-caller');
    for (const path of [`connected-accounts/${v.account.id}`, 'providers/octo']) {
      const response = await repos(jar, { headers: FROM_APP }, path);
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
      expect(response.headers.get('access-control-allow-credentials')).toBe('true');
      const exposed = response.headers.get('access-control-expose-headers') ?? '';
      expect(exposed).toContain('link');
      expect(exposed).toContain('tokenvault-attempts');
      expect(await response.json()).toHaveLength(2);
    }
    // The session cookie went to the vault only.
    expect(v.provider.seen.at(-1)?.headers.cookie).toBeUndefined();
  });

  // The session cookie rides along with any request; without the header a cross-site form cannot send, nothing leaves.
  it('refuses a call without X-Requested-With (CSRF) and calls nobody', async () => {
    const jar = await browser('connections-manager', 'api-caller');
    const before = v.provider.seen.length;
    const response = await repos(jar, { method: 'POST', headers: { origin: APP_ORIGIN }, body: 'a=b' });
    expect(response.status).toBe(401);
    expect(v.provider.seen.length).toBe(before);
  });

  it('refuses a call without a session', async () => {
    const response = await repos(new CookieJar((url, init) => Promise.resolve(v.app.request(url, init))), {
      headers: FROM_APP,
    });
    expect(response.status).toBe(401);
  });

  it('answers the preflight of any method for app origins only', async () => {
    const preflight = (origin: string) =>
      v.app.request(`${VAULT}/v1/me/connected-accounts/${v.account.id}/proxy/repos/octo/x`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'PATCH',
          'access-control-request-headers': 'x-requested-with, content-type, x-github-api-version',
        },
      });
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(allowed.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('x-github-api-version');
    const other = await preflight('https://evil.example');
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  // A connect session carries no more than its creator holds: the browser may call the API only as far as it may.
  it('limits a session to what the client that made it holds', async () => {
    const manager = await browser('connections-manager');
    expect((await repos(manager, { headers: FROM_APP })).status).toBe(403);
    const reader = await browser('connections-manager', 'api-reader');
    expect((await repos(reader, { headers: FROM_APP })).status).toBe(200);
    const write = await reader.fetch(`${VAULT}/v1/me/connected-accounts/${v.account.id}/proxy/echo`, {
      method: 'POST',
      headers: FROM_APP,
      body: '{}',
    });
    expect(write.status).toBe(403);
    const tokenReader = await browser('connections-manager', 'credentials-reader');
    expect((await repos(tokenReader, { headers: FROM_APP })).status).toBe(200);
  });

  // A session limited to some scopes may not act with a token holding others (the account holds `repo`).
  it('refuses a scope-limited session an account whose token holds more than it may ask for', async () => {
    const within = await limitedBrowser(['repo'], 'connections-manager', 'api-caller');
    expect((await repos(within, { headers: FROM_APP })).status).toBe(200);
    const narrower = await limitedBrowser(['read:user'], 'connections-manager', 'api-caller');
    const refused = await repos(narrower, { headers: FROM_APP });
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/repo/);
  });
});
