import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as oauth from 'oauth4webapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoClient, type DemoProvider, startDemoProvider } from '../src/index.js';
import { type TestClient, testClient } from './oauth-client.js';

const demoClient: DemoClient = {
  clientId: 'tokenvault-test',
  clientSecret: 'test-secret',
  // Never fetched: the login helper stops at the first redirect off the provider.
  redirectUris: ['http://127.0.0.1:9/callback'],
};
const options = { clients: [demoClient], accessTokenTtlSeconds: 30, refreshTokenTtlSeconds: 300 };

describe('demo provider', () => {
  let provider: DemoProvider;
  let rp: TestClient;

  beforeAll(async () => {
    provider = await startDemoProvider(options);
    rp = await testClient(provider.issuer, demoClient);
  });
  afterAll(() => provider?.close());

  it('serves a discovery document for its real listening URL', async () => {
    // Invariant: discovery names the loopback issuer and advertises what Tokenvault relies on.
    expect(provider.issuer).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const metadata = await (await fetch(`${provider.issuer}/.well-known/openid-configuration`)).json();
    expect(metadata).toMatchObject({
      issuer: provider.issuer,
      authorization_response_iss_parameter_supported: true,
      code_challenge_methods_supported: ['S256'],
      revocation_endpoint: `${provider.issuer}/token/revocation`,
      userinfo_endpoint: `${provider.issuer}/me`,
    });
    expect(metadata.scopes_supported).toEqual(expect.arrayContaining(['openid', 'profile', 'email', 'offline_access']));
    expect(metadata.token_endpoint_auth_methods_supported).toEqual(['client_secret_basic', 'client_secret_post']);
  });

  it('issues access, refresh and id tokens through code + PKCE', async () => {
    // Invariant: a consented login returns iss in the callback and tokens whose id_token names the user.
    const authorization = await rp.authorize('alice');
    expect(authorization.callback.searchParams.get('iss')).toBe(provider.issuer);
    const tokens = await rp.exchange(authorization);
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeTruthy();
    expect(provider.issuedRefreshTokens()).toContain(tokens.refresh_token);
    expect(oauth.getValidatedIdTokenClaims(tokens)).toMatchObject({
      sub: 'alice',
      name: 'alice',
      email: 'alice@demo.tokenvault.local',
      email_verified: true,
    });
    const userinfo = await fetch(`${provider.issuer}/me`, {
      headers: { authorization: `Bearer ${tokens.access_token}` },
    });
    expect(await userinfo.json()).toMatchObject({ sub: 'alice', email: 'alice@demo.tokenvault.local' });
  });

  it('refuses an authorization request without PKCE', async () => {
    // Invariant: PKCE is required for every client, confidential ones included.
    const { callback } = await rp.authorize('alice', { params: { code_challenge: '', code_challenge_method: '' } });
    expect(callback.searchParams.get('error')).toBe('invalid_request');
  });

  it('issues no refresh token without prompt=consent', async () => {
    // Invariant: oidc-provider drops offline_access unless consent is prompted for, as OIDC Core §11 says.
    const authorization = await rp.authorize('alice', { params: { prompt: '' } });
    const tokens = await rp.exchange(authorization, 'post');
    expect(tokens.access_token).toBeTruthy();
    expect(tokens.refresh_token).toBeUndefined();
  });

  it('rotates the refresh token on every refresh', async () => {
    // Invariant: each refresh returns a new refresh token, with client_secret_basic or client_secret_post alike.
    const first = await rp.connect('bob');
    const second = await rp.refresh(first.refresh_token ?? '', 'basic');
    const third = await rp.refresh(second.refresh_token ?? '', 'post');
    expect(new Set([first.refresh_token, second.refresh_token, third.refresh_token]).size).toBe(3);
    expect(provider.issuedRefreshTokens()).toEqual(
      expect.arrayContaining([first.refresh_token, second.refresh_token, third.refresh_token]),
    );
  });

  it('revokes the whole grant when a rotated refresh token is reused', async () => {
    // Invariant: replaying a rotated refresh token fails and kills its successor too.
    const first = await rp.connect('bob');
    const second = await rp.refresh(first.refresh_token ?? '');
    await expect(rp.refresh(first.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_grant' });
    await expect(rp.refresh(second.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('revokes a refresh token at the revocation endpoint', async () => {
    // Invariant: a refresh token revoked through RFC 7009 can no longer be used.
    const tokens = await rp.connect('bob');
    await rp.revoke(tokens.refresh_token ?? '');
    await expect(rp.refresh(tokens.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_grant' });
  });

  it('counts token requests and successful grants by type', async () => {
    // Invariant: every POST /token counts as a request; only successful grants count by type.
    const before = { ...provider.stats };
    const tokens = await rp.connect('carol');
    await rp.refresh(tokens.refresh_token ?? '');
    await expect(rp.refresh('not-a-refresh-token')).rejects.toMatchObject({ error: 'invalid_grant' });
    expect(provider.stats).toEqual({
      tokenRequests: before.tokenRequests + 3,
      authorizationCodeGrants: before.authorizationCodeGrants + 1,
      refreshGrants: before.refreshGrants + 1,
    });
  });

  it('redirects with access_denied when the user cancels consent', async () => {
    // Invariant: aborting the consent page sends error=access_denied (with iss) to the redirect_uri.
    const { callback, state } = await rp.authorize('dave', { consent: false });
    expect(`${callback.origin}${callback.pathname}`).toBe(demoClient.redirectUris[0]);
    expect(Object.fromEntries(callback.searchParams)).toMatchObject({
      error: 'access_denied',
      state,
      iss: provider.issuer,
    });
  });

  it('revokeAll kills every grant of that user and only that user', async () => {
    // Invariant: after revokeAll(user) the user's refresh tokens fail while other users' still work.
    const erin = await rp.connect('erin');
    const frank = await rp.connect('frank');
    await provider.revokeAll('erin');
    await expect(rp.refresh(erin.refresh_token ?? '')).rejects.toMatchObject({ error: 'invalid_grant' });
    expect((await rp.refresh(frank.refresh_token ?? '')).access_token).toBeTruthy();
  });
});

describe('demo provider with a data file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tokenvault-demo-'));
  const dataFile = join(dir, 'provider.json');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps refresh tokens valid across a restart on the same file', async () => {
    // Invariant: state persisted in dataFile (mode 0600) lets a restarted provider honour earlier refresh tokens.
    const first = await startDemoProvider({ ...options, dataFile });
    const port = Number(new URL(first.issuer).port);
    let tokens: oauth.TokenEndpointResponse;
    try {
      tokens = await (await testClient(first.issuer, demoClient)).connect('grace');
    } finally {
      await first.close();
    }
    expect(statSync(dataFile).mode & 0o777).toBe(0o600);

    const second = await startDemoProvider({ ...options, dataFile, port });
    try {
      const refreshed = await (await testClient(second.issuer, demoClient)).refresh(tokens.refresh_token ?? '');
      expect(refreshed.access_token).toBeTruthy();
      expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
    } finally {
      await second.close();
    }
  });
});
