import { OPERATOR } from '@tokenvault/core';
import { loginWithoutBrowser } from '@tokenvault/demo';
import { createApp } from '@tokenvault/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './support/cookie-jar.js';
import { dbSnapshot } from './support/db-snapshot.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';
import { readPopupPage } from './support/popup-page.js';

const START = `${VAULT_URL}/api/auth/demo/start`;
const FRAME = `${VAULT_URL}/api/auth/demo/handler/frame`;
const popupQuery = `origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`;
const hex = (text: string) => Buffer.from(text).toString('hex');

// Every malformed, forged, replayed or refused connect request gets a clear 4xx (or the popup's error page)
// and leaves the database exactly as it was.
describe('connect flow: bad input changes nothing', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault();
  });
  afterAll(() => vault.close());

  async function unchanged<T>(work: () => Promise<T>): Promise<T> {
    const before = dbSnapshot(vault.dir);
    const result = await work();
    expect(dbSnapshot(vault.dir)).toEqual(before);
    return result;
  }

  async function expectJsonError(response: Response, status: number, code: string) {
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toContain('application/json');
    const body = await response.json();
    expect(body.error).toBe(code);
    expect(body.message).toEqual(expect.any(String));
  }

  /** The popup page carrying an error for the app, and no token. */
  async function expectErrorPage(response: Response, code: string) {
    expect(response.status).toBe(200);
    const { targetOrigin, message } = readPopupPage(await response.text());
    expect(targetOrigin).toBe(APP_ORIGIN);
    expect(message).toEqual({ type: 'authorization_response', error: { name: code, message: expect.any(String) } });
  }

  it.each([
    ['an unknown provider', `${VAULT_URL}/api/auth/nope/start?${popupQuery}`, 404, 'not_found'],
    ['an unknown environment', `${START}?origin=${encodeURIComponent(APP_ORIGIN)}&env=staging`, 404, 'not_found'],
    ['no environment', `${START}?origin=${encodeURIComponent(APP_ORIGIN)}`, 400, 'invalid_request'],
    ['no origin', `${START}?env=development`, 400, 'invalid_request'],
    [
      'an origin that is not an app origin',
      `${START}?origin=https%3A%2F%2Fevil.test&env=development`,
      403,
      'forbidden',
    ],
    ['an unparseable origin', `${START}?origin=%3A%2F%2F&env=development`, 400, 'invalid_request'],
    [
      'a foreign redirectUrl',
      `${START}?${popupQuery.replace('popup', 'redirect')}&redirectUrl=https%3A%2F%2Fevil.test%2F`,
      403,
      'forbidden',
    ],
    ['an unknown flow', `${START}?${popupQuery.replace('popup', 'iframe')}`, 400, 'invalid_request'],
  ])('/start with %s is refused without a redirect or a cookie', async (_, url, status, code) => {
    const response = await unchanged(() => vault.request(url));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
    await expectJsonError(response, status, code);
  });

  it.each([
    ['no state', `${FRAME}?code=abc`, 'invalid_state'],
    ['a state that is not hex', `${FRAME}?code=abc&state=zz`, 'invalid_state'],
    ['a state without a nonce', `${FRAME}?code=abc&state=${hex('env=development')}`, 'invalid_state'],
    [
      'a state whose origin is not an app origin',
      `${FRAME}?code=abc&state=${hex('nonce=n&env=development&origin=https://evil.test')}`,
      'forbidden', // refused before the flow is even looked up
    ],
  ])('a callback with %s gets a plain 4xx and no script', async (_, url, code) => {
    const response = await unchanged(() => vault.request(url, { headers: { cookie: 'demo-nonce=n' } }));
    await expectJsonError(response, 403, code);
  });

  // Regression: the refusal was logged as `code`, a secret's name, so every error code read `[redacted]`.
  it('a refused callback is logged with its error code, and without the authorization code it carried', async () => {
    const response = await vault.request(`${FRAME}?code=auth-code-in-query&state=zz`);
    const body = await response.json();
    const logged = vault.logs.map((line) => JSON.parse(line)).find((entry) => entry.requestId === body.requestId);
    expect(logged).toMatchObject({ level: 40, provider: 'demo', errorCode: 'invalid_state' });
    expect(vault.logs.join('\n')).not.toContain('auth-code-in-query');
  });

  it('a forged state with a matching nonce cookie names no flow', async () => {
    const state = hex(`nonce=forged&env=development&origin=${APP_ORIGIN}&flow=popup`);
    const response = await unchanged(() =>
      vault.request(`${FRAME}?code=abc&state=${state}`, { headers: { cookie: 'demo-nonce=forged' } }),
    );
    await expectErrorPage(response, 'invalid_state');
  });

  it('a callback without the nonce cookie, or with another browser’s, is refused and the flow survives', async () => {
    const victim = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(victim), { login: 'nina' });
    const attacker = vault.newJar();
    await vault.start(attacker); // the attacker has a nonce cookie of their own
    await expectErrorPage(await unchanged(() => attacker.fetch(callback)), 'invalid_state');
    await expectErrorPage(await unchanged(() => vault.request(callback)), 'invalid_state');
    // The rightful browser can still complete its flow.
    const done = readPopupPage(await (await victim.fetch(callback)).text()).message;
    expect(done.response.providerInfo.accessToken).toEqual(expect.any(String));
  });

  it('a callback for an app origin removed from appOrigins meanwhile links nothing and posts no token', async () => {
    const jar = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(jar), { login: 'olga-removed' });
    // The same vault, restarted with a configuration that no longer lists the app.
    const reconfigured = createApp({ vault: vault.vault, appOrigins: ['http://other.test'] });
    const response = await unchanged(async () =>
      reconfigured.request(callback, { headers: { cookie: jar.header(callback) } }),
    );
    await expectJsonError(response, 403, 'forbidden');
    expect(await vault.vault.listAccounts('development', 'demo:olga-removed', OPERATOR)).toEqual([]);
  });

  it('a state is single-use: replaying a completed callback is refused', async () => {
    const jar = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(jar), { login: 'rita' });
    expect((await jar.fetch(callback)).status).toBe(200);
    const replayJar = new CookieJar(vault.request);
    const nonce = new URLSearchParams(
      Buffer.from(new URL(callback).searchParams.get('state') as string, 'hex').toString(),
    ).get('nonce');
    const response = await unchanged(() => replayJar.fetch(callback, { headers: { cookie: `demo-nonce=${nonce}` } }));
    await expectErrorPage(response, 'invalid_state');
  });

  it('an expired flow is refused', async () => {
    const jar = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(jar), { login: 'late' });
    vault.clock.offsetMs = 11 * 60 * 1000;
    try {
      const before = dbSnapshot(vault.dir);
      await expectErrorPage(await jar.fetch(callback), 'invalid_state');
      const after = dbSnapshot(vault.dir);
      expect(after.connected_accounts).toEqual(before.connected_accounts); // only the dead flow is gone
      expect(after.auth_flows?.length).toBe((before.auth_flows?.length ?? 0) - 1);
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('a provider error on the callback (consent refused) reaches the app and links nothing', async () => {
    const jar = vault.newJar();
    const callback = await loginWithoutBrowser(await vault.start(jar), { login: 'shy', consent: false });
    expect(new URL(callback).searchParams.get('error')).toBe('access_denied');
    const before = dbSnapshot(vault.dir).connected_accounts;
    await expectErrorPage(await jar.fetch(callback), 'access_denied');
    expect(dbSnapshot(vault.dir).connected_accounts).toEqual(before);
  });

  it('a callback whose iss is not the provider’s is refused (RFC 9207 mix-up defence)', async () => {
    const jar = vault.newJar();
    const callback = new URL(await loginWithoutBrowser(await vault.start(jar), { login: 'mixup' }));
    expect(callback.searchParams.get('iss')).toBe(vault.demo.issuer);
    callback.searchParams.set('iss', 'https://attacker.example');
    const before = dbSnapshot(vault.dir).connected_accounts;
    await expectErrorPage(await jar.fetch(callback.href), 'invalid_state');
    expect(dbSnapshot(vault.dir).connected_accounts).toEqual(before);
  });

  it('a forged authorization code is rejected by the provider and links nothing', async () => {
    const jar = vault.newJar();
    const callback = new URL(await loginWithoutBrowser(await vault.start(jar), { login: 'forger' }));
    callback.searchParams.set('code', 'not-a-real-code');
    const before = dbSnapshot(vault.dir).connected_accounts;
    await expectErrorPage(await jar.fetch(callback.href), 'access_denied');
    expect(dbSnapshot(vault.dir).connected_accounts).toEqual(before);
  });

  it('abandoned flows, expired sessions and audit rows past retention are swept by the background loop', async () => {
    // Runs near the end: it moves the vault's clock a year and a day on, past the default 365-day audit retention.
    await vault.connect(vault.newJar(), 'sweeper'); // a session and a per-provider handle
    await vault.start(vault.newJar()); // a flow nobody completes
    const before = dbSnapshot(vault.dir);
    expect(before.auth_flows?.length).toBeGreaterThan(0);
    expect(before.sessions?.length).toBeGreaterThan(0);
    const audit = () => vault.store.listAudit('development', { limit: 1_000 });
    expect((await audit()).length).toBeGreaterThan(0); // the links above were audited
    vault.clock.offsetMs += 366 * 24 * 60 * 60_000; // past the flows' 10 minutes, the sessions' 30 days, the audit's year
    const background = vault.vault.startBackground({ refreshAhead: false, intervalMs: 20 });
    try {
      const deadline = Date.now() + 10_000;
      let after = dbSnapshot(vault.dir);
      while ((after.auth_flows?.length || after.sessions?.length || (await audit()).length) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = dbSnapshot(vault.dir);
      }
      expect(after.auth_flows).toEqual([]);
      expect(after.sessions).toEqual([]);
      expect(await audit()).toEqual([]);
      expect(after.connected_accounts).toEqual(before.connected_accounts); // accounts are never swept
    } finally {
      await background.stop();
      vault.clock.offsetMs = 0;
    }
  });

  it('no response and no log line carried a refresh token, and nothing answered 5xx', () => {
    const issued = vault.demo.issuedRefreshTokens();
    expect(issued.length).toBeGreaterThan(0);
    const seen = [...vault.bodies, ...vault.logs].join('\n');
    for (const token of issued) expect(seen).not.toContain(token);
    expect(vault.logs.some((line) => /"status":5\d\d/.test(line))).toBe(false);
  });
});
