import { describe, expect, it } from 'vitest';
import { authUrl, requestLogout, requestRefresh } from '../src/protocol.js';
import { parseScopes } from '../src/scopes.js';
import { toSession } from '../src/session.js';

const BASE = 'https://vault.example.com/api/auth/github';

/** A fetch that records what it was asked and answers `response`. */
function fakeFetch(response: () => Response) {
  const sent: Array<{ url: string; init: RequestInit | undefined }> = [];
  const http = (async (input: RequestInfo | URL, init?: RequestInit) => {
    sent.push({ url: String(input), init });
    return response();
  }) as typeof fetch;
  return { http, sent };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('parseScopes', () => {
  it("splits a string on whitespace, commas and '|' as Backstage does, once each", () => {
    expect(parseScopes('repo read:user, gist|repo  ')).toEqual(['repo', 'read:user', 'gist']);
    expect(parseScopes(['a', ' b ', '', 'a'])).toEqual(['a', 'b']);
    expect(parseScopes(undefined)).toEqual([]);
  });
});

describe('toSession', () => {
  it('refuses a body without a token, and an expired token', () => {
    // An expired or missing token is never handed to the app.
    expect(toSession({ providerInfo: { scope: 'a' } }, 0)).toBeUndefined();
    expect(toSession({ providerInfo: { accessToken: 't', expiresInSeconds: 0 } }, 0)).toBeUndefined();
    const session = toSession(
      { profile: { email: 'a@b', extra: 1 }, providerInfo: { accessToken: 't', scope: 'a b' } },
      0,
    );
    expect(session).toMatchObject({ accessToken: 't', profile: { email: 'a@b' } });
    expect(session?.expiresAt).toBeUndefined();
  });
});

describe('requestRefresh', () => {
  it("spells the URL as Backstage's client does and sends the CSRF header with credentials", async () => {
    const { http, sent } = fakeFetch(() => json(200, { profile: {}, providerInfo: { accessToken: 't', scope: 'a' } }));
    const url = authUrl(BASE, 'refresh', { optional: true, scope: 'read:user repo', env: 'development' });
    expect(url).toBe(`${BASE}/refresh?optional&scope=read%3Auser%20repo&env=development`);
    await expect(requestRefresh(http, url, () => 0)).resolves.toMatchObject({ status: 'ok' });
    expect(sent[0]?.init).toMatchObject({
      method: 'GET',
      credentials: 'include',
      headers: { 'X-Requested-With': 'XMLHttpRequest' },
    });
  });

  it('answers login_required for a 401, with the reason', async () => {
    const { http } = fakeFetch(() =>
      json(401, { error: 'missing_scopes', message: 'no gist', missingScopes: ['gist'] }),
    );
    await expect(requestRefresh(http, BASE, () => 0)).resolves.toEqual({
      status: 'login_required',
      error: 'missing_scopes',
      message: 'no gist',
    });
  });

  it('throws provider_unavailable with retryAfter for a 503', async () => {
    // An outage is not a reason to log in again.
    const { http } = fakeFetch(() => json(503, { error: 'provider_unavailable', message: 'down', retryAfter: 30 }));
    await expect(requestRefresh(http, BASE, () => 0)).rejects.toMatchObject({
      code: 'provider_unavailable',
      retryAfter: 30,
    });
  });

  it('throws refresh_failed for anything else: a 500, a 200 without a token, no network', async () => {
    for (const response of [() => json(500, { error: 'internal' }), () => json(200, { providerInfo: {} })]) {
      await expect(requestRefresh(fakeFetch(response).http, BASE, () => 0)).rejects.toMatchObject({
        code: 'refresh_failed',
      });
    }
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(requestRefresh(offline, BASE, () => 0)).rejects.toMatchObject({ code: 'refresh_failed' });
  });
});

describe('requestLogout', () => {
  it('POSTs with the CSRF header and credentials, and throws logout_failed unless 200', async () => {
    const { http, sent } = fakeFetch(() => new Response(null, { status: 200 }));
    await requestLogout(http, `${BASE}/logout?env=development`);
    expect(sent[0]?.init).toMatchObject({ method: 'POST', credentials: 'include' });
    const refused = fakeFetch(() => json(403, { error: 'forbidden' }));
    await expect(requestLogout(refused.http, BASE)).rejects.toMatchObject({ code: 'logout_failed' });
  });
});
