import { randomBytes } from 'node:crypto';
import { createVault } from '@tokenvault/sdk-browser';
import { exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CLIENT_ID, type AppIssuer, startAppIssuer } from './support/app-issuer.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// An app that signs its users in with its own identity provider may send that user's JWT to /v1/me instead of a
// browser session (docs/security.md, "Trusted issuers"). The JWT must come from the configured issuer, for the
// configured audience, unexpired, signed by a key of the issuer's JWKS with an asymmetric algorithm; a flood of
// forged tokens must not turn into a flood of JWKS fetches.
describe('trusted issuers: the app’s user JWT on /v1/me', () => {
  let issuer: AppIssuer;
  let vault: InProcessVault;
  let accountId: string;

  beforeAll(async () => {
    issuer = await startAppIssuer();
    vault = await startInProcessVault({
      // The app's users are the demo provider's logins: `alice` at the app is `demo:alice` at the vault.
      trustedIssuers: { development: [{ issuer: issuer.issuer, audiences: [APP_CLIENT_ID], userIdPrefix: 'demo:' }] },
    });
    accountId = (await vault.link('alice')).id;
  });
  afterAll(async () => {
    await vault.close();
    await issuer.close();
  });

  async function me(token: string, method: string, path: string, body?: object) {
    const response = await vault.request(`${VAULT_URL}/v1/me${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body && { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: await response.json() };
  }

  const claims = (over: Record<string, unknown> = {}) => ({
    iss: issuer.issuer,
    aud: APP_CLIENT_ID,
    sub: 'alice',
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 600,
    ...over,
  });

  it('lists the user’s accounts and reads a token with the app’s ID token, no cookie and no XHR header', async () => {
    const idToken = await issuer.idToken('alice');
    const listed = await me(idToken, 'GET', '/connected-accounts');
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([accountId]);
    const read = await me(idToken, 'POST', `/connected-accounts/${accountId}/access-token`, {});
    expect(read.status).toBe(200);
    expect(read.body.accessToken).toEqual(expect.any(String));
    // Another user's JWT sees none of alice's accounts.
    const bob = await me(await issuer.idToken('bob'), 'GET', `/connected-accounts/${accountId}`);
    expect(bob.status).toBe(404);
    const audited = await vault.store.listAudit('development', { limit: 5, principal: 'user:demo:alice' });
    expect(audited.map((row) => row.action)).toContain('credentials.read');
    // Discovery once, the JWKS once, for all of it.
    expect(issuer.jwksFetches).toBe(1);
  });

  it.each([
    ['another issuer', async () => issuer.sign(claims({ iss: 'https://evil.example' })), /issuer is not trusted/],
    ['another audience', async () => issuer.sign(claims({ aud: 'someone-else' })), /aud claim/],
    ['an expired token', async () => issuer.sign(claims({ exp: Math.floor(Date.now() / 1000) - 120 })), /expired/],
    [
      'a token not yet valid',
      async () => issuer.sign(claims({ nbf: Math.floor(Date.now() / 1000) + 600 })),
      /nbf claim/,
    ],
    ['a token without exp', async () => issuer.sign(claims({ exp: undefined })), /exp claim/],
    ['alg none', async () => unsigned(claims()), /algorithm/],
    ['HMAC keyed with the issuer’s public key', async () => hmacWithPublicKey(issuer, claims()), /algorithm/],
    [
      'a signature by a key the issuer never published',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT(claims()).setProtectedHeader({ alg: 'RS256', kid: 'key-1' }).sign(privateKey);
      },
      /signature/,
    ],
    ['no user id claim', async () => issuer.sign(claims({ sub: undefined })), /sub claim/],
    ['not a JWT', async () => 'not-a-jwt', /not a JWT/],
  ])('refuses %s with 401 and no JWKS fetch', async (_, token, message) => {
    const fetches = issuer.jwksFetches;
    const answer = await me(await token(), 'GET', '/connected-accounts');
    expect(answer).toMatchObject({ status: 401, body: { error: 'unauthorized', message } });
    expect(issuer.jwksFetches).toBe(fetches);
  });

  it('refuses a storm of unknown kids with at most one JWKS fetch a minute', async () => {
    const fetches = issuer.jwksFetches;
    vault.clock.offsetMs = 61_000; // past the cooldown of the fetch the first test made
    try {
      const answers = await Promise.all(
        Array.from({ length: 40 }, async () => {
          const token = await issuer.sign(claims(), { kid: randomBytes(6).toString('hex') });
          return (await me(token, 'GET', '/connected-accounts')).status;
        }),
      );
      expect(new Set(answers)).toEqual(new Set([401]));
      expect(issuer.jwksFetches - fetches).toBeLessThanOrEqual(1);
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('picks up a rotated signing key once the cooldown allows a fetch', async () => {
    const beforeRotation = await issuer.sign(claims());
    await issuer.rotate();
    const rotated = await issuer.idToken('alice');
    vault.clock.offsetMs = 61_000; // the storm's fetch was at this offset: still cooling down
    try {
      expect((await me(rotated, 'GET', '/connected-accounts')).status).toBe(401);
      const fetches = issuer.jwksFetches;
      vault.clock.offsetMs = 122_000;
      expect((await me(rotated, 'GET', '/connected-accounts')).status).toBe(200);
      expect(issuer.jwksFetches).toBe(fetches + 1);
      // The old key is still published, so tokens it signed before the rotation keep working.
      expect((await me(beforeRotation, 'GET', '/connected-accounts')).status).toBe(200);
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('serves the browser SDK given getToken() instead of cookies', async () => {
    const idToken = await issuer.idToken('alice');
    const asked: string[] = [];
    const browserVault = createVault({
      baseUrl: VAULT_URL,
      fetch: async (input, init) => {
        asked.push(new Headers(init?.headers).get('authorization') ?? '');
        return vault.request(String(input), init);
      },
      getToken: async () => idToken,
    });
    const [account] = await browserVault.listConnectedAccounts();
    expect(account?.id).toBe(accountId);
    const read = await account?.getAccessToken();
    expect(read?.status).toBe('ok');
    expect(asked).toEqual([`Bearer ${idToken}`, `Bearer ${idToken}`]);
    const failing = createVault({
      baseUrl: VAULT_URL,
      fetch: (input, init) => vault.request(String(input), init),
      getToken: () => Promise.reject(new Error('signed out')),
    });
    await expect(failing.listConnectedAccounts()).rejects.toMatchObject({ code: 'no_session' });
  });

  it('makes a connect session for the JWT’s own user, but not for a cookie session', async () => {
    // An app without a backend sends its signed-in user to the connect page with their JWT alone.
    const idToken = await issuer.idToken('alice');
    const created = await me(idToken, 'POST', '/connect-sessions', { provider: 'demo' });
    expect(created.status).toBe(201);
    expect(created.body.connectUrl).toBe(`${VAULT_URL}/connect#session=${created.body.token}`);
    const bound = await vault.vault.connectSessions.redeem(created.body.token);
    expect(bound).toMatchObject({ userId: 'demo:alice', provider: 'demo', createdBy: 'user:demo:alice' });
    expect(bound.limits.actions).toContain('credentials:read');
    // The userId is the JWT's: a body naming another user is refused as an unknown field.
    expect((await me(idToken, 'POST', '/connect-sessions', { userId: 'demo:bob' })).status).toBe(400);

    const jar = vault.newJar();
    await vault.connect(jar, 'carol');
    const fromCookie = await vault.me(jar, 'POST', '/connect-sessions', {});
    expect(fromCookie).toMatchObject({ status: 403, body: { error: 'forbidden' } });

    const browserVault = createVault({
      baseUrl: VAULT_URL,
      fetch: (input, init) => vault.request(String(input), init),
      getToken: () => idToken,
    });
    const fromSdk = await browserVault.createConnectSession({ provider: 'demo' });
    expect(fromSdk.connectUrl).toBe(`${VAULT_URL}/connect#session=${fromSdk.token}`);
  });

  it('reads the bearer token on the proxy’s /v1/me routes too', async () => {
    const answer = await me(await issuer.sign(claims({ aud: 'nobody' })), 'GET', `/providers/demo/proxy/me`);
    expect(answer).toMatchObject({ status: 401, body: { error: 'unauthorized', message: /aud claim/ } });
  });
});

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** An unsecured JWT (RFC 7519 §6): header alg none, no signature. */
function unsigned(claims: object): string {
  return `${base64url({ alg: 'none', kid: 'key-1' })}.${base64url(claims)}.`;
}

/** The classic key-confusion forgery: HS256 with the issuer's public key (its PEM text) as the HMAC secret. */
async function hmacWithPublicKey(issuer: AppIssuer, claims: object): Promise<string> {
  const pem = await exportSPKI((await importJWK(issuer.publicJwk(), 'RS256', { extractable: true })) as CryptoKey);
  return new SignJWT(claims as Record<string, unknown>)
    .setProtectedHeader({ alg: 'HS256', kid: 'key-1' })
    .sign(new TextEncoder().encode(pem));
}
