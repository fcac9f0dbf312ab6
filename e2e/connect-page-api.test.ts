import { OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import {
  APP_ORIGIN,
  FROM_APP,
  type InProcessVault,
  startInProcessVault,
  VAULT_URL,
} from './support/in-process-vault.js';

/** Headers of the connect page's own script (it is served by the vault). */
const FROM_PAGE = { 'x-requested-with': 'XMLHttpRequest', origin: VAULT_URL, 'content-type': 'application/json' };

// The routes behind the hosted connect page, without a browser: what a connect session may name, who may redeem it
// at the page's route, what the page is served with, and that its session links only what it offers.
describe('connect page routes', () => {
  let vault: InProcessVault;
  let jwt: string;

  beforeAll(async () => {
    vault = await startInProcessVault({
      connectUi: { development: { name: 'Acme', logoUrl: 'https://cdn.acme.test/l.png' } },
    });
    const app = await vault.vault.clients.create(
      { env: 'development', name: 'app', grants: [{ role: 'connections-manager' }] },
      OPERATOR,
    );
    jwt = await vault.jwt(app.accessKey);
  });
  afterAll(() => vault.close());

  async function create(body: object) {
    const response = await vault.request(`${VAULT_URL}/v1/connect-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  const redeem = (jar = vault.newJar(), body: object, headers: Record<string, string> = FROM_PAGE) =>
    jar.fetch(`${VAULT_URL}/connect/api/session`, { method: 'POST', headers, body: JSON.stringify(body) });

  it('takes allowedProviders and a returnUrl on an app origin, and answers the page URL with the token in its fragment', async () => {
    const created = await create({ userId: 'u1', allowedProviders: ['demo'], returnUrl: `${APP_ORIGIN}/done?x=1` });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      connectUrl: `${VAULT_URL}/connect#session=${created.body.token}`,
      allowedProviders: ['demo'],
      returnUrl: `${APP_ORIGIN}/done?x=1`,
    });
    const [audit] = await vault.store.listAudit('development', { limit: 1, userId: 'u1' });
    expect(JSON.parse(String(audit?.detail))).toMatchObject({
      allowedProviders: ['demo'],
      returnUrl: `${APP_ORIGIN}/done?x=1`,
    });
    const before = dbSnapshot(vault.dir);
    for (const [body, status, error] of [
      [{ userId: 'u1', returnUrl: 'https://evil.test/x' }, 403, 'forbidden'],
      [{ userId: 'u1', returnUrl: 'not a url' }, 400, 'invalid_request'],
      [{ userId: 'u1', allowedProviders: ['nope'] }, 404, 'not_found'],
      [{ userId: 'u1', provider: 'demo', allowedProviders: ['plain'] }, 400, 'invalid_request'],
      [{ userId: 'u1', allowedProviders: [] }, 400, 'invalid_request'],
    ] as const) {
      const refused = await create(body);
      expect({ status: refused.status, error: refused.body.error }).toEqual({ status, error });
    }
    expect(dbSnapshot(vault.dir)).toEqual(before); // refused input changes nothing
  });

  it('serves the page with a strict policy and its assets for a year', async () => {
    const page = await vault.request(`${VAULT_URL}/connect`);
    expect(page.status).toBe(200);
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain(`frame-ancestors ${APP_ORIGIN}`);
    expect(csp).toContain("img-src 'self' data: https://cdn.acme.test");
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    expect(page.headers.get('cross-origin-opener-policy')).toBeNull(); // an app's popup keeps its opener
    const html = await page.text();
    expect(html).not.toMatch(/<script>|style=/); // no inline script or style
    const assets = [...html.matchAll(/\/ui\/assets\/([\w.-]+)/g)].map((m) => m[1]);
    expect(assets.some((name) => name?.endsWith('.js'))).toBe(true);
    expect(assets.some((name) => name?.endsWith('.css'))).toBe(true);
    for (const name of assets) {
      const asset = await vault.request(`${VAULT_URL}/ui/assets/${name}`);
      expect(asset.status).toBe(200);
      expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await vault.request(`${VAULT_URL}/ui/assets/nope.js`)).status).toBe(404);
  });

  it('is redeemed by the page only, for an opener on an app origin, into a session that lasts as long as the link', async () => {
    const { body } = await create({ userId: 'u2', expiresInSeconds: 120 });
    // Another site's script, a missing X-Requested-With, a foreign opener: refused, and the token is not used up.
    expect((await redeem(undefined, { token: body.token }, FROM_APP)).status).toBe(403);
    expect((await redeem(undefined, { token: body.token }, { ...FROM_PAGE, 'x-requested-with': '' })).status).toBe(401);
    expect((await redeem(undefined, { token: body.token, openerOrigin: 'https://evil.test' })).status).toBe(403);
    const jar = vault.newJar();
    const redeemed = await redeem(jar, { token: body.token, openerOrigin: APP_ORIGIN });
    expect(redeemed.status).toBe(200);
    expect(await redeemed.json()).toMatchObject({
      app: { name: 'Acme', logoUrl: 'https://cdn.acme.test/l.png' },
      openerOrigin: APP_ORIGIN,
      returnUrl: null,
      accounts: [],
    });
    const maxAge = Number(/Max-Age=(\d+)/i.exec(jar.received.at(-1) ?? '')?.[1]);
    expect(maxAge).toBeGreaterThan(0);
    expect(maxAge).toBeLessThanOrEqual(120);
    // Used: a second redemption is refused; the browser that has it reads its state again (a reload).
    expect((await redeem(undefined, { token: body.token })).status).toBe(401);
    const again = await jar.fetch(`${VAULT_URL}/connect/api/session`, { headers: FROM_PAGE });
    expect(again.status).toBe(200);
    expect((await vault.newJar().fetch(`${VAULT_URL}/connect/api/session`, { headers: FROM_PAGE })).status).toBe(401);
  });

  it("does not show the page to a browser session that did not come from the page's link", async () => {
    const jar = await vault.browserFor(jwt, { userId: 'u3' });
    expect((await jar.fetch(`${VAULT_URL}/connect/api/session`, { headers: FROM_PAGE })).status).toBe(401);
  });

  it('links only the providers the session offers', async () => {
    const { body } = await create({ userId: 'u4', allowedProviders: ['plain'] });
    const jar = vault.newJar();
    expect((await redeem(jar, { token: body.token })).status).toBe(200);
    const start = (provider: string) =>
      jar.fetch(
        `${VAULT_URL}/api/auth/${provider}/start?env=development&scope=&origin=${encodeURIComponent(VAULT_URL)}&flow=popup`,
      );
    const refused = await start('demo');
    expect(refused.status).toBe(403);
    expect((await refused.json()).message).toMatch(/does not offer demo/);
    expect((await start('plain')).status).toBe(302);
  });
});
