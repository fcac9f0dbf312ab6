import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type CreatedClient, type GrantInput, OPERATOR } from '@tokenvault/core';
import { parseAccessKey, signServiceToken } from '@tokenvault/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthressClient, type SdkFailure, TokenVerifier } from './support/authress-sdk.js';
import { type InProcessVault, startInProcessVault } from './support/in-process-vault.js';

// The unmodified @authress/sdk, pointed at the vault over real HTTP, reads tokens, gets clear 4xx answers it does
// not retry, leaves an audit trail naming its key, and verifies vault-signed tokens against the vault's JWKS.
describe('@authress/sdk against the vault', () => {
  let vault: InProcessVault;
  let server: Server;
  let baseUrl: string;
  let reader: CreatedClient;
  /** Requests the server saw, by decoded path. */
  const hits = new Map<string, number>();

  beforeAll(async () => {
    vault = await startInProcessVault();
    server = serve({
      fetch: (req: Request) => {
        const path = decodeURIComponent(new URL(req.url).pathname);
        hits.set(path, (hits.get(path) ?? 0) + 1);
        return vault.app.fetch(req);
      },
      hostname: '127.0.0.1',
      port: 0,
    }) as Server;
    if (!server.listening) await once(server, 'listening');
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    reader = await client([{ role: 'credentials-reader', resource: 'connections/demo/users/*/credentials' }]);
  });
  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    await vault?.close();
  });

  const client = (grants: GrantInput[]) =>
    vault.vault.clients.create({ env: 'development', name: 'sdk test', grants }, OPERATOR);
  const sdk = (accessKey: string) => new AuthressClient({ authressApiUrl: baseUrl }, accessKey);
  const credentials = (accessKey: string, userId: string, provider = 'demo') =>
    sdk(accessKey).connections.getConnectionCredentials(provider, userId);
  const rejection = (promise: Promise<unknown>) =>
    promise.then(
      () => expect.fail('the SDK call resolved'),
      (error: unknown) => error as SdkFailure,
    );
  /** The token the vault's own route hands out now (no minimum validity asked, so it refreshes nothing). */
  async function ownRouteToken(base: string) {
    const response = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      body: '{}',
    });
    return ((await response.json()) as { accessToken: string }).accessToken;
  }

  it('reads a linked user token through getConnectionCredentials, never a refresh token', async () => {
    // A reader on connections/demo/users/*/credentials gets 200 {accessToken}: the token the vault holds.
    const { userId, base, popupToken } = await vault.link('ann');
    const response = await credentials(reader.accessKey, userId);
    expect(response.status).toBe(200);
    expect(Object.keys(response.data)).toEqual(['accessToken']);
    // The demo's tokens last 60 s; the route asks for 5 minutes, so the vault refreshed before answering.
    expect(response.data.accessToken).not.toBe(popupToken);
    expect(response.data.accessToken).toBe(await ownRouteToken(base));
    const body = JSON.stringify(response.data);
    expect(vault.demo.issuedRefreshTokens().length).toBeGreaterThan(0);
    for (const refreshToken of vault.demo.issuedRefreshTokens()) expect(body).not.toContain(refreshToken);
  });

  it('answers 403 to a client without a grant covering the credential', async () => {
    // No grant at all, or a grant on another provider only: forbidden, whoever the user is.
    const { userId } = await vault.link('bob');
    const nobody = await client([]);
    const elsewhere = await client([{ role: 'credentials-reader', resource: 'connections/other-provider' }]);
    expect((await rejection(credentials(nobody.accessKey, userId))).status).toBe(403);
    expect((await rejection(credentials(elsewhere.accessKey, userId))).status).toBe(403);
    // The reader's grant covers demo only.
    expect((await rejection(credentials(reader.accessKey, 'plain:bob', 'plain'))).status).toBe(403);
  });

  it('answers needs_reauth with a 409 that the SDK does not retry', async () => {
    // Re-authorization is a 4xx, never a 5xx: the SDK would retry a 5xx five times.
    const { id, userId } = await vault.link('rita');
    const row = await vault.store.getAccountById(id);
    expect(await vault.store.updateAccount(id, row?.version ?? -1, { status: 'needs_reauth' })).toBe(true);
    const path = `/v1/connections/demo/users/${userId}/credentials`;
    const failure = await rejection(credentials(reader.accessKey, userId));
    expect(failure.status).toBe(409);
    expect(failure.data.error).toBe('needs_reauth');
    expect(hits.get(path)).toBe(1);
  });

  it('answers 404 for a user without an account and 401 once the key is revoked', async () => {
    // A user with no demo account is not found; a revoked kid is refused even in a JWT the SDK cached.
    expect((await rejection(credentials(reader.accessKey, 'demo:nobody'))).status).toBe(404);
    const { userId } = await vault.link('rob');
    const doomed = await client([{ role: 'credentials-reader', resource: 'connections/demo' }]);
    const api = sdk(doomed.accessKey);
    expect((await api.connections.getConnectionCredentials('demo', userId)).status).toBe(200);
    await vault.vault.clients.revokeKey('development', doomed.client.id, doomed.keyId, OPERATOR);
    expect((await rejection(api.connections.getConnectionCredentials('demo', userId))).status).toBe(401);
  });

  it('keeps user ids with "|", spaces and unicode intact through the round trip', async () => {
    // The demo login becomes the provider account id, so the user id is demo:auth0|u 42 ✓ end to end.
    const { userId, base } = await vault.link('auth0|u 42 ✓');
    expect(userId).toBe('demo:auth0|u 42 ✓');
    const response = await credentials(reader.accessKey, userId);
    expect(response.status).toBe(200);
    expect(response.data.accessToken).toBe(await ownRouteToken(base));
    expect(hits.get(`/v1/connections/demo/users/${userId}/credentials`)).toBe(1);
  });

  it("records the SDK's reads in the audit log under the client and the key it used", async () => {
    // Successes and failures alike: action credentials.read, principal client:<id>, keyId of the access key.
    // (Reads the rows the reader's calls in the tests above left.)
    const rows = await vault.store.listAudit('development', { limit: 50, principal: `client:${reader.client.id}` });
    const reads = rows.filter((row) => row.action === 'credentials.read');
    expect(new Set(reads.map((row) => row.result))).toEqual(new Set(['ok', 'forbidden', 'needs_reauth', 'not_found']));
    expect(reads.every((row) => row.keyId === reader.keyId)).toBe(true);
    expect(reads).toContainEqual(expect.objectContaining({ result: 'ok', userId: 'demo:ann', provider: 'demo' }));
    expect(reads).toContainEqual(expect.objectContaining({ result: 'needs_reauth', userId: 'demo:rita' }));
    expect(reads).toContainEqual(expect.objectContaining({ result: 'forbidden', userId: 'plain:bob' }));
  });

  it("lets the SDK's TokenVerifier check vault-signed tokens against the vault's JWKS", async () => {
    // A live key verifies; a revoked one is left out of the JWKS and fails. The SDK caches keys per (JWKS URL,
    // kid) for the life of the process, so the revoked key is one it never fetched before.
    const signer = await client([]);
    const second = await vault.vault.clients.addKey('development', signer.client.id, OPERATOR);
    const sign = async (accessKey: string) => signServiceToken(parseAccessKey(accessKey), { baseUrl });
    const payload = await TokenVerifier(baseUrl, await sign(signer.accessKey));
    expect(payload).toMatchObject({ sub: signer.client.id, iss: `${baseUrl}/v1/clients/${signer.client.id}` });

    await vault.vault.clients.revokeKey('development', signer.client.id, second.keyId, OPERATOR);
    const jwks = await fetch(`${baseUrl}/v1/clients/${signer.client.id}/.well-known/openid-configuration/jwks`);
    const { keys } = (await jwks.json()) as { keys: { kid: string }[] };
    expect(keys.map((key) => key.kid)).toEqual([signer.keyId]);
    await expect(TokenVerifier(baseUrl, await sign(second.accessKey))).rejects.toThrow(/no matching public key/i);
  });
});
