import { describe, expect, it } from 'vitest';
import { createMeApi } from '../src/me-protocol.js';
import { BASE, fakeMe, json, wireAccount } from './fake-me.js';

/** A fetch answering every request with `response`. */
const answering = (response: () => Response) => (async () => response()) as typeof fetch;

describe('createMeApi', () => {
  it('sends every request with credentials and the CSRF header, and a JSON body to the token routes', async () => {
    // The vault refuses /v1/me without X-Requested-With, and the session cookie rides only with credentials.
    const me = fakeMe([wireAccount({ id: 'ca_1' })]);
    const api = createMeApi(me.http, BASE);
    await api.list();
    await api.get('ca_1');
    await api.token({ id: 'ca_1' }, { scopes: ['email'], minValiditySeconds: 600 });
    await api.token({ provider: 'git hub' });
    await api.disconnect('ca_1');
    expect(me.sent.map(({ method, url }) => `${method} ${url}`)).toEqual([
      `GET ${BASE}/v1/me/connected-accounts`,
      `GET ${BASE}/v1/me/connected-accounts/ca_1`,
      `POST ${BASE}/v1/me/connected-accounts/ca_1/access-token`,
      `POST ${BASE}/v1/me/providers/git%20hub/access-token`,
      `DELETE ${BASE}/v1/me/connected-accounts/ca_1`,
    ]);
    for (const { init } of me.sent) {
      expect(init).toMatchObject({ credentials: 'include', headers: { 'X-Requested-With': 'XMLHttpRequest' } });
    }
    expect(me.sent[2]?.body).toEqual({ scopes: ['email'], minValiditySeconds: 600 });
    expect(me.sent[3]?.body).toEqual({});
  });

  it('turns the wire account into the SDK type: times as Dates, unknown fields dropped', async () => {
    const api = createMeApi(
      answering(() => json(200, { ...wireAccount({ id: 'ca_1' }), secret: 'x' })),
      BASE,
    );
    const account = await api.get('ca_1');
    expect(account).toMatchObject({ id: 'ca_1', status: 'active', scopes: ['openid'], lastRefreshedAt: null });
    expect(account?.expiresAt).toEqual(new Date('2030-06-01T00:00:00.000Z'));
    expect(account).not.toHaveProperty('secret');
  });

  it('follows nextCursor to the last page, and refuses a cursor it was given before', async () => {
    // Lists are {items, nextCursor} everywhere; a vault repeating a cursor must not make the page loop.
    const pages: Record<string, unknown> = {
      '': { items: [wireAccount({ id: 'a' })], nextCursor: 'c1' },
      c1: { items: [wireAccount({ id: 'b' })], nextCursor: null },
    };
    const http = (async (input: RequestInfo | URL) =>
      json(200, pages[new URL(String(input)).searchParams.get('cursor') ?? ''])) as typeof fetch;
    expect((await createMeApi(http, BASE).list()).map((a) => a.id)).toEqual(['a', 'b']);
    pages.c1 = { items: [], nextCursor: 'c1' };
    await expect(createMeApi(http, BASE).list()).rejects.toMatchObject({ code: 'request_failed' });
  });

  it('answers the token routes’ documented refusals as results, with missingScopes and retryAfter', async () => {
    // An app handles these with a switch, not a try/catch (docs/sdk.md).
    const cases: Array<[Response, object]> = [
      [
        json(409, { error: 'needs_reauth', message: 'connect again' }),
        { code: 'needs_reauth', message: 'connect again' },
      ],
      [
        json(403, { error: 'missing_scopes', message: 'lacks', missingScopes: ['repo'] }),
        { code: 'missing_scopes', missingScopes: ['repo'] },
      ],
      [json(503, { error: 'provider_unavailable', message: 'down', retryAfter: 30 }), { retryAfter: 30 }],
      [json(503, { error: 'provider_unavailable', message: 'down' }, { 'retry-after': '12' }), { retryAfter: 12 }],
      [json(404, { error: 'not_found', message: 'none' }), { code: 'not_connected' }],
      [json(401, { error: 'unauthorized', message: 'no session' }), { code: 'not_connected' }],
    ];
    for (const [response, error] of cases) {
      const result = await createMeApi(
        answering(() => response),
        BASE,
      ).token({ provider: 'demo' });
      expect(result).toMatchObject({ status: 'error', error });
    }
  });

  it('answers a token with its expiry as a Date, or null when it does not expire', async () => {
    const body = { accessToken: 't', tokenType: 'Bearer', expiresAt: null, scopes: ['a'], accountId: 'ca_1' };
    const api = createMeApi(
      answering(() => json(200, body)),
      BASE,
    );
    expect(await api.token({ id: 'ca_1' })).toEqual({ status: 'ok', data: { ...body, expiresAt: null } });
    const expiring = createMeApi(
      answering(() => json(200, { ...body, expiresAt: '2030-01-01T00:00:00Z' })),
      BASE,
    );
    const result = await expiring.token({ id: 'ca_1' });
    expect(result.status === 'ok' && result.data.expiresAt).toEqual(new Date('2030-01-01T00:00:00Z'));
  });

  it('throws request_failed for what is no result: a 500, a 502, a 400, a 200 without a token, no network', async () => {
    // These are a broken vault, a misconfigured provider client or a programming error, never the user's doing.
    for (const response of [
      json(500, { error: 'internal' }),
      json(502, { error: 'provider_error', message: 'invalid_client' }),
      json(400, { error: 'invalid_request' }),
      json(200, { tokenType: 'Bearer' }),
    ]) {
      const api = createMeApi(
        answering(() => response.clone()),
        BASE,
      );
      await expect(api.token({ provider: 'demo' })).rejects.toMatchObject({ code: 'request_failed' });
    }
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    await expect(createMeApi(offline, BASE).token({ provider: 'demo' })).rejects.toMatchObject({
      code: 'request_failed',
    });
  });

  it('reports no session as no_session, and an account not found as undefined or not deleted', async () => {
    const me = fakeMe();
    const api = createMeApi(me.http, BASE);
    expect(await api.get('ca_other')).toBeUndefined();
    expect(await api.disconnect('ca_other')).toEqual({ deleted: false, revokedAtProvider: false });
    me.session = false;
    await expect(api.list()).rejects.toMatchObject({ code: 'no_session', message: 'listing the accounts: no session' });
  });
});
