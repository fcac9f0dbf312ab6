import { describe, expect, it } from 'vitest';
import { createVaultClient, type VaultClientError } from '../src/index.js';
import { fakeFetch, json, newAccessKey } from './keys.js';

const BASE = 'https://vault.example.com/vault';
const ACCOUNT = {
  id: 'acc_1',
  provider: 'google',
  providerAccountId: '1234',
  displayName: 'Ann',
  scopes: ['openid', 'drive'],
  status: 'active',
  expiresAt: '2030-01-01T00:00:00.000Z',
  lastRefreshedAt: null,
  nextRefreshAt: null,
  lastError: null,
  createdAt: '2029-01-01T00:00:00.000Z',
  updatedAt: '2029-01-01T00:00:00.000Z',
};
const TOKEN = {
  accessToken: 'at_1',
  tokenType: 'Bearer',
  expiresAt: '2030-01-01T00:00:00.000Z',
  scopes: ['drive'],
  accountId: 'acc_1',
};

function client(answer: (n: number, url: string) => Response) {
  const { fetch, sent } = fakeFetch(answer);
  const vault = createVaultClient({ baseUrl: `${BASE}/`, accessKey: newAccessKey().accessKey, fetch, retryDelayMs: 0 });
  return { vault, sent };
}

const thrown = (promise: Promise<unknown>) =>
  promise.then(
    () => expect.fail('resolved'),
    (err: unknown) => err as VaultClientError,
  );

describe('token reads', () => {
  it('ask the provider route with only the options given, the user id percent-encoded', async () => {
    // "|", spaces and Unicode survive; undefined options are left out (the vault refuses unknown fields).
    const { vault, sent } = client(() => json(200, TOKEN));
    const result = await vault
      .user('auth0|u 42 ✓')
      .account('google')
      .getAccessToken({ scopes: ['drive'] });
    expect(result).toEqual({
      status: 'ok',
      data: { ...TOKEN, expiresAt: new Date('2030-01-01T00:00:00.000Z') },
    });
    expect(sent).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: `${BASE}/v1/users/auth0%7Cu%2042%20%E2%9C%93/providers/google/access-token`,
        body: { scopes: ['drive'] },
      }),
    ]);
  });

  it('turn every outcome a caller must handle into an error Result, never a throw', async () => {
    // 409 needs_reauth, 403 missing_scopes (with the list), 503 provider_unavailable (retryAfter from the body or
    // the header) and 404 (not_connected) are data; each keeps the vault's message and request id.
    const answers: Record<string, Response> = {
      needs_reauth: json(409, { error: 'needs_reauth', message: 'connect again', requestId: 'r1' }),
      missing_scopes: json(403, { error: 'missing_scopes', message: 'lacks', missingScopes: ['drive'] }),
      provider_unavailable: json(503, { error: 'provider_unavailable', message: 'down', retryAfter: 7 }),
      header_only: json(503, { error: 'provider_unavailable', message: 'down' }, { 'retry-after': '9' }),
      not_found: json(404, { error: 'not_found', message: 'no such account' }),
    };
    const read = async (key: string) => {
      const { vault, sent } = client(() => answers[key] as Response);
      const result = await vault.user('u').account({ accountId: 'acc_1' }).getAccessToken({ minValiditySeconds: 60 });
      expect(sent).toHaveLength(1); // a Result is never retried by the SDK
      return result;
    };
    expect(await read('needs_reauth')).toEqual({
      status: 'error',
      error: { code: 'needs_reauth', message: 'connect again', requestId: 'r1' },
    });
    expect(await read('missing_scopes')).toMatchObject({ error: { code: 'missing_scopes', missingScopes: ['drive'] } });
    expect(await read('provider_unavailable')).toMatchObject({
      error: { code: 'provider_unavailable', retryAfter: 7 },
    });
    expect(await read('header_only')).toMatchObject({ error: { code: 'provider_unavailable', retryAfter: 9 } });
    expect(await read('not_found')).toMatchObject({ error: { code: 'not_connected', message: 'no such account' } });
  });

  it('throw a typed error for what only a code or configuration change fixes', async () => {
    // Bad key, no grant, malformed request, the vault's client rejected by the provider, an answer not understood.
    const cases: Array<[Response, string]> = [
      [json(401, { error: 'unauthorized', message: 'revoked key', requestId: 'r2' }), 'unauthorized'],
      [json(403, { error: 'forbidden', message: 'no grant' }), 'forbidden'],
      [json(400, { error: 'invalid_request', message: 'minValiditySeconds' }), 'invalid_request'],
      [json(502, { error: 'provider_error', message: 'invalid_client' }), 'provider_error'],
      [json(200, { accessToken: 42 }), 'invalid_response'],
      [new Response('<html>not found</html>', { status: 404 }), 'invalid_response'],
      [json(409, { error: 'conflict', message: '?' }), 'invalid_response'],
      // Codes named like Object.prototype members are unknown codes too (regression: `constructor` became Object).
      [json(409, { error: 'constructor', message: '?' }), 'invalid_response'],
      [json(400, { error: 'toString', message: '?' }), 'invalid_response'],
      [json(403, { error: '__proto__', message: '?' }), 'invalid_response'],
    ];
    for (const [answer, code] of cases) {
      const { vault, sent } = client(() => answer.clone());
      const err = await thrown(vault.user('u').account('google').getAccessToken());
      expect(err).toMatchObject({ name: 'VaultClientError', code });
      if (answer.status !== 200) expect(err.status).toBe(answer.status);
      expect(sent).toHaveLength(1);
    }
    const { vault } = client(() => json(401, { error: 'unauthorized', message: 'revoked key', requestId: 'r2' }));
    expect(await thrown(vault.user('u').account('google').getAccessToken())).toMatchObject({ requestId: 'r2' });
  });

  it('never quote a token from an answer in an error message', async () => {
    // An answer that is almost a token (a field missing) is invalid_response, and the message names no value.
    const { vault } = client(() => json(200, { accessToken: 'secret-token-value', scopes: [] }));
    const err = await thrown(vault.user('u').account('google').getAccessToken());
    expect(err.code).toBe('invalid_response');
    expect(err.message).not.toContain('secret-token-value');
  });
});

describe('accounts by providerAccountId', () => {
  it('are found in the list, then read by id; an unknown one is not_connected without a token request', async () => {
    const { vault, sent } = client((_, url) =>
      url.endsWith('/connected-accounts') ? json(200, { items: [ACCOUNT], nextCursor: null }) : json(200, TOKEN),
    );
    const user = vault.user('u 1');
    const found = await user.account({ provider: 'google', providerAccountId: '1234' }).getAccessToken();
    expect(found.status).toBe('ok');
    expect(sent.map((request) => `${request.method} ${request.url.slice(BASE.length)}`)).toEqual([
      'GET /v1/users/u%201/connected-accounts',
      'POST /v1/users/u%201/connected-accounts/acc_1/access-token',
    ]);
    const missing = await user.account({ provider: 'google', providerAccountId: '9999' }).getAccessToken();
    expect(missing).toMatchObject({ status: 'error', error: { code: 'not_connected' } });
    expect(sent).toHaveLength(3);
  });

  it('are listed with times as Dates', async () => {
    const { vault } = client(() => json(200, { items: [ACCOUNT], nextCursor: null }));
    const [account] = await vault.user('u').listConnectedAccounts();
    expect(account).toMatchObject({ id: 'acc_1', expiresAt: new Date(ACCOUNT.expiresAt), lastRefreshedAt: null });
    expect(account?.createdAt).toBeInstanceOf(Date);
  });
});

describe('disconnect', () => {
  const older = { ...ACCOUNT, id: 'acc_old', createdAt: '2028-01-01T00:00:00.000Z' };
  const broken = { ...ACCOUNT, id: 'acc_new_broken', status: 'needs_reauth', createdAt: '2029-06-01T00:00:00.000Z' };

  it('by provider removes the account a token read would use: active first, then the most recently linked', async () => {
    const { vault, sent } = client((_, url) =>
      url.endsWith('/connected-accounts')
        ? json(200, { items: [older, broken, ACCOUNT], nextCursor: null })
        : json(200, { deleted: true, revokedAtProvider: false, revocationError: { error: 'x', message: 'y' } }),
    );
    const result = await vault.user('u').account('google').disconnect();
    expect(result).toEqual({
      status: 'ok',
      data: { accountId: 'acc_1', revokedAtProvider: false, revocationError: { code: 'x', message: 'y' } },
    });
    expect(sent.at(-1)).toMatchObject({ method: 'DELETE', url: `${BASE}/v1/users/u/connected-accounts/acc_1` });
  });

  it('answers not_connected for an account that is not (or no longer) there', async () => {
    // Nothing of the provider in the list: no DELETE at all. A DELETE that meets a 404: not_connected too.
    const empty = client(() => json(200, { items: [], nextCursor: null }));
    expect(await empty.vault.user('u').account('google').disconnect()).toMatchObject({
      error: { code: 'not_connected' },
    });
    expect(empty.sent.map((request) => request.method)).toEqual(['GET']);
    const gone = client(() => json(404, { error: 'not_found', message: 'gone' }));
    expect(await gone.vault.user('u').account({ accountId: 'acc_9' }).disconnect()).toMatchObject({
      error: { code: 'not_connected', message: 'gone' },
    });
  });
});

describe('connect sessions', () => {
  it('post the user and only the options given, and return expiresAt as a Date', async () => {
    const created = {
      token: 'cs_1',
      connectUrl: 'https://vault.example.com/connect#session=cs_1',
      expiresAt: '2030-01-01T00:10:00.000Z',
      provider: 'google',
      scopes: ['drive'],
      actions: ['connections:read', 'credentials:read'],
      allowedProviders: ['google'],
      returnUrl: 'https://app.example.com/settings',
    };
    const { vault, sent } = client(() => json(201, created));
    const session = await vault.user('u_42').createConnectSession({
      provider: 'google',
      scopes: ['drive'],
      allowedProviders: ['google'],
      returnUrl: 'https://app.example.com/settings',
    });
    expect(session).toEqual({ ...created, expiresAt: new Date(created.expiresAt) });
    expect(sent[0]).toMatchObject({
      method: 'POST',
      url: `${BASE}/v1/connect-sessions`,
      body: {
        userId: 'u_42',
        provider: 'google',
        scopes: ['drive'],
        allowedProviders: ['google'],
        returnUrl: 'https://app.example.com/settings',
      },
    });
  });

  it('throw not_found for an unknown provider', async () => {
    const { vault } = client(() => json(404, { error: 'not_found', message: 'unknown provider' }));
    expect(await thrown(vault.user('u').createConnectSession({ provider: 'nope' }))).toMatchObject({
      code: 'not_found',
    });
  });
});

describe('arguments', () => {
  it('an empty user id, provider or providerAccountId is a programming error, thrown before any request', () => {
    const { vault, sent } = client(() => json(200, {}));
    expect(() => vault.user('')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => vault.user('u').account('')).toThrow(expect.objectContaining({ code: 'invalid_argument' }));
    expect(() => vault.user('u').account({ provider: 'google', providerAccountId: '' })).toThrow(
      expect.objectContaining({ code: 'invalid_argument' }),
    );
    expect(sent).toHaveLength(0);
  });
});
