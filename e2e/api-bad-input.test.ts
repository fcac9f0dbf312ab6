import { once } from 'node:events';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { OPERATOR } from '@tokenvault/core';
import { parseAccessKey } from '@tokenvault/sdk-node';
import { MAX_BODY_BYTES } from '@tokenvault/server';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

const b64url = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');

// Service-client JWTs are verified strictly (docs/api.md, "Access keys and JWTs") and every refused or malformed request is a
// clear 4xx that changes nothing.
describe('service API: bad input changes nothing', () => {
  let vault: InProcessVault;
  let userPath: string;
  let tokenPath: string;

  beforeAll(async () => {
    vault = await startInProcessVault();
    await vault.connect(vault.newJar(), 'alice');
    const [account] = await vault.vault.listAccounts('development', 'demo:alice', OPERATOR);
    userPath = `${VAULT_URL}/v1/users/demo%3Aalice/connected-accounts`;
    tokenPath = `${userPath}/${account?.id}/access-token`;
  });
  afterAll(() => vault.close());

  async function sign(
    claims: Record<string, unknown>,
    header: Record<string, unknown> = {},
    accessKey = vault.adminKey,
  ) {
    const key = parseAccessKey(accessKey);
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({
      iss: `${VAULT_URL}/v1/clients/${key.clientId}`,
      sub: key.clientId,
      aud: `${key.environmentId}.accounts.authress.io`,
      iat: now,
      exp: now + 600,
      ...claims,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId, ...header })
      .sign(key.privateKey);
  }

  async function refused(authorization: string | undefined, status: number, code: string, messagePart?: string) {
    const before = dbSnapshot(vault.dir);
    const response = await vault.request(tokenPath, {
      method: 'POST',
      headers: authorization === undefined ? {} : { authorization },
    });
    const body = await response.json();
    expect({ status: response.status, error: body.error }).toEqual({ status, error: code });
    if (messagePart) expect(body.message).toContain(messagePart);
    expect(body.accessToken).toBeUndefined();
    expect(dbSnapshot(vault.dir)).toEqual(before);
  }

  it('accepts a well-formed token (the baseline the refusals below differ from)', async () => {
    const response = await vault.request(tokenPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${await sign({})}` },
    });
    expect(response.status).toBe(200);
  });

  it('refuses a missing or non-bearer Authorization header', async () => {
    await refused(undefined, 401, 'unauthorized');
    await refused(`Basic ${Buffer.from('a:b').toString('base64')}`, 401, 'unauthorized');
  });

  it('refuses a malformed JWT', async () => {
    await refused('Bearer not.a.jwt', 401, 'unauthorized', 'not a JWT');
    await refused('Bearer abc', 401, 'unauthorized');
  });

  it('refuses an expired JWT', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(`Bearer ${await sign({ iat: now - 7200, exp: now - 3600 })}`, 401, 'unauthorized', 'expired');
  });

  // Regression: `exp - iat` alone was capped, so `iat` ten years ahead gave a token that lived ten years.
  it('refuses a token issued in the future, so none expires more than 24 hours from now', async () => {
    const now = Math.floor(Date.now() / 1000);
    const tenYears = 10 * 365 * 86_400;
    await refused(
      `Bearer ${await sign({ iat: now + tenYears, exp: now + tenYears + 600 })}`,
      401,
      'unauthorized',
      'issued in the future',
    );
    await refused(`Bearer ${await sign({ iat: now + 600, exp: now + 1200 })}`, 401, 'unauthorized', 'in the future');
    // Within the 60 s clock tolerance either way: a signer whose clock is a little ahead is accepted.
    const ahead = await sign({ iat: now + 30, exp: now + 30 + 86_400 });
    const response = await vault.request(tokenPath, { method: 'POST', headers: { authorization: `Bearer ${ahead}` } });
    expect(response.status).toBe(200);
  });

  it('refuses a JWT for another audience', async () => {
    await refused(`Bearer ${await sign({ aud: 'production.accounts.authress.io' })}`, 401, 'unauthorized', 'aud');
    await refused(`Bearer ${await sign({ aud: 'https://elsewhere.example' })}`, 401, 'unauthorized', 'aud');
  });

  it('refuses an unknown kid, and a sub naming another client', async () => {
    await refused(`Bearer ${await sign({}, { kid: 'nope' })}`, 401, 'unauthorized', 'unknown access key');
    await refused(`Bearer ${await sign({ sub: 'sc_other' })}`, 401, 'unauthorized', 'unknown access key');
  });

  it('refuses alg none and a signature by another key under the same kid', async () => {
    const key = parseAccessKey(vault.adminKey);
    const now = Math.floor(Date.now() / 1000);
    const unsigned = `${b64url({ alg: 'none', kid: key.keyId })}.${b64url({
      iss: `${VAULT_URL}/v1/clients/${key.clientId}`,
      sub: key.clientId,
      aud: `${key.environmentId}.accounts.authress.io`,
      iat: now,
      exp: now + 600,
    })}.`;
    await refused(`Bearer ${unsigned}`, 401, 'unauthorized');
    const other = await vault.vault.clients.create(
      { env: 'development', name: 'other', grants: [{ role: 'admin' }] },
      OPERATOR,
    );
    const otherKey = parseAccessKey(other.accessKey);
    const impostor = await new SignJWT({
      iss: `${VAULT_URL}/v1/clients/${key.clientId}`,
      sub: key.clientId,
      aud: `${key.environmentId}.accounts.authress.io`,
    })
      .setProtectedHeader({ alg: 'EdDSA', kid: key.keyId })
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(otherKey.privateKey);
    await refused(`Bearer ${impostor}`, 401, 'unauthorized', 'signature');
  });

  it('refuses a token living longer than 24 hours, and an iss that does not name its client', async () => {
    const now = Math.floor(Date.now() / 1000);
    await refused(`Bearer ${await sign({ exp: now + 86_400 + 600 })}`, 401, 'unauthorized', '24 hours');
    await refused(
      `Bearer ${await sign({ iss: `${VAULT_URL}/v1/clients/sc_someone_else` })}`,
      401,
      'unauthorized',
      'issuer',
    );
  });

  it('refuses a revoked key on the very next request', async () => {
    const client = await vault.vault.clients.create(
      { env: 'development', name: 'short-lived', grants: [{ role: 'admin' }] },
      OPERATOR,
    );
    const jwt = await sign({}, {}, client.accessKey);
    expect(
      (await vault.request(tokenPath, { method: 'POST', headers: { authorization: `Bearer ${jwt}` } })).status,
    ).toBe(200);
    await vault.vault.clients.revokeKey('development', client.client.id, client.keyId, OPERATOR);
    await refused(`Bearer ${jwt}`, 401, 'unauthorized', 'revoked');
  });

  it('refuses a key revoked by another process within a second, though its token was cached', async () => {
    const client = await vault.vault.clients.create(
      { env: 'development', name: 'elsewhere', grants: [{ role: 'admin' }] },
      OPERATOR,
    );
    const jwt = await sign({}, {}, client.accessKey);
    const status = async () =>
      (await vault.request(tokenPath, { method: 'POST', headers: { authorization: `Bearer ${jwt}` } })).status;
    expect(await status()).toBe(200);
    const other = await vault.twin(); // another vault process on the same database
    await other.clients.revokeKey('development', client.client.id, client.keyId, OPERATOR);
    const deadline = Date.now() + 5_000;
    let answer = await status();
    while (answer === 200 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      answer = await status();
    }
    expect(answer).toBe(401);
  });

  it('refuses a cached token once it has expired', async () => {
    const jwt = await sign({ exp: Math.floor(Date.now() / 1000) + 120 });
    const status = async () =>
      (await vault.request(tokenPath, { method: 'POST', headers: { authorization: `Bearer ${jwt}` } })).status;
    expect(await status()).toBe(200);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 120_000 + 61_000 }); // past exp and the 60 s tolerance
    try {
      await refused(`Bearer ${jwt}`, 401, 'unauthorized', 'expired');
    } finally {
      vi.useRealTimers();
    }
  });

  // Regression: tokens were judged by the system clock, beside the injected clock every other expiry follows.
  it('judges a token by the vault’s clock, cached or not', async () => {
    const jwt = await sign({}); // issued now, for 10 minutes, by the system clock
    expect(
      (await vault.request(tokenPath, { method: 'POST', headers: { authorization: `Bearer ${jwt}` } })).status,
    ).toBe(200);
    try {
      vault.clock.offsetMs = 600_000 + 61_000; // past exp and the 60 s tolerance, as the vault sees it
      await refused(`Bearer ${jwt}`, 401, 'unauthorized', 'expired');
      vault.clock.offsetMs = -10 * 60_000; // the vault's clock behind: a token issued now is from its future
      await refused(`Bearer ${await sign({ jti: 'another' })}`, 401, 'unauthorized', 'in the future');
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('refuses a client without a role (deny by default)', async () => {
    const client = await vault.vault.clients.create({ env: 'development', name: 'nobody', grants: [] }, OPERATOR);
    await refused(`Bearer ${await sign({}, {}, client.accessKey)}`, 403, 'forbidden');
  });

  it('keeps environments apart: a production key sees nothing of development', async () => {
    const prod = await vault.vault.clients.create(
      { env: 'production', name: 'prod-admin', grants: [{ role: 'admin' }] },
      OPERATOR,
    );
    const jwt = await vault.jwt(prod.accessKey);
    const list = await vault.request(userPath, { headers: { authorization: `Bearer ${jwt}` } });
    expect(await list.json()).toEqual({ items: [], nextCursor: null });
    await refused(`Bearer ${jwt}`, 404, 'not_found');
  });

  it.each([
    ['malformed JSON', '{"scopes":', 'not valid JSON'],
    ['an unknown field', '{"scope":"email"}', ''],
    ['scopes that are not a list', '{"scopes":"email"}', ''],
    ['a negative minValiditySeconds', '{"minValiditySeconds":-1}', ''],
    ['a JSON array', '[]', ''],
  ])('refuses a token request with %s', async (_, body, messagePart) => {
    const before = dbSnapshot(vault.dir);
    const response = await vault.request(tokenPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}`, 'content-type': 'application/json' },
      body,
    });
    const json = await response.json();
    expect({ status: response.status, error: json.error }).toEqual({ status: 400, error: 'invalid_request' });
    expect(json.message).toContain(messagePart);
    expect(dbSnapshot(vault.dir)).toEqual(before);
  });

  it('answers 404 for an unknown account or user, and for a route that does not exist', async () => {
    const auth = { authorization: `Bearer ${await vault.jwt()}` };
    for (const url of [`${userPath}/ca_unknown`, `${VAULT_URL}/v1/users/ghost/connected-accounts/ca_unknown`]) {
      const response = await vault.request(url, { headers: auth });
      expect(response.status).toBe(404);
      expect((await response.json()).error).toBe('not_found');
    }
    const deleted = await vault.request(`${userPath}/ca_unknown`, { method: 'DELETE', headers: auth });
    expect(deleted.status).toBe(404);
    expect((await vault.request(`${VAULT_URL}/v2/nothing`)).status).toBe(404);
  });

  it('answers missing_scopes listing what the account lacks', async () => {
    const response = await vault.request(tokenPath, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      body: JSON.stringify({ scopes: ['email', 'calendar'] }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'missing_scopes', missingScopes: ['calendar'] });
  });

  it('refuses a body over 64 KiB with 413, whether its length is declared or streamed', async () => {
    // Over a real socket: what Node's parser reports (Content-Length, or Transfer-Encoding: chunked) is what counts.
    const server = serve({ fetch: vault.app.fetch, hostname: '127.0.0.1', port: 0 }) as Server;
    await once(server, 'listening');
    const url = new URL(tokenPath);
    const post = (headers: Record<string, string>, chunks: string[]) =>
      new Promise<{ status: number; body: { error?: string } }>((resolve, reject) => {
        const req = httpRequest(
          {
            host: '127.0.0.1',
            port: (server.address() as AddressInfo).port,
            path: url.pathname,
            method: 'POST',
            headers,
          },
          (res) => {
            let text = '';
            res.on('data', (chunk) => (text += chunk));
            res.on('end', () => resolve({ status: res.statusCode as number, body: JSON.parse(text) }));
          },
        );
        req.on('error', reject);
        for (const chunk of chunks) req.write(chunk);
        req.end();
      });
    try {
      const before = dbSnapshot(vault.dir);
      const auth = { authorization: `Bearer ${await vault.jwt()}`, 'content-type': 'application/json' };
      // Valid JSON padded past the limit, so only its size can be the reason.
      const big = JSON.stringify({ minValiditySeconds: 0, pad: 'x'.repeat(MAX_BODY_BYTES) });
      const declared = await post({ ...auth, 'content-length': String(Buffer.byteLength(big)) }, [big]);
      // No length: Node sends it chunked, and the vault counts it as it arrives.
      const streamed = await post(auth, [big.slice(0, 40_000), big.slice(40_000)]);
      for (const response of [declared, streamed]) {
        expect(response).toMatchObject({ status: 413, body: { error: 'payload_too_large' } });
      }
      // Just under the limit, declared or streamed, the route reads the body and names what is wrong with it.
      const small = JSON.stringify({ pad: 'x'.repeat(MAX_BODY_BYTES - 20) });
      const read = await post({ ...auth, 'content-length': String(Buffer.byteLength(small)) }, [small]);
      expect(read).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
      const chunked = await post(auth, [small.slice(0, 30_000), small.slice(30_000)]);
      expect(chunked).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
      expect(dbSnapshot(vault.dir)).toEqual(before);
    } finally {
      server.close();
    }
  });

  it('logged every request without a token, and answered none with 5xx', () => {
    const seen = [...vault.logs, ...vault.bodies].join('\n');
    for (const token of vault.demo.issuedRefreshTokens()) expect(seen).not.toContain(token);
    expect(vault.logs.some((line) => /"status":5\d\d/.test(line))).toBe(false);
    expect(vault.logs.filter((line) => line.includes('"msg":"request"')).length).toBeGreaterThan(10);
  });

  it.each([
    ['webhook-deliveries', 'an unknown status', 'status=lost', /status/],
    ['webhook-deliveries', 'a limit of 0', 'limit=0', /limit/],
    ['webhook-deliveries', 'a limit that is not a number', 'limit=many', /limit/],
    ['webhook-deliveries', 'a forged cursor', 'cursor=eyJub3QiOiJvdXJzIn0', /cursor/],
    ['webhook-deliveries', 'a cursor that is not base64 JSON', 'cursor=%%%', /cursor/],
    ['webhook-deliveries', 'an unknown parameter', 'statuss=pending', /statuss/],
    ['connected-accounts', 'an unknown status', 'status=broken', /status/],
    ['connected-accounts', 'a limit above 200', 'limit=201', /limit/],
    ['connected-accounts', 'a forged cursor', 'cursor=eyJub3QiOiJvdXJzIn0', /cursor/],
  ])('answers 400 to an admin %s listing with %s', async (route, _name, query, message) => {
    const response = await vault.request(`${VAULT_URL}/v1/admin/${route}?${query}`, {
      headers: { authorization: `Bearer ${await sign({})}` },
    });
    const body = await response.json();
    expect({ status: response.status, error: body.error }).toEqual({ status: 400, error: 'invalid_request' });
    expect(body.message).toMatch(message);
  });

  it('refuses the admin routes to a client without the admin role, and to no client', async () => {
    const reader = await vault.vault.clients.create({ env: 'development', name: 'reader', grants: [] }, OPERATOR);
    const forbidden = await vault.request(`${VAULT_URL}/v1/admin/webhook-deliveries`, {
      headers: { authorization: `Bearer ${await sign({}, {}, reader.accessKey)}` },
    });
    expect(forbidden.status).toBe(403);
    expect((await vault.request(`${VAULT_URL}/v1/admin/webhook-deliveries`)).status).toBe(401);
  });
});
