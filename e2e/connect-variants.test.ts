import { OPERATOR } from '@tokenvault/core';
import { loginWithoutBrowser } from '@tokenvault/demo';
import { createApp } from '@tokenvault/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';
import { readPopupPage } from './support/popup-page.js';

const AFTER = `${APP_ORIGIN}/after-connect`;
const redirectQuery = `scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=redirect&redirectUrl=${encodeURIComponent(AFTER)}&env=development`;

// The connect flow's other shapes: a form-posted callback, the redirect flow, and the service's probes.
describe('connect variants and probes', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ devHome: { env: 'development', bearerCommand: 'TOKEN' } });
  });
  afterAll(() => vault.close());

  it('completes a callback whose parameters arrive as a form post (response_mode=form_post)', async () => {
    const jar = vault.newJar();
    const callback = new URL(await loginWithoutBrowser(await vault.start(jar), { login: 'poster' }));
    const response = await jar.fetch(`${VAULT_URL}${callback.pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: callback.searchParams.toString(),
    });
    expect(response.status).toBe(200);
    const { message } = readPopupPage(await response.text());
    expect(message.response.providerInfo.accessToken).toEqual(expect.any(String));
    expect(await vault.vault.listAccounts('development', 'demo:poster', OPERATOR)).toHaveLength(1);
  });

  it('redirects back to redirectUrl after a redirect flow, signed in', async () => {
    const jar = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(jar, redirectQuery), { login: 'walker' });
    const response = await jar.fetch(callback);
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(AFTER);
    expect(jar.get('tokenvault_session')).toBeTruthy();
    expect(await vault.vault.listAccounts('development', 'demo:walker', OPERATOR)).toHaveLength(1);
  });

  it('redirects with ?error= when a redirect flow fails, and links nothing', async () => {
    const jar = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(jar, redirectQuery), {
      login: 'nope',
      consent: false,
    });
    const response = await jar.fetch(callback);
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') as string);
    expect(`${location.origin}${location.pathname}`).toBe(AFTER);
    expect(location.searchParams.get('error')).toMatch(/access_denied/);
    expect(await vault.vault.listAccounts('development', 'demo:nope', OPERATOR)).toEqual([]);
  });

  // A redirectUrl is kept as the URL parser writes it: a control character, which a Location header cannot carry,
  // is dropped or escaped at /start, so the callback redirects instead of failing after the account is linked.
  it.each([
    ['a newline', `${AFTER}%0A?from=vault`, `${AFTER}?from=vault`],
    ['a tab', `${AFTER}%09?from=vault`, `${AFTER}?from=vault`],
    ['a carriage return and a leading space', `%20${AFTER}%0D`, AFTER],
    ['another control character', `${AFTER}%01x`, `${AFTER}%01x`],
  ])('a redirectUrl with %s is stored normalized and redirected to', async (name, raw, normalized) => {
    const jar = vault.newJar();
    const login = `ctl-${name.replaceAll(' ', '-')}`;
    const query = redirectQuery.replace(`redirectUrl=${encodeURIComponent(AFTER)}`, `redirectUrl=${raw}`);
    const authorize = new URL(await vault.start(jar, query));
    const state = Buffer.from(authorize.searchParams.get('state') as string, 'hex').toString();
    expect(new URLSearchParams(state).get('redirectUrl')).toBe(normalized);
    const response = await jar.fetch(await loginWithoutBrowser(authorize.href, { login }));
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(normalized);
    expect(await vault.vault.listAccounts('development', `demo:${login}`, OPERATOR)).toHaveLength(1);
  });

  it('refuses a redirectUrl that is not a URL, with a 400 and no flow', async () => {
    const query = redirectQuery.replace(
      `redirectUrl=${encodeURIComponent(AFTER)}`,
      'redirectUrl=http%3A%2F%2Fapp.test%3A99999%2F',
    );
    const response = await vault.request(`${VAULT_URL}/api/auth/demo/start?${query}`);
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe('invalid_request');
  });

  it('links nothing when the redirect flow’s redirectUrl left appOrigins before the callback', async () => {
    const other = 'http://other.test';
    const before = createApp({ vault: vault.vault, appOrigins: [APP_ORIGIN, other] });
    const jar = new CookieJar(async (url, init) => before.request(url, init));
    const query = redirectQuery.replace(encodeURIComponent(AFTER), encodeURIComponent(`${other}/back`));
    const started = await jar.fetch(`${VAULT_URL}/api/auth/demo/start?${query}`);
    expect(started.status).toBe(302);
    const callback = await loginWithoutBrowser(started.headers.get('location') as string, { login: 'moved-away' });
    const after = createApp({ vault: vault.vault, appOrigins: [APP_ORIGIN] });
    const response = await after.request(callback, { headers: { cookie: jar.header(callback) } });
    expect(response.headers.get('location')).toBeNull();
    expect(readPopupPage(await response.text()).message.error.name).toBe('forbidden');
    expect(await vault.vault.listAccounts('development', 'demo:moved-away', OPERATOR)).toEqual([]);
  });

  it('sends the home page to the public URL’s host, where the session cookie lives', async () => {
    const response = await vault.request('http://localhost/');
    expect(response.status).toBe(302);
    expect(response.headers.get('location')).toBe(`${VAULT_URL}/`);
    expect((await vault.request(`${VAULT_URL}/`)).status).toBe(200);
  });

  it('answers the health probe always and the readiness probe only while the database answers', async () => {
    expect(await (await vault.request(`${VAULT_URL}/healthz`)).json()).toEqual({ status: 'ok' });
    expect((await vault.request(`${VAULT_URL}/readyz`)).status).toBe(200);
    await vault.store.close();
    const down = await vault.request(`${VAULT_URL}/readyz`);
    expect(down.status).toBe(503);
    expect((await down.json()).status).toBe('unavailable');
    expect((await vault.request(`${VAULT_URL}/healthz`)).status).toBe(200);
  });
});
