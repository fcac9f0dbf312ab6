import { OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// /v1/me acts on the browser session's user only (docs/api.md, "/v1/me"); a user may hold several accounts of one
// provider, each with its own token, and linking one again keeps its id.
describe('/v1/me and several accounts per provider', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault();
  });
  afterAll(() => vault.close());

  /**
   * A browser bound to `userId` through a connect session, as an app with its own login does it. The app's backend
   * may read its users' tokens, so its browsers may too.
   */
  async function browserOf(userId: string): Promise<CookieJar> {
    const grants = [{ role: 'connections-manager' }, { role: 'credentials-reader' }];
    const app = await vault.vault.clients.create({ env: 'development', name: 'app', grants }, OPERATOR);
    return vault.browserFor(await vault.jwt(app.accessKey), { userId });
  }
  const me = (jar: CookieJar, method: string, path: string, body?: object) => vault.me(jar, method, path, body);

  it('keeps two accounts of one provider for one user, each with its own token; relinking keeps the id', async () => {
    // u_7 links their work and home accounts at the same provider.
    const jar = await browserOf('u_7');
    await vault.connect(jar, 'work');
    await vault.connect(jar, 'home');
    const listed = await me(jar, 'GET', '/connected-accounts');
    expect(listed.body.items.map((a: { providerAccountId: string }) => a.providerAccountId)).toEqual(['work', 'home']);
    const [work, home] = listed.body.items as { id: string }[];
    const tokenOf = async (id: string) => (await me(jar, 'POST', `/connected-accounts/${id}/access-token`, {})).body;
    const [workToken, homeToken] = [await tokenOf(work?.id as string), await tokenOf(home?.id as string)];
    expect(workToken.accessToken).not.toBe(homeToken.accessToken);
    const whoIs = async (token: string) =>
      (await (await fetch(`${vault.demo.issuer}/me`, { headers: { authorization: `Bearer ${token}` } })).json()).sub;
    expect([await whoIs(workToken.accessToken), await whoIs(homeToken.accessToken)]).toEqual(['work', 'home']);

    await vault.connect(jar, 'work'); // again: the same row, a new credential
    const again = await me(jar, 'GET', '/connected-accounts');
    expect(again.body.items.map((a: { id: string }) => a.id)).toEqual([work?.id, home?.id]);
    expect((await tokenOf(work?.id as string)).accessToken).not.toBe(workToken.accessToken);
  });

  it("answers 404 for another user's account on every route, and lists only the session's own", async () => {
    // A session of u_a can neither list nor read nor delete u_b's accounts; 404, so existence does not leak.
    const a = await browserOf('u_a');
    const b = await browserOf('u_b');
    await vault.connect(b, 'bea');
    const [theirs] = await vault.vault.listAccounts('development', 'u_b', OPERATOR);
    expect((await me(a, 'GET', '/connected-accounts')).body.items).toEqual([]);
    for (const [method, path] of [
      ['GET', `/connected-accounts/${theirs?.id}`],
      ['POST', `/connected-accounts/${theirs?.id}/access-token`],
      ['DELETE', `/connected-accounts/${theirs?.id}`],
    ] as const) {
      const answer = await me(a, method, path, method === 'POST' ? {} : undefined);
      expect({ method, status: answer.status, accessToken: answer.body.accessToken }).toEqual({
        method,
        status: 404,
        accessToken: undefined,
      });
    }
    expect(await vault.vault.listAccounts('development', 'u_b', OPERATOR)).toHaveLength(1);
  });

  it('picks an account by provider, and names the scopes an account lacks', async () => {
    const jar = await browserOf('u_pick');
    await vault.connect(jar, 'pia');
    const picked = await me(jar, 'POST', '/providers/demo/access-token', {});
    expect(picked.status).toBe(200);
    const lacking = await me(jar, 'POST', '/providers/demo/access-token', { scopes: ['openid', 'drive'] });
    expect(lacking).toMatchObject({ status: 403, body: { error: 'missing_scopes', missingScopes: ['drive'] } });
    const none = await me(jar, 'POST', '/providers/plain/access-token', {});
    expect(none).toMatchObject({ status: 404, body: { error: 'not_found' } });
  });

  it('answers needs_reauth, never a 5xx, once the user revoked the grant at the provider', async () => {
    const jar = await browserOf('u_rev');
    await vault.connect(jar, 'rex');
    const [account] = (await me(jar, 'GET', '/connected-accounts')).body.items as { id: string }[];
    await vault.demo.revokeAll('rex');
    const read = await me(jar, 'POST', `/connected-accounts/${account?.id}/access-token`, { minValiditySeconds: 3600 });
    expect(read).toMatchObject({ status: 409, body: { error: 'needs_reauth' } });
  });

  it('disconnects an account of its own user, revoking it at the provider', async () => {
    const jar = await browserOf('u_del');
    await vault.connect(jar, 'dee');
    const [account] = (await me(jar, 'GET', '/connected-accounts')).body.items as { id: string }[];
    const removed = await me(jar, 'DELETE', `/connected-accounts/${account?.id}`);
    expect(removed).toMatchObject({ status: 200, body: { deleted: true, revokedAtProvider: true } });
    expect((await me(jar, 'GET', '/connected-accounts')).body.items).toEqual([]);
  });

  it('refuses a request without a session or without X-Requested-With', async () => {
    const jar = await browserOf('u_hdr');
    const bare = await jar.fetch(`${VAULT_URL}/v1/me/connected-accounts`);
    expect(bare.status).toBe(401);
    expect((await me(vault.newJar(), 'GET', '/connected-accounts')).status).toBe(401);
    const preflight = await vault.request(`${VAULT_URL}/v1/me/connected-accounts`, {
      method: 'OPTIONS',
      headers: { origin: APP_ORIGIN, 'access-control-request-method': 'DELETE' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(preflight.headers.get('access-control-allow-methods')).toContain('DELETE');
  });
});
