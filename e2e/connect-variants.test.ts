import { OPERATOR } from '@tokenvault/core';
import { loginWithoutBrowser } from '@tokenvault/demo';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
