import { FORCED_REFRESH_INTERVAL_SECONDS, OPERATOR } from '@tokenvault/core';
import { describe, expect, it } from 'vitest';
import { connect, ENV, refreshed, vaultFor } from './support/quirky-vault.js';

// Each quirk of the provider spec, implemented once in the engine, against a real server that behaves that way.
describe('provider quirks', () => {
  it('reads form-encoded token answers (GitHub, unless asked for JSON)', async () => {
    const { vault, provider } = await vaultFor({ formEncoded: true });
    const account = await connect(vault);
    const token = await refreshed(vault, account.id);
    expect(token.accessToken).toBe(provider.userTokens.at(-1));
    expect(token.expiresAt).not.toBeNull();
    expect(provider.refreshes).toBe(1);
  });

  it('treats an error sent with HTTP 200 as an error, on refresh and on the code exchange (GitHub)', async () => {
    const { vault, provider, store } = await vaultFor({}, { errorsWithStatus200: true });
    const account = await connect(vault);
    provider.nextAnswer(200, { error: 'bad_refresh_token', error_description: 'The refresh token is incorrect.' });
    await expect(refreshed(vault, account.id)).rejects.toMatchObject({ code: 'needs_reauth' });
    expect((await store.getAccountById(account.id))?.status).toBe('needs_reauth');

    provider.nextAnswer(200, { error: 'bad_verification_code' });
    await expect(connect(vault)).rejects.toMatchObject({ code: 'provider_error' });
  });

  it("takes Slack's user token from authed_user, not the bot token beside it, and its ok:false errors", async () => {
    const { vault, provider, clock } = await vaultFor(
      { nestedUserToken: true },
      {
        tokenResponse: { path: 'authed_user' },
        errorsWithStatus200: true,
        metadata: ['team.id'],
        scopes: { separator: ',', param: 'user_scope' },
      },
    );
    const account = await connect(vault);
    expect(account.metadata).toEqual({ 'team.id': 'T1' });
    // User scopes go in user_scope (Slack reads `scope` as bot scopes), step-up included.
    expect(provider.authorizeQuery?.get('user_scope')).toBe('read');
    expect(provider.authorizeQuery?.has('scope')).toBe(false);
    const stepUp = await vault.startConnect({
      ...{ env: ENV, provider: 'quirky', scopes: ['chat:write'], heldScopes: account.scopes },
      ...{ origin: 'http://app.test', mode: 'popup', userId: 'u1' },
    });
    const query = new URL(stepUp.authorizationUrl).searchParams;
    expect(query.get('user_scope')?.split(',').sort()).toEqual(['chat:write', 'read']);
    expect(query.has('scope')).toBe(false);
    const token = await refreshed(vault, account.id);
    expect(token.accessToken).toBe(provider.userTokens.at(-1));
    expect(token.accessToken).toMatch(/^user-token-/);
    expect(token.tokenType).toBe('bearer');
    clock.offsetMs = FORCED_REFRESH_INTERVAL_SECONDS * 1000; // past the interval between forced refreshes
    provider.nextAnswer(200, { ok: false, error: 'invalid_refresh_token' });
    await expect(refreshed(vault, account.id)).rejects.toMatchObject({ code: 'needs_reauth' });
  });

  it('assumes the default lifetime when expires_in is missing, and keeps instance_url (Salesforce)', async () => {
    const { vault } = await vaultFor(
      { noExpiresIn: true, instanceUrl: 'https://eu12.my.example.com' },
      { defaultTokenLifetimeSeconds: 7_200, metadata: ['instance_url'] },
    );
    const before = Date.now();
    const account = await connect(vault);
    expect(account.expiresAt).toBeGreaterThanOrEqual(before + 7_200_000);
    expect(account.expiresAt).toBeLessThanOrEqual(Date.now() + 7_200_000);
    expect(account.metadata).toEqual({ instance_url: 'https://eu12.my.example.com' });
    await refreshed(vault, account.id);
    const after = await vault.getAccount(ENV, 'u1', account.id, OPERATOR);
    expect(after.metadata).toEqual({ instance_url: 'https://eu12.my.example.com' });
  });

  it('authenticates with HTTP Basic where the provider insists (Notion, Reddit), and fails loudly otherwise', async () => {
    const basic = await vaultFor({ requireBasicAuth: true }, { clientAuthLocation: 'headers' });
    const account = await connect(basic.vault);
    expect((await refreshed(basic.vault, account.id)).accessToken).toBe(basic.provider.userTokens.at(-1));
    const inBody = await vaultFor({ requireBasicAuth: true }, { clientAuthLocation: 'body' });
    await expect(connect(inBody.vault)).rejects.toMatchObject({ code: 'provider_error' });
  });

  it('sends the client credentials both ways where the exchange reads the body and refreshes read Basic (Keap)', async () => {
    const both = await vaultFor({ bodyOnExchangeBasicOnRefresh: true }, { clientAuthLocation: 'both' });
    const account = await connect(both.vault);
    expect(both.provider.tokenForms[0]?.get('client_secret')).toBe('s3cret');
    expect((await refreshed(both.vault, account.id)).accessToken).toBe(both.provider.userTokens.at(-1));
    const inBody = await vaultFor({ bodyOnExchangeBasicOnRefresh: true }, { clientAuthLocation: 'body' });
    const bodyAccount = await connect(inBody.vault);
    await expect(refreshed(inBody.vault, bodyAccount.id)).rejects.toMatchObject({ code: 'provider_error' });
    const basic = await vaultFor({ bodyOnExchangeBasicOnRefresh: true }, { clientAuthLocation: 'headers' });
    await expect(connect(basic.vault)).rejects.toMatchObject({ code: 'provider_error' });
  });

  it('sends token requests as JSON where the provider reads only JSON (Square), and fails loudly otherwise', async () => {
    const json = await vaultFor(
      { jsonTokenRequests: true },
      { tokenRequestFormat: 'json', clientAuthLocation: 'body' },
    );
    const account = await connect(json.vault);
    expect(json.provider.tokenForms[0]?.get('client_secret')).toBe('s3cret');
    expect(json.provider.tokenForms[0]?.get('grant_type')).toBe('authorization_code');
    expect((await refreshed(json.vault, account.id)).accessToken).toBe(json.provider.userTokens.at(-1));
    const form = await vaultFor({ jsonTokenRequests: true });
    await expect(connect(form.vault)).rejects.toMatchObject({ code: 'provider_error' });
  });

  it('reads scope as a JSON array (Twitch), and scope null with expires_in 0 as "never expires"', async () => {
    const twitch = await vaultFor({ scopeArray: true });
    expect((await connect(twitch.vault)).scopes).toEqual(['read', 'write']);
    const neverExpires = await vaultFor({ neverExpiresAsZero: true });
    const account = await connect(neverExpires.vault);
    expect(account.expiresAt).toBeNull();
    expect(account.scopes).toEqual(['read']); // as requested (RFC 6749 §5.1: an absent scope means that)
  });

  it('sends comma-separated scopes, extra parameters and no PKCE where the spec says so', async () => {
    // Strava/Linear separate scopes with commas; Google wants access_type on the consent, Atlassian an audience;
    // LinkedIn rejects PKCE for web apps.
    const { vault, provider } = await vaultFor(
      {},
      {
        scopes: { default: [], required: ['profile'], separator: ',' },
        extra: { authorize: { access_type: 'offline' }, token: { audience: 'api.example.com' }, refresh: {} },
        skipPkce: true,
      },
    );
    const account = await connect(vault);
    const query = provider.authorizeQuery as URLSearchParams;
    expect(query.get('scope')).toBe('profile,read');
    expect(query.get('access_type')).toBe('offline');
    expect(query.has('code_challenge')).toBe(false);
    const exchange = provider.tokenForms[0] as URLSearchParams;
    expect(exchange.get('audience')).toBe('api.example.com');
    expect(exchange.has('code_verifier')).toBe(false);
    expect(account.scopes).toEqual(['read']);
  });

  it('sends the userinfo headers a provider needs (Notion-Version), and refreshes at a refresh endpoint (Figma)', async () => {
    const notion = await vaultFor({ userinfoHeader: ['Notion-Version', '2022-06-28'] }, (url) => ({
      account: { userInfoUri: `${url}/me`, idPath: 'id', headers: { 'Notion-Version': '2022-06-28' } },
    }));
    expect((await connect(notion.vault)).providerAccountId).toBe('acct-1');
    const figma = await vaultFor({ separateRefreshEndpoint: true }, (url) => ({ refreshUri: `${url}/refresh` }));
    const account = await connect(figma.vault);
    expect((await refreshed(figma.vault, account.id)).accessToken).toBe(figma.provider.userTokens.at(-1));
    // Without refreshUri the refresh would go to the token endpoint, which refuses it.
    const plain = await vaultFor({ separateRefreshEndpoint: true });
    const other = await connect(plain.vault);
    await expect(refreshed(plain.vault, other.id)).rejects.toMatchObject({ code: 'provider_error' });
  });

  it('fills per-account hosts from values entered at connect time, validated, and keeps them for refreshes (Shopify)', async () => {
    const { vault, provider } = await vaultFor({}, (url) => ({
      authorizeUri: `${url}/t/{shop}/authorize`,
      tokenUri: `${url}/t/{shop}/token`,
      account: { userInfoUri: `${url}/t/{shop}/me`, idPath: 'id' },
      params: { shop: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the shop name in <shop>.myshopify.com' } },
    }));
    const start = (shop?: string) =>
      vault.startConnect({
        ...{ env: ENV, provider: 'quirky', scopes: [], origin: 'http://app.test', mode: 'popup', userId: 'u1' },
        params: { shop },
      });
    await expect(start()).rejects.toMatchObject({ code: 'invalid_request', message: /needs 'shop'/ });
    await expect(start('evil.example/x')).rejects.toMatchObject({ code: 'invalid_request' });
    const started = await start('acme-store');
    expect(new URL(started.authorizationUrl).pathname).toBe('/t/acme-store/authorize');
    const approved = await fetch(started.authorizationUrl, { redirect: 'manual' });
    const callback = new URL(approved.headers.get('location') as string);
    const { account } = await vault.completeConnect({
      provider: 'quirky',
      params: callback.searchParams,
      nonceCookie: started.nonce,
    });
    expect(account.metadata).toMatchObject({ shop: 'acme-store' });
    await refreshed(vault, account.id);
    expect(provider.refreshes).toBe(1);
    expect(new Set(provider.tenants)).toEqual(new Set(['acme-store']));
  });

  it('asks a GraphQL API who the user is with a POSTed query (monday.com)', async () => {
    const { vault } = await vaultFor({ graphqlMe: true }, (url) => ({
      account: { userInfoUri: `${url}/me`, userInfoBody: '{"query":"{ me { id name } }"}', idPath: 'data.me.id' },
    }));
    expect((await connect(vault)).providerAccountId).toBe('acct-1');
  });

  it('keeps the stored refresh token when a refresh answers none (Google)', async () => {
    const { vault, store } = await vaultFor({ omitRefreshTokenOnRefresh: true });
    const account = await connect(vault);
    const sealed = (await store.getAccountById(account.id))?.refreshToken;
    await refreshed(vault, account.id);
    expect((await store.getAccountById(account.id))?.refreshToken).toBe(sealed);
  });
});
