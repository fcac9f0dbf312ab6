import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProviderSpec, type ConfiguredProvider, type Store } from '@tokenvault/core';
import { oidc } from '@tokenvault/providers';
import { parseAccessKey } from '@tokenvault/sdk-node';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

/** FILLED_PER_PROVIDER in core/src/providers/provider-params.ts. */
const FILLED_PER_PROVIDER = 1_000;

/** An OpenID provider per tenant under `/t/<tenant>`, as Okta has one per organization; counts discoveries. */
async function startTenantIssuers() {
  const discoveries = new Map<string, number>();
  const server: Server = createServer((req, res) => {
    const tenant = /^\/t\/([a-z0-9-]+)\/\.well-known\/openid-configuration$/.exec(req.url ?? '')?.[1];
    if (!tenant) return void res.writeHead(404).end();
    discoveries.set(tenant, (discoveries.get(tenant) ?? 0) + 1);
    const issuer = `${url}/t/${tenant}`;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        response_types_supported: ['code'],
      }),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, discoveries, close: () => new Promise((resolve) => server.close(resolve)) };
}

// Every cache keyed by what an unauthenticated caller sends is bounded, and ids that cannot be ours never reach
// the store: a flood of made-up values costs the vault no lasting memory.
describe('caches keyed by caller input', () => {
  let issuers: Awaited<ReturnType<typeof startTenantIssuers>>;
  let vault: InProcessVault;
  let dir: string;
  let clientKeyLookups = 0;
  let idLookups = 0;
  const counted = (store: Store): Store => ({
    ...store,
    getClientKey(clientId, keyId) {
      clientKeyLookups += 1;
      return store.getClientKey(clientId, keyId);
    },
    getAccount(env, userId, accountId) {
      idLookups += 1;
      return store.getAccount(env, userId, accountId);
    },
    getClient(env, clientId) {
      idLookups += 1;
      return store.getClient(env, clientId);
    },
  });

  beforeAll(async () => {
    issuers = await startTenantIssuers();
    const spec = buildProviderSpec(oidc, {
      id: 'tenanted',
      displayName: 'Tenanted',
      issuer: `${issuers.url}/t/{tenant}`,
      params: { tenant: { pattern: '[a-z0-9][a-z0-9-]*', description: 'the organization' } },
    });
    const tenanted: ConfiguredProvider = {
      ...{ env: 'development', id: 'tenanted', spec, clientId: 'vault', clientSecret: 'secret' },
      scopes: spec.scopes.default,
    };
    dir = await mkdtemp(join(tmpdir(), 'tokenvault-caches-'));
    vault = await startInProcessVault({
      dir,
      providers: [tenanted],
      openStore: () => counted(createSqliteStore({ filename: join(dir, 'vault.db') })),
    });
  });
  afterAll(async () => {
    await vault.close();
    await issuers.close();
    await rm(dir, { recursive: true, force: true });
  });

  const start = (tenant: string) =>
    vault.request(
      `${VAULT_URL}/api/auth/tenanted/start?env=development&flow=popup&origin=${encodeURIComponent(APP_ORIGIN)}&tenant=${tenant}`,
    );

  it('keeps a bounded number of tenants: past the bound the first one is discovered again', async () => {
    expect((await start('first')).status).toBe(302);
    expect((await start('first')).status).toBe(302);
    expect(issuers.discoveries.get('first')).toBe(1); // cached while among the recent ones
    for (let i = 0; i < FILLED_PER_PROVIDER; i++) expect((await start(`shop-${i}`)).status).toBe(302);
    expect((await start('first')).status).toBe(302);
    expect(issuers.discoveries.get('first')).toBe(2);
  });

  it('refuses an over-long per-account value before filling anything in', async () => {
    const response = await start('a'.repeat(254));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: 'invalid_request', message: /longer than 253/ });
    expect(issuers.discoveries.has('a'.repeat(254))).toBe(false);
  });

  async function bearer(sub: string, kid: string) {
    const key = parseAccessKey(vault.adminKey);
    const jwt = await new SignJWT({ iss: `${VAULT_URL}/v1/clients/${sub}`, aud: 'development.accounts.authress.io' })
      .setProtectedHeader({ alg: 'EdDSA', kid })
      .setSubject(sub)
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(key.privateKey);
    return { authorization: `Bearer ${jwt}` };
  }
  const listAccounts = async (headers: Record<string, string>) =>
    vault.request(`${VAULT_URL}/v1/users/u1/connected-accounts`, { headers });

  it('answers a sub or kid that cannot be a client or key id of ours without asking the store', async () => {
    const { clientId, keyId } = parseAccessKey(vault.adminKey);
    const before = clientKeyLookups;
    for (const [sub, kid] of [
      ['x'.repeat(11_000), keyId],
      [clientId, 'k'.repeat(11_000)],
      [`${clientId}x`, keyId],
      [clientId, `${keyId}x`],
      ['sc_other', keyId],
      [clientId, 'nope'],
      [clientId.replace('sc_', 'ca_'), keyId],
      [clientId, `${keyId.slice(0, 11)}.`],
    ]) {
      const response = await listAccounts(await bearer(sub as string, kid as string));
      expect(response.status).toBe(401);
      expect(await response.json()).toMatchObject({ error: 'unauthorized', message: 'unknown access key' });
    }
    expect(clientKeyLookups).toBe(before);
    expect((await listAccounts(await bearer(clientId, keyId))).status).toBe(200);
    expect(clientKeyLookups).toBe(before + 1);
  });

  it('does not keep misses: every well-formed unknown id is looked up, none is remembered', async () => {
    const { keyId } = parseAccessKey(vault.adminKey);
    const unknown = `sc_${'A'.repeat(22)}`;
    const before = clientKeyLookups;
    for (let i = 0; i < 3; i++) expect((await listAccounts(await bearer(unknown, keyId))).status).toBe(401);
    expect(clientKeyLookups).toBe(before + 3);
  });

  it('answers an account or client id that cannot be ours 404 without asking the store or echoing it', async () => {
    const admin = { authorization: `Bearer ${await vault.jwt()}` };
    const before = idLookups;
    for (const id of ['x'.repeat(20_000), 'ca_short', `ca_${'A'.repeat(21)}.`, `sc_${'A'.repeat(23)}`]) {
      for (const [method, path] of [
        ['GET', `/v1/users/u1/connected-accounts/${id}`],
        ['POST', `/v1/users/u1/connected-accounts/${id}/access-token`],
        ['GET', `/v1/admin/clients/${id}`],
        ['DELETE', `/v1/admin/clients/${id}`],
        ['DELETE', `/v1/admin/clients/${id}/keys/${id}`],
      ] as const) {
        const response = await vault.request(`${VAULT_URL}${path}`, {
          method,
          headers: admin,
          ...(method === 'POST' && { body: '{}' }),
        });
        expect(response.status, `${method} ${path.slice(0, 60)}`).toBe(404);
        expect((await response.text()).length).toBeLessThan(300); // the id is quoted, not echoed whole
      }
    }
    expect(idLookups).toBe(before);
  });
});
