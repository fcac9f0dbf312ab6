import { OPERATOR } from '@tokenvault/core';
import { createPostgresStore } from '@tokenvault/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CLIENT_ID, type AppIssuer, startAppIssuer } from './support/app-issuer.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';
import { createTempDatabase } from './support/postgres.js';

const TOKEN_EXCHANGE = 'urn:ietf:params:oauth:grant-type:token-exchange';
const JWT = 'urn:ietf:params:oauth:token-type:jwt';

// Token exchange (RFC 8693, docs/agents.md): an agent holding the `agent` role trades a user's JWT from a trusted
// issuer for that user's provider access token. Every refusal is an RFC 6749 §5.2 answer; when connecting an
// account would help, it carries connect_uri, a connect link for that user. Every exchange is audited with both the
// user and the agent.
describe.each(['sqlite', 'postgres'] as const)('token exchange on %s', (storeKind) => {
  let issuer: AppIssuer;
  let vault: InProcessVault;
  let dropDatabase: (() => Promise<void>) | undefined;
  let alice: Awaited<ReturnType<InProcessVault['link']>>;
  let agent: { id: string; key: string };
  let reader: { id: string; key: string };

  beforeAll(async () => {
    issuer = await startAppIssuer();
    let openStore: (() => ReturnType<typeof createPostgresStore>) | undefined;
    if (storeKind === 'postgres') {
      const temp = await createTempDatabase();
      dropDatabase = temp.drop;
      openStore = () => createPostgresStore({ connectionString: temp.url });
    }
    vault = await startInProcessVault({
      ...(openStore && { openStore }),
      trustedIssuers: { development: [{ issuer: issuer.issuer, audiences: [APP_CLIENT_ID], userIdPrefix: 'demo:' }] },
    });
    alice = await vault.link('alice');
    const client = async (name: string, role: string) => {
      const grants = [{ role, resource: 'connections/demo' }];
      const created = await vault.vault.clients.create({ env: 'development', name, grants }, OPERATOR);
      return { id: created.client.id, key: created.accessKey };
    };
    agent = await client('mcp-agent', 'agent');
    reader = await client('reader', 'credentials-reader');
  });
  afterAll(async () => {
    await vault?.close();
    await issuer?.close();
    await dropDatabase?.();
  });

  async function exchange(fields: Record<string, string>, contentType = 'application/x-www-form-urlencoded') {
    const response = await vault.request(`${VAULT_URL}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: new URLSearchParams(fields).toString(),
    });
    return { status: response.status, cache: response.headers.get('cache-control'), body: await response.json() };
  }

  /** A complete request for `login`'s token of the demo provider, by `actorKey`; `over` replaces fields. */
  async function form(login: string, actorKey = agent.key, over: Record<string, string> = {}) {
    return {
      grant_type: TOKEN_EXCHANGE,
      subject_token: await issuer.idToken(login),
      subject_token_type: JWT,
      actor_token: await vault.jwt(actorKey),
      actor_token_type: JWT,
      resource: 'urn:tokenvault:provider:demo',
      scope: 'openid',
      ...over,
    };
  }

  it('gives the agent the user’s token, which the provider accepts, and audits user and agent', async () => {
    const answer = await exchange(await form('alice'));
    expect(answer.status).toBe(200);
    expect(answer.cache).toBe('no-store');
    expect(answer.body).toMatchObject({
      issued_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      token_type: 'Bearer',
      expires_in: expect.any(Number),
      scope: expect.stringContaining('openid'),
    });
    const me = await fetch(`${vault.demo.issuer}/me`, {
      headers: { authorization: `Bearer ${answer.body.access_token}` },
    });
    expect((await me.json()).sub).toBe('alice');
    // By account id too.
    const byAccount = await exchange(
      await form('alice', agent.key, { resource: `urn:tokenvault:account:${alice.id}` }),
    );
    expect(byAccount.status).toBe(200);

    const rows = await vault.store.listAudit('development', { limit: 10, principal: `client:${agent.id}` });
    const exchanges = rows.filter((row) => row.action === 'credentials.exchange' && row.result === 'ok');
    expect(exchanges).toHaveLength(2);
    expect(exchanges[0]).toMatchObject({ userId: 'demo:alice', provider: 'demo', accountId: alice.id });
    expect(JSON.parse(exchanges[0]?.detail ?? '{}')).toEqual({
      subject: 'user:demo:alice',
      issuer: issuer.issuer,
      actor: `client:${agent.id}`,
    });
    // The agent role is the exchange only: no direct read of the same token.
    const direct = await vault.request(`${alice.base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt(agent.key)}` },
      body: '{}',
    });
    expect(direct.status).toBe(403);
  });

  it('answers invalid_target with a connect link for a user without the account', async () => {
    const answer = await exchange(await form('bob'));
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_target' } });
    const link = new URL(answer.body.connect_uri);
    expect(`${link.origin}${link.pathname}`).toBe(`${VAULT_URL}/connect`);
    // The link binds a browser to bob, for the demo provider, and may only link (the agent reads nothing through it).
    const bound = await vault.vault.connectSessions.redeem(link.hash.replace('#session=', ''));
    expect(bound).toMatchObject({
      userId: 'demo:bob',
      provider: 'demo',
      scopes: ['openid'],
      createdBy: `client:${agent.id}`,
    });
    expect(bound.limits.actions).toEqual([]);
    const rows = await vault.store.listAudit('development', { limit: 10, userId: 'demo:bob' });
    expect(rows.map((row) => [row.action, row.result])).toEqual(
      expect.arrayContaining([
        ['credentials.exchange', 'not_found'],
        ['connect_session.created', 'ok'],
      ]),
    );
  });

  it('answers invalid_scope with a connect link asking for the scopes', async () => {
    const answer = await exchange(await form('alice', agent.key, { scope: 'openid repo:admin' }));
    expect(answer).toMatchObject({ status: 400, body: { error: 'invalid_scope' } });
    expect(answer.body.error_description).toContain('repo:admin');
    const token = new URL(answer.body.connect_uri).hash.replace('#session=', '');
    const bound = await vault.vault.connectSessions.redeem(token);
    expect(bound).toMatchObject({ userId: 'demo:alice', provider: 'demo', scopes: ['openid', 'repo:admin'] });
  });

  it.each([
    ['a subject token for another audience', { subject_token: 'aud' }, 400, 'invalid_grant'],
    ['a subject token that is not a JWT', { subject_token: 'junk' }, 400, 'invalid_grant'],
    ['an actor token that is not a service JWT', { actor_token: 'junk' }, 401, 'invalid_client'],
    ['another grant type', { grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
    ['no resource', { resource: '' }, 400, 'invalid_request'],
    ['a resource of another kind', { resource: 'https://api.github.com' }, 400, 'invalid_request'],
    ['an unknown subject token type', { subject_token_type: 'urn:x' }, 400, 'invalid_request'],
    ['an unknown requested token type', { requested_token_type: JWT }, 400, 'invalid_request'],
  ] as [string, Record<string, string>, number, string][])('refuses %s', async (_, given, status, error) => {
    const fields = await form('alice');
    const over =
      given.subject_token === 'aud'
        ? { subject_token: await issuer.sign({ iss: issuer.issuer, aud: 'other', sub: 'alice', exp: 9e9 }) }
        : given;
    const answer = await exchange({ ...fields, ...over });
    expect(answer).toMatchObject({ status, body: { error, error_description: expect.any(String) } });
    expect(answer.body.connect_uri).toBeUndefined();
    expect(answer.body.access_token).toBeUndefined();
  });

  it('refuses a form sent as JSON or with a parameter twice', async () => {
    const fields = await form('alice');
    const asJson = await vault.request(`${VAULT_URL}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(fields),
    });
    expect(asJson.status).toBe(400);
    expect((await asJson.json()).error).toBe('invalid_request');
    const twice = `${new URLSearchParams(fields)}&resource=urn:tokenvault:provider:demo`;
    const answer = await vault.request(`${VAULT_URL}/oauth2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: twice,
    });
    expect(await answer.json()).toMatchObject({ error: 'invalid_request', error_description: /more than once/ });
  });

  it('refuses an actor without credentials:exchange, and one whose time-boxed agent grant expired', async () => {
    // credentials-reader may read the token itself, but exchanging is the agent's role: the two are audited apart.
    const answer = await exchange(await form('alice', reader.key));
    expect(answer).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    expect(answer.body.connect_uri).toBeUndefined();

    const boxed = await vault.vault.clients.create({ env: 'development', name: 'boxed-agent', grants: [] }, OPERATOR);
    await vault.vault.clients.grant(
      'development',
      boxed.client.id,
      { role: 'agent', resource: 'connections/demo', expiresAt: Date.now() + 30_000 },
      OPERATOR,
    );
    expect((await exchange(await form('alice', boxed.accessKey))).status).toBe(200);
    vault.clock.offsetMs = 31_000;
    try {
      const expired = await exchange(await form('alice', boxed.accessKey));
      expect(expired).toMatchObject({ status: 400, body: { error: 'unauthorized_client' } });
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('describes itself at /.well-known/oauth-authorization-server (RFC 8414)', async () => {
    const response = await vault.request(`${VAULT_URL}/.well-known/oauth-authorization-server`);
    expect(await response.json()).toEqual({
      issuer: VAULT_URL,
      token_endpoint: `${VAULT_URL}/oauth2/token`,
      grant_types_supported: [TOKEN_EXCHANGE],
      token_endpoint_auth_methods_supported: ['none'],
      response_types_supported: [],
    });
  });
});
