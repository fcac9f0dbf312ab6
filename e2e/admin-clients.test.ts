import { parseAccessKey } from '@tokenvault/sdk-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// Operators manage clients, keys and grants over /v1/admin/clients; every change and every credential read lands
// in the audit log with who did it, and a key is shown once and never stored.
describe('client management and the audit log', () => {
  let vault: InProcessVault;
  let alice: Awaited<ReturnType<InProcessVault['link']>>;
  let adminId: string;

  beforeAll(async () => {
    vault = await startInProcessVault();
    alice = await vault.link('alice');
    adminId = parseAccessKey(vault.adminKey).clientId;
  });
  afterAll(() => vault.close());

  async function call(method: string, path: string, body?: unknown, jwt?: string) {
    const response = await vault.request(`${VAULT_URL}${path}`, {
      method,
      headers: { authorization: `Bearer ${jwt ?? (await vault.jwt())}` },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    return { status: response.status, requestId: response.headers.get('x-request-id'), body: await response.json() };
  }

  const tokenPath = () => `/v1/users/${encodeURIComponent(alice.userId)}/connected-accounts/${alice.id}/access-token`;
  const readWith = async (accessKey: string) => call('POST', tokenPath(), {}, await vault.jwt(accessKey));

  it('creates a client whose key works at once, and shows the key in that response only', async () => {
    // The create response is the one place the private key appears; lists and reads show metadata only.
    const created = await call('POST', '/v1/admin/clients', {
      name: 'nightly-sync',
      grants: [{ role: 'credentials-reader', resource: 'connections/demo' }],
    });
    expect(created.status).toBe(201);
    expect(created.body.client).toMatchObject({
      name: 'nightly-sync',
      grants: [{ role: 'credentials-reader', resource: 'connections/demo' }],
      keys: [{ id: created.body.keyId, revokedAt: null, expiresAt: null, lastUsedAt: null }],
    });
    expect((await readWith(created.body.accessKey)).status).toBe(200);

    const secret = (created.body.accessKey as string).split('.')[3] as string;
    const listed = await call('GET', '/v1/admin/clients');
    const shown = await call('GET', `/v1/admin/clients/${created.body.client.id}`);
    for (const text of [JSON.stringify(listed.body), JSON.stringify(shown.body), vault.logs.join('\n')]) {
      expect(text).not.toContain(secret);
    }
    expect(JSON.stringify(dbSnapshot(vault.dir))).not.toContain(secret);
    // The key authenticated once, so it now has a last use.
    expect(shown.body.keys[0].lastUsedAt).not.toBeNull();
  });

  it('runs a key rotation: add a second key, both work, revoke the first, only the second works', async () => {
    // Several keys may be active; revoking one is refused on the very next request, the other keeps working.
    const created = await call('POST', '/v1/admin/clients', { name: 'rotating', grants: [{ role: 'admin' }] });
    const id = created.body.client.id;
    const second = await call('POST', `/v1/admin/clients/${id}/keys`, {});
    expect(second.status).toBe(201);
    expect((await readWith(created.body.accessKey)).status).toBe(200);
    expect((await readWith(second.body.accessKey)).status).toBe(200);
    expect((await call('DELETE', `/v1/admin/clients/${id}/keys/${created.body.keyId}`)).status).toBe(200);
    expect(await readWith(created.body.accessKey)).toMatchObject({ status: 401, body: { error: 'unauthorized' } });
    expect((await readWith(second.body.accessKey)).status).toBe(200);
    const again = await call('DELETE', `/v1/admin/clients/${id}/keys/${created.body.keyId}`);
    expect(again.status).toBe(200); // revoking twice is harmless
    expect((await call('DELETE', `/v1/admin/clients/${id}/keys/k_none`)).status).toBe(404);
  });

  it('refuses a key past its expiry', async () => {
    // A key with expiresAt stops working then, however recently it was cached.
    const created = await call('POST', '/v1/admin/clients', { name: 'temp', grants: [{ role: 'admin' }] });
    const expiresAt = new Date(Date.now() + 60 * 60_000).toISOString();
    const key = await call('POST', `/v1/admin/clients/${created.body.client.id}/keys`, { expiresAt });
    expect(key.body.expiresAt).toBe(expiresAt);
    expect((await readWith(key.body.accessKey)).status).toBe(200);
    vault.clock.offsetMs = 61 * 60_000;
    try {
      expect(await readWith(key.body.accessKey)).toMatchObject({ status: 401, body: { message: /expired/ } });
    } finally {
      vault.clock.offsetMs = 0;
    }
  });

  it('stops a time-boxed grant at its expiry, and lets granting it again extend it', async () => {
    // A grant with expiresAt allows nothing from then on, however recently its client's grants were cached.
    const created = await call('POST', '/v1/admin/clients', { name: 'boxed' });
    const id = created.body.client.id;
    // Half a minute, and the clock moved just past it: the audit rows it writes stay within a minute of now.
    const expiresAt = new Date(Date.now() + 30_000).toISOString();
    const grant = { role: 'credentials-reader', resource: `connections/demo/users/${alice.userId}` };
    const granted = await call('POST', `/v1/admin/clients/${id}/grants`, { ...grant, expiresAt });
    expect(granted).toMatchObject({ status: 201, body: { ...grant, expiresAt } });
    expect((await call('GET', `/v1/admin/clients/${id}`)).body.grants).toEqual([{ ...grant, expiresAt }]);
    expect((await readWith(created.body.accessKey)).status).toBe(200);
    vault.clock.offsetMs = 31_000;
    try {
      expect(await readWith(created.body.accessKey)).toMatchObject({ status: 403, body: { error: 'forbidden' } });
      const later = new Date(Date.now() + 2 * 60 * 60_000).toISOString();
      const extended = await call('POST', `/v1/admin/clients/${id}/grants`, { ...grant, expiresAt: later });
      expect(extended).toMatchObject({ status: 201, body: { expiresAt: later } });
      expect((await readWith(created.body.accessKey)).status).toBe(200);
      const past = new Date(Date.now()).toISOString();
      expect(await call('POST', `/v1/admin/clients/${id}/grants`, { ...grant, expiresAt: past })).toMatchObject({
        status: 400,
        body: { message: 'a grant must expire in the future' },
      });
    } finally {
      vault.clock.offsetMs = 0;
    }
    const changes = (await vault.store.listAudit('development', { limit: 200 })).filter(
      (row) => row.action === 'grant.added' && row.detail?.includes(id),
    );
    expect(changes).toHaveLength(2);
  });

  it('applies a grant change on the next request, and removes a deleted client entirely', async () => {
    // Granting, revoking a grant and deleting the client each take effect at once in this process.
    const created = await call('POST', '/v1/admin/clients', { name: 'grantee' });
    const id = created.body.client.id;
    expect((await readWith(created.body.accessKey)).status).toBe(403);
    const grant = { role: 'credentials-reader', resource: `connections/demo/users/${alice.userId}` };
    expect(await call('POST', `/v1/admin/clients/${id}/grants`, grant)).toMatchObject({ status: 201, body: grant });
    expect((await readWith(created.body.accessKey)).status).toBe(200);
    const query = `role=credentials-reader&resource=${encodeURIComponent(grant.resource)}`;
    expect((await call('DELETE', `/v1/admin/clients/${id}/grants?${query}`)).status).toBe(200);
    expect((await readWith(created.body.accessKey)).status).toBe(403);
    expect((await call('DELETE', `/v1/admin/clients/${id}/grants?${query}`)).status).toBe(404);
    expect((await call('DELETE', `/v1/admin/clients/${id}`)).status).toBe(200);
    expect((await readWith(created.body.accessKey)).status).toBe(401);
    expect((await call('GET', `/v1/admin/clients/${id}`)).status).toBe(404);
  });

  it.each([
    ['an unknown role', 'POST', '/v1/admin/clients', { name: 'x', grants: [{ role: 'root' }] }, /unknown role/],
    [
      'a path trick',
      'POST',
      '/v1/admin/clients',
      { name: 'x', grants: [{ role: 'admin', resource: 'connections/../clients' }] },
      /segments are refused/,
    ],
    ['no name', 'POST', '/v1/admin/clients', { grants: [] }, /name/],
    ['an unknown field', 'POST', '/v1/admin/clients', { name: 'x', roles: ['admin'] }, /roles/],
    [
      'a key expiry in the past',
      'POST',
      '/v1/admin/clients',
      { name: 'x', keyExpiresAt: '2001-01-01T00:00:00Z' },
      /future/,
    ],
    ['an expiry that is not a time', 'POST', '/v1/admin/clients/CLIENT/keys', { expiresAt: 'tomorrow' }, /expiresAt/],
    [
      'a grant on nothing known',
      'POST',
      '/v1/admin/clients/CLIENT/grants',
      { role: 'admin', resource: 'everything' },
      /must start with/,
    ],
    ['a JSON array', 'POST', '/v1/admin/clients', [], /input/],
  ])('answers 400 to %s and changes nothing', async (_, method, path, body, message) => {
    // Bad input is a clear 400, with nothing written.
    const target = await call('POST', '/v1/admin/clients', { name: 'target' });
    const before = dbSnapshot(vault.dir);
    const answer = await call(method, path.replace('CLIENT', target.body.client.id), body);
    expect({ status: answer.status, error: answer.body.error }).toEqual({ status: 400, error: 'invalid_request' });
    expect(answer.body.message).toMatch(message);
    expect(dbSnapshot(vault.dir)).toEqual(before);
  });

  it('refuses client management to a client without clients:manage', async () => {
    // A credentials reader cannot mint itself a key or a grant.
    const reader = await call('POST', '/v1/admin/clients', {
      name: 'reader',
      grants: [{ role: 'credentials-reader' }],
    });
    const jwt = await vault.jwt(reader.body.accessKey);
    const id = reader.body.client.id;
    for (const [method, path, body] of [
      ['POST', `/v1/admin/clients/${id}/keys`, {}],
      ['POST', `/v1/admin/clients/${id}/grants`, { role: 'admin' }],
      ['POST', '/v1/admin/clients', { name: 'mine', grants: [{ role: 'admin' }] }],
      ['GET', '/v1/admin/audit', undefined],
    ] as const) {
      expect((await call(method, path, body, jwt)).status).toBe(403);
    }
  });

  it('lets a client that manages only itself rotate its keys but not widen its own grants', async () => {
    // admin on clients/<self> may add a key to itself; granting itself the environment would be an escalation.
    const created = await call('POST', '/v1/admin/clients', { name: 'self-managed' });
    const id = created.body.client.id;
    expect(
      (await call('POST', `/v1/admin/clients/${id}/grants`, { role: 'admin', resource: `clients/${id}` })).status,
    ).toBe(201);
    const jwt = await vault.jwt(created.body.accessKey);
    expect((await call('POST', `/v1/admin/clients/${id}/keys`, {}, jwt)).status).toBe(201);
    const before = dbSnapshot(vault.dir);
    const widened = await call('POST', `/v1/admin/clients/${id}/grants`, { role: 'admin' }, jwt);
    expect(widened).toMatchObject({ status: 403, body: { error: 'forbidden', message: /does not hold it/ } });
    const reader = await call(
      'POST',
      `/v1/admin/clients/${id}/grants`,
      { role: 'credentials-reader', resource: 'connections/demo' },
      jwt,
    );
    expect(reader.status).toBe(403);
    expect((await call('GET', `/v1/admin/clients/${adminId}`, undefined, jwt)).status).toBe(403);
    expect(dbSnapshot(vault.dir)).toEqual(before);
  });

  it('refuses a key for a client whose grants the caller does not hold (regression: keys borrowed grants)', async () => {
    // admin on clients/<reader> once let a client mint a key for the reader and read every token with it.
    const reader = await call('POST', '/v1/admin/clients', {
      name: 'reader',
      grants: [{ role: 'credentials-reader' }],
    });
    const readerId = reader.body.client.id;
    const manager = await call('POST', '/v1/admin/clients', {
      name: 'manages-reader',
      grants: [{ role: 'admin', resource: `clients/${readerId}` }],
    });
    const jwt = await vault.jwt(manager.body.accessKey);
    const before = dbSnapshot(vault.dir);
    const minted = await call('POST', `/v1/admin/clients/${readerId}/keys`, {}, jwt);
    expect(minted).toMatchObject({
      status: 403,
      body: { error: 'forbidden', message: /cannot add a key to a client holding credentials-reader/ },
    });
    expect(dbSnapshot(vault.dir)).toEqual(before);
    // A caller holding the whole environment may add it.
    expect((await call('POST', `/v1/admin/clients/${readerId}/keys`, {})).status).toBe(201);
  });

  it('records every credential read, failures included, with the principal, key and request id', async () => {
    // The audit row names who read which account with which scopes, and what they got.
    const reader = await call('POST', '/v1/admin/clients', {
      name: 'audited',
      grants: [{ role: 'credentials-reader', resource: 'connections/demo' }],
    });
    const clientId = reader.body.client.id;
    const jwt = await vault.jwt(reader.body.accessKey);
    const ok = await call('POST', tokenPath(), { scopes: ['openid'] }, jwt);
    const lacking = await call('POST', tokenPath(), { scopes: ['calendar'] }, jwt);
    const missing = await call(
      'POST',
      `/v1/users/${encodeURIComponent(alice.userId)}/connected-accounts/ca_none/access-token`,
      {},
      jwt,
    );
    const forbidden = await call(
      'GET',
      `/v1/connections/plain/users/${encodeURIComponent(alice.userId)}/credentials`,
      undefined,
      jwt,
    );
    expect([ok.status, lacking.status, missing.status, forbidden.status]).toEqual([200, 403, 404, 403]);

    const log = await call('GET', `/v1/admin/audit?clientId=${clientId}&action=credentials.read`);
    expect(log.status).toBe(200);
    const byRequest = new Map(log.body.items.map((e: { requestId: string }) => [e.requestId, e]));
    const keyId = reader.body.keyId;
    const base = { action: 'credentials.read', principal: `client:${clientId}`, keyId, userId: alice.userId };
    expect(byRequest.get(ok.requestId)).toMatchObject({
      ...base,
      accountId: alice.id,
      provider: 'demo',
      scopes: ['openid'],
      result: 'ok',
    });
    expect(byRequest.get(lacking.requestId)).toMatchObject({
      ...base,
      accountId: alice.id,
      scopes: ['calendar'],
      result: 'missing_scopes',
    });
    expect(byRequest.get(missing.requestId)).toMatchObject({ ...base, accountId: 'ca_none', result: 'not_found' });
    expect(byRequest.get(forbidden.requestId)).toMatchObject({ ...base, provider: 'plain', result: 'forbidden' });
    expect(log.body.items).toHaveLength(4);
  });

  it('records key, grant and client changes by their principal, and account links and unlinks', async () => {
    // Changes made over the API name the admin client; the link names the user; the unlink names the client.
    const created = await call('POST', '/v1/admin/clients', { name: 'changes' });
    const id = created.body.client.id;
    await call('POST', `/v1/admin/clients/${id}/grants`, { role: 'admin' });
    const changes = await call('GET', `/v1/admin/audit?clientId=${adminId}&limit=200`);
    const mine = changes.body.items.filter((e: { detail: { clientId?: string } | null }) => e.detail?.clientId === id);
    expect(mine.map((e: { action: string }) => e.action).sort()).toEqual([
      'client.created',
      'grant.added',
      'key.added',
    ]);

    const carol = await vault.link('carol');
    await call('DELETE', `/v1/users/${encodeURIComponent(carol.userId)}/connected-accounts/${carol.id}`);
    const history = await call('GET', `/v1/admin/audit?userId=${encodeURIComponent(carol.userId)}`);
    expect(history.body.items.map((e: { action: string; principal: string }) => [e.action, e.principal])).toEqual([
      ['account.disconnected', `client:${adminId}`],
      ['account.connected', `user:${carol.userId}`],
    ]);
  });

  it('filters the audit log by time and pages through it newest first', async () => {
    // since/until bound the window; the cursor walks it without repeats or gaps.
    const all = await call('GET', '/v1/admin/audit?limit=200');
    const pages: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof call>> = await call(
        'GET',
        `/v1/admin/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      pages.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(pages).toEqual(all.body.items.map((e: { id: string }) => e.id));
    const times = all.body.items.map((e: { at: string }) => Date.parse(e.at));
    expect([...times].sort((a, b) => b - a)).toEqual(times);

    const future = new Date(Date.now() + 60_000).toISOString();
    expect((await call('GET', `/v1/admin/audit?since=${future}`)).body.items).toEqual([]);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    expect((await call('GET', `/v1/admin/audit?until=${past}`)).body.items).toEqual([]);
    for (const bad of ['since=yesterday', 'limit=0', 'cursor=%%%', 'who=me']) {
      expect((await call('GET', `/v1/admin/audit?${bad}`)).status).toBe(400);
    }
  });
});
