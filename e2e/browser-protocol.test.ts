import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aad, createCipher, type Store } from '@tokenvault/core';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CookieJar } from './support/cookie-jar.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

const XHR = { 'x-requested-with': 'XMLHttpRequest' };

// /refresh and /logout as Backstage's client calls them (docs/api.md, "Browser connect flow"): a silent token for the browser's own
// account, 401 whenever only a new login would help, never a stale token, and CORS for the app origins only.
describe('the browser protocol: /refresh, /logout, CORS', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ accessTokenTtlSeconds: 60 });
  });
  afterAll(() => vault.close());

  const refresh = (jar: CookieJar, query = 'scope=openid&env=development', init: RequestInit = {}) =>
    jar.fetch(`${VAULT_URL}/api/auth/demo/refresh?optional&${query}`, { headers: XHR, ...init });

  async function signedIn(login: string) {
    const jar = vault.newJar();
    const message = await vault.connect(jar, login);
    return { jar, message, popupToken: message.response.providerInfo.accessToken as string };
  }

  it('answers the signed-in browser with its token, ID token, profile and every scope it holds', async () => {
    // A reload loses the page's memory; /refresh gives the same session back without a popup.
    const { jar, message, popupToken } = await signedIn('rae');
    const response = await refresh(jar, 'scope=openid%20email&env=development');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body.providerInfo.accessToken).toBe(popupToken);
    expect(body.providerInfo.idToken).toMatch(/^ey/);
    expect(body.providerInfo.expiresInSeconds).toBeGreaterThan(0);
    expect(body.providerInfo.expiresInSeconds).toBeLessThanOrEqual(60);
    // Asked for two; holds more (the connect flow's defaults): all of them, the asked ones first as spelled.
    const scopes = body.providerInfo.scope.split(' ');
    expect(scopes.slice(0, 2)).toEqual(['openid', 'email']);
    expect(scopes).toEqual(expect.arrayContaining(['profile', 'offline_access']));
    expect(body.profile).toMatchObject({ displayName: 'rae', email: 'rae@demo.tokenvault.local' });
    // Beyond Backstage's shape, for the vault's SDKs: which connected account this is, as the popup said too.
    const [account] = await vault.store.listAccounts('development', 'demo:rae');
    expect(body.accountId).toBe(account?.id);
    expect(message.response.accountId).toBe(account?.id);
  });

  it('refreshes a token near its expiry before answering, and never hands out an expired one', async () => {
    // Within the last half of a 60 s lifetime the token is refreshed first.
    const { jar, popupToken } = await signedIn('ned');
    vault.clock.offsetMs = 45_000;
    try {
      const body = await (await refresh(jar)).json();
      expect(body.providerInfo.accessToken).not.toBe(popupToken);
      // The ID token the refresh stored (the account's row after the refresh, not the one read before it).
      const [row] = await vault.store.listAccounts('development', 'demo:ned');
      expect(row?.version).toBe(2);
      const cipher = await createCipher([new Uint8Array(32).fill(1)]);
      const stored = await cipher.decrypt(
        row?.idToken as string,
        aad('connected_accounts', row?.id as string, 'id_token'),
      );
      expect(body.providerInfo.idToken).toBe(stored);
      expect(body.providerInfo.expiresInSeconds).toBeGreaterThan(30);
      expect(body.providerInfo.expiresInSeconds).toBeLessThanOrEqual(60); // by the vault's clock, as the token was
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('answers 401 to a browser with no session', async () => {
    // Nothing to refresh: the client falls back to the popup (or '' for an optional call).
    const response = await refresh(new CookieJar((url, init) => vault.request(url, init)));
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('unauthorized');
  });

  it('answers 401, not a narrower token, for a scope the account was never granted', async () => {
    // The client then opens the popup for the new scope (and /start merges what is held).
    const { jar } = await signedIn('sid');
    const response = await refresh(jar, 'scope=openid%20calendar&env=development');
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'missing_scopes', missingScopes: ['calendar'] });
  });

  it('answers 401 once the account needs re-authorization', async () => {
    const { jar } = await signedIn('ivy');
    const [account] = await vault.store.listAccounts('development', 'demo:ivy');
    await vault.store.updateAccount(account?.id as string, account?.version as number, { status: 'needs_reauth' });
    const response = await refresh(jar);
    expect(response.status).toBe(401);
    expect((await response.json()).error).toBe('needs_reauth');
  });

  it('refuses /refresh and /logout without X-Requested-With (the CSRF defence), changing nothing', async () => {
    const { jar } = await signedIn('cyd');
    const bare = await jar.fetch(`${VAULT_URL}/api/auth/demo/refresh?env=development`);
    expect(bare.status).toBe(401);
    expect((await bare.json()).message).toMatch(/X-Requested-With/);
    const logout = await jar.fetch(`${VAULT_URL}/api/auth/demo/logout?env=development`, { method: 'POST' });
    expect(logout.status).toBe(401);
    expect((await refresh(jar)).status).toBe(200); // still signed in
  });

  it('accepts POST /refresh too, and answers 400 without env and 404 for an unknown provider', async () => {
    const { jar } = await signedIn('pam');
    expect((await refresh(jar, 'env=development', { method: 'POST' })).status).toBe(200);
    expect((await refresh(jar, 'scope=openid')).status).toBe(400);
    const unknown = await jar.fetch(`${VAULT_URL}/api/auth/nope/refresh?env=development`, { headers: XHR });
    expect(unknown.status).toBe(404);
  });

  it('logs the browser out: the handle and session are gone, the account stays for backends', async () => {
    // Logout ends this browser's session only; the vault keeps the credential (disconnect is a separate act).
    const { jar } = await signedIn('lou');
    const logout = await jar.fetch(`${VAULT_URL}/api/auth/demo/logout?env=development`, {
      method: 'POST',
      headers: { ...XHR, origin: APP_ORIGIN },
    });
    expect(logout.status).toBe(200);
    const cleared = jar.received.slice(-2).join('\n');
    expect(cleared).toMatch(/demo-refresh-token=;.*Max-Age=0.*Path=\/api\/auth\/demo/);
    expect(cleared).toMatch(/tokenvault_session=;.*Max-Age=0.*Path=\//);
    expect(jar.get('demo-refresh-token')).toBeUndefined();
    expect((await refresh(jar)).status).toBe(401);
    expect(await vault.store.listAccounts('development', 'demo:lou')).toHaveLength(1);
  });

  it('refuses a logout from a foreign Origin', async () => {
    const { jar } = await signedIn('eve');
    const logout = await jar.fetch(`${VAULT_URL}/api/auth/demo/logout?env=development`, {
      method: 'POST',
      headers: { ...XHR, origin: 'https://evil.example' },
    });
    expect(logout.status).toBe(403);
    expect((await refresh(jar)).status).toBe(200);
  });

  it('answers CORS for the app origin with credentials, and for no other origin', async () => {
    // The app calls /refresh cross-origin with credentials: include; a preflight asks for x-requested-with.
    const preflight = (origin: string) =>
      vault.request(`${VAULT_URL}/api/auth/demo/refresh?env=development`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'x-requested-with',
        },
      });
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(allowed.headers.get('access-control-allow-credentials')).toBe('true');
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('x-requested-with');
    const foreign = await preflight('https://evil.example');
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();

    const { jar } = await signedIn('cor');
    const actual = await refresh(jar, 'env=development', { headers: { ...XHR, origin: APP_ORIGIN } });
    expect(actual.headers.get('access-control-allow-origin')).toBe(APP_ORIGIN);
    expect(actual.headers.get('vary')?.toLowerCase()).toContain('origin');
  });

  it('records every /refresh read in the audit log under the browser user', async () => {
    // Browser reads are credential reads too (docs/security.md, "Audit log"): principal user:<id>.
    const { jar } = await signedIn('aud');
    await refresh(jar);
    const rows = await vault.store.listAudit('development', { limit: 10, principal: 'user:demo:aud' });
    expect(rows.map((r) => [r.action, r.result])).toContainEqual(['credentials.read', 'ok']);
  });
});

describe('/refresh reads the database once per thing it needs', () => {
  const reads: string[] = [];
  let vault: InProcessVault;
  beforeAll(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'tokenvault-reads-'));
    // The real SQLite store, its reads named as they happen.
    const counted = (store: Store): Store =>
      new Proxy(store, {
        get(target, name: keyof Store) {
          const method = target[name];
          if (typeof name === 'string' && /^(get|find|list)/.test(name) && typeof method === 'function') {
            return (...args: unknown[]) => {
              reads.push(name);
              return (method as (...a: unknown[]) => unknown)(...args);
            };
          }
          return method;
        },
      });
    vault = await startInProcessVault({
      dir,
      openStore: () => counted(createSqliteStore({ filename: join(dir, 'vault.db') })),
    });
  });
  afterAll(() => vault.close());

  it('looks up the handle, the session and the account once each, and stores one audit row', async () => {
    const jar = vault.newJar();
    await vault.connect(jar, 'few');
    reads.length = 0;
    const response = await jar.fetch(`${VAULT_URL}/api/auth/demo/refresh?env=development`, { headers: XHR });
    expect(response.status).toBe(200);
    // The popup's sign-in left a handle cookie and a session cookie: one read each, then the account once.
    expect(reads.filter((name) => name === 'getSession')).toEqual(['getSession', 'getSession']);
    expect(reads.filter((name) => name !== 'getSession')).toEqual(['getAccount']);
    const rows = await vault.store.listAudit('development', { limit: 10, principal: 'user:demo:few' });
    expect(rows.filter((row) => row.action === 'credentials.read').map((row) => row.result)).toEqual(['ok']);
  });
});
