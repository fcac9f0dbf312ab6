import { OPERATOR, type ProviderSpecInput } from '@tokenvault/core';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { createApp } from '@tokenvault/server';
import { describe, expect, it } from 'vitest';
import { connect, ENV, vaultFor } from './support/quirky-vault.js';

const VAULT = 'http://vault.test';
const SECRET = 'dev-token-0f9c2e';

/** An Atlassian-like API on the local provider: the site's id comes from `/sites` and names the API's path. */
const siteApi = (url: string, api: Partial<NonNullable<ProviderSpecInput['api']>> = {}) => ({
  account: {
    userInfoUri: `${url}/me`,
    idPath: 'id',
    metadata: { uri: `${url}/sites`, fields: { cloud_id: '0.id' } },
  },
  api: { baseUrl: `${url}/ex/{metadata.cloud_id}`, allowPrivateNetworks: true, ...api },
});

/** The vault's HTTP app over `vault`, and a proxied call as a client holding api-caller (and one holding admin). */
async function proxyFor(vault: Awaited<ReturnType<typeof vaultFor>>['vault']) {
  const app = createApp({ vault, appOrigins: [] });
  const jwt = async (role: string, resource?: string) => {
    const grants = [{ role, ...(resource && { resource }) }];
    const { accessKey } = await vault.clients.create({ env: ENV, name: `c-${role}`, grants }, OPERATOR);
    return signServiceToken(await parseAccessKey(accessKey), { baseUrl: VAULT });
  };
  const caller = await jwt('api-caller', 'connections/quirky/users/*/proxy');
  const admin = await jwt('admin');
  return {
    call: (accountId: string, path: string, headers: Record<string, string> = {}) =>
      app.request(`${VAULT}/v1/users/u1/connected-accounts/${accountId}/proxy${path}`, {
        headers: { ...headers, authorization: `Bearer ${caller}` },
      }),
    admin: (path: string) => app.request(`${VAULT}/v1/admin${path}`, { headers: { authorization: `Bearer ${admin}` } }),
  };
}

// API quirks of the provider spec (what the proxy must add to each call), against a real server behaving that way.
describe('provider quirks of the API', () => {
  it("keeps the site's id learned at connect and builds the API URL with it (Atlassian's cloud id)", async () => {
    const { vault, provider } = await vaultFor({}, (url) => siteApi(url));
    const account = await connect(vault);
    expect(account.metadata).toMatchObject({ cloud_id: 'cloud-1' });
    const { call } = await proxyFor(vault);
    const response = await call(account.id, '/rest/api/3/myself');
    expect(response.status).toBe(200);
    expect(provider.apiCalls.at(-1)?.path).toBe('/ex/cloud-1/rest/api/3/myself');
  });

  it("asks each account's own host for the values it keeps (a per-account param in account.metadata.uri)", async () => {
    // Zoho Desk lists organizations on the data center's desk host.
    const { vault, provider } = await vaultFor({}, (url) => ({
      params: { region: { pattern: 'us|eu', description: 'the data region', default: 'us' } },
      account: {
        userInfoUri: `${url}/me`,
        idPath: 'id',
        metadata: { uri: `${url}/t/{region}/sites`, fields: { cloud_id: '0.id' } },
      },
    }));
    const account = await connect(vault, { scopes: [], params: { region: 'eu' } });
    expect(account.metadata).toMatchObject({ region: 'eu', cloud_id: 'cloud-1' });
    expect(provider.tenants).toEqual(['eu']);
  });

  it('fills API headers from account metadata and configured secrets, and never shows the secret', async () => {
    const lines: string[] = [];
    const logger = {
      info: (fields: object, message: string) => lines.push(JSON.stringify({ fields, message })),
      warn: (fields: object, message: string) => lines.push(JSON.stringify({ fields, message })),
      error: (fields: object, message: string) => lines.push(JSON.stringify({ fields, message })),
    };
    const headers = { 'Procore-Company-Id': '{metadata.cloud_id}', 'developer-token': '{secrets.developer_token}' };
    const { vault, provider } = await vaultFor({}, (url) => siteApi(url, { headers }), {
      secrets: { developer_token: SECRET },
      logger,
    });
    const account = await connect(vault);
    const { call, admin } = await proxyFor(vault);

    expect((await call(account.id, '/projects')).status).toBe(200);
    let seen = provider.apiCalls.at(-1)?.headers ?? {};
    expect(seen['procore-company-id']).toBe('cloud-1');
    expect(seen['developer-token']).toBe(SECRET);
    expect(seen.authorization).toBe(`Bearer ${provider.userTokens.at(-1)}`);

    // The caller may name another account the token reaches; it cannot replace the configured secret.
    await call(account.id, '/projects', { 'procore-company-id': '77', 'developer-token': 'mine' });
    seen = provider.apiCalls.at(-1)?.headers ?? {};
    expect(seen['procore-company-id']).toBe('77');
    expect(seen['developer-token']).toBe(SECRET);

    const providers = await admin('/providers');
    expect(providers.status).toBe(200);
    expect(JSON.stringify(await providers.json())).not.toContain(SECRET);
    const audit = await admin('/audit?limit=100');
    expect(audit.status).toBe(200);
    expect(JSON.stringify(await audit.json())).not.toContain(SECRET);
    expect(lines.join('\n')).not.toContain(SECRET);
  });

  it('answers 400 naming the value an account lacks for a header, unless the caller sends the header', async () => {
    const { vault, provider } = await vaultFor({}, (url) => ({
      ...siteApi(url, { baseUrl: `${url}/ex/fixed`, headers: { 'X-Org': '{metadata.org_id}' } }),
      // The sites answer has no `org` field: nothing is learned.
      account: {
        userInfoUri: `${url}/me`,
        idPath: 'id',
        metadata: { uri: `${url}/sites`, fields: { org_id: '0.org' } },
      },
    }));
    const account = await connect(vault);
    expect(account.metadata).not.toHaveProperty('org_id');
    const { call } = await proxyFor(vault);
    const refused = await call(account.id, '/tickets');
    expect(refused.status).toBe(400);
    expect((await refused.json()).message).toMatch(/no metadata\.org_id for the X-Org header/);
    expect(provider.apiCalls).toHaveLength(0);
    expect((await call(account.id, '/tickets', { 'x-org': '5' })).status).toBe(200);
    expect(provider.apiCalls.at(-1)?.headers['x-org']).toBe('5');
  });

  it('sends the token after the scheme the provider wants, to the userinfo call and the API (Yandex, SoundCloud)', async () => {
    // A provider that takes only `Authorization: OAuth <token>`: without the fields, connecting fails at userinfo.
    const bearer = await vaultFor({ tokenScheme: 'OAuth' });
    await expect(connect(bearer.vault)).rejects.toMatchObject({ code: 'provider_error' });

    const { vault, provider } = await vaultFor({ tokenScheme: 'OAuth' }, (url) => ({
      account: { userInfoUri: `${url}/me`, idPath: 'id', tokenScheme: 'OAuth' },
      api: {
        baseUrl: `${url}/ex/api`,
        allowPrivateNetworks: true,
        auth: { type: 'header', name: 'Authorization', prefix: 'OAuth ' },
      },
    }));
    const account = await connect(vault);
    expect(account.providerAccountId).toBe('acct-1');
    const { call } = await proxyFor(vault);
    expect((await call(account.id, '/me/tracks')).status).toBe(200);
    expect(provider.apiCalls.at(-1)?.headers.authorization).toBe(`OAuth ${provider.userTokens.at(-1)}`);
  });
});
