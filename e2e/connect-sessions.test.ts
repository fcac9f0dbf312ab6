import type { GrantInput } from '@tokenvault/core';
import { OPERATOR } from '@tokenvault/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CookieJar } from './support/cookie-jar.js';
import { dbSnapshot } from './support/db-snapshot.js';
import { FROM_APP, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

const EXCHANGE = `${VAULT_URL}/api/auth/connect-session`;

// An app with its own login binds a browser to its user with a single-use connect-session token (docs/api.md):
// the accounts that browser links attach to that user and to no other.
describe('connect sessions', () => {
  let vault: InProcessVault;
  let manager: string;

  beforeAll(async () => {
    vault = await startInProcessVault();
    manager = await jwtFor([{ role: 'connections-manager' }]);
  });
  afterAll(() => vault.close());

  async function jwtFor(grants: GrantInput[]) {
    const created = await vault.vault.clients.create({ env: 'development', name: 'app', grants }, OPERATOR);
    return vault.jwt(created.accessKey);
  }

  async function create(body: object, jwt = manager) {
    const response = await vault.request(`${VAULT_URL}/v1/connect-sessions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${jwt}` },
      body: JSON.stringify(body),
    });
    return { status: response.status, body: await response.json() };
  }

  const redeem = (jar: CookieJar, token: string, headers: Record<string, string> = FROM_APP) =>
    jar.fetch(EXCHANGE, { method: 'POST', headers, body: JSON.stringify({ token }) });

  it('binds the browser to the user, so the account it links is that user’s', async () => {
    // u_42 links the demo account `mia`: the account belongs to u_42, not to the sign-in user demo:mia.
    const created = await create({ userId: 'u_42', provider: 'demo', scopes: ['email'], expiresInSeconds: 600 });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      connectUrl: `${VAULT_URL}/connect#session=${created.body.token}`,
      provider: 'demo',
      scopes: ['email'],
    });
    expect(Date.parse(created.body.expiresAt) - Date.now()).toBeLessThanOrEqual(600_000);
    const jar = vault.newJar();
    const redeemed = await redeem(jar, created.body.token);
    expect(redeemed.status).toBe(200);
    expect(await redeemed.json()).toMatchObject({ env: 'development', userId: 'u_42', provider: 'demo' });
    await vault.connect(jar, 'mia');
    expect((await vault.vault.listAccounts('development', 'u_42', OPERATOR)).map((a) => a.providerAccountId)).toEqual([
      'mia',
    ]);
    expect(await vault.vault.listAccounts('development', 'demo:mia', OPERATOR)).toEqual([]);
  });

  it('is single-use and expires', async () => {
    // A second use, an expired token and a forged one are all 401, and none creates a session.
    const once = await create({ userId: 'u_once' });
    expect((await redeem(vault.newJar(), once.body.token)).status).toBe(200);
    const again = vault.newJar();
    expect((await redeem(again, once.body.token)).status).toBe(401);
    expect(again.get('tokenvault_session')).toBeUndefined();

    const short = await create({ userId: 'u_late', expiresInSeconds: 60 });
    vault.clock.offsetMs = 61_000;
    try {
      expect((await redeem(vault.newJar(), short.body.token)).status).toBe(401);
    } finally {
      vault.clock.offsetMs = 0;
    }
    expect((await redeem(vault.newJar(), 'forged-token')).status).toBe(401);
  });

  it('accepts the token only from script on an app origin, and a refused attempt does not use it up', async () => {
    // Without X-Requested-With, or from a foreign or missing Origin, a link or form could plant a session.
    const created = await create({ userId: 'u_csrf' });
    const jar = vault.newJar();
    const { origin: _, ...noOrigin } = FROM_APP;
    expect((await redeem(jar, created.body.token, { ...FROM_APP, 'x-requested-with': '' })).status).toBe(401);
    expect((await redeem(jar, created.body.token, { ...FROM_APP, origin: 'https://evil.example' })).status).toBe(403);
    expect((await redeem(jar, created.body.token, noOrigin)).status).toBe(400);
    expect(jar.get('tokenvault_session')).toBeUndefined();
    expect((await redeem(jar, created.body.token)).status).toBe(200);
  });

  it("moves a browser signed in as another user to the token's user, dropping the other user's handles", async () => {
    // The browser signed in as demo:old; after the exchange it is u_new's, and demo:old's token is out of reach.
    const jar = vault.newJar();
    await vault.connect(jar, 'old');
    const refresh = () =>
      jar.fetch(`${VAULT_URL}/api/auth/demo/refresh?env=development`, {
        headers: { 'x-requested-with': 'XMLHttpRequest' },
      });
    expect((await refresh()).status).toBe(200);
    const created = await create({ userId: 'u_new' });
    expect((await redeem(jar, created.body.token)).status).toBe(200);
    expect((await refresh()).status).toBe(401);
    expect(jar.get('demo-refresh-token')).toBeUndefined();
    await vault.connect(jar, 'fresh');
    expect((await vault.vault.listAccounts('development', 'u_new', OPERATOR)).map((a) => a.providerAccountId)).toEqual([
      'fresh',
    ]);
  });

  it('needs connect-sessions:create on the user’s accounts of that provider', async () => {
    // A reader cannot mint sessions; a manager of `plain` cannot for `demo`, nor for every provider.
    const reader = await jwtFor([{ role: 'credentials-reader' }]);
    expect((await create({ userId: 'u_1' }, reader)).status).toBe(403);
    const plainManager = await jwtFor([{ role: 'connections-manager', resource: 'connections/plain' }]);
    expect((await create({ userId: 'u_1', provider: 'demo' }, plainManager)).status).toBe(403);
    expect((await create({ userId: 'u_1' }, plainManager)).status).toBe(403);
    expect((await create({ userId: 'u_1', provider: 'plain' }, plainManager)).status).toBe(201);
    const oneUser = await jwtFor([{ role: 'connections-manager', resource: 'connections/*/users/u_1' }]);
    expect((await create({ userId: 'u_1' }, oneUser)).status).toBe(201);
    expect((await create({ userId: 'u_2' }, oneUser)).status).toBe(403);
  });

  it.each([
    ['no userId', {}, 400],
    ['an empty userId', { userId: '' }, 400],
    ['a lifetime over 30 minutes', { userId: 'u', expiresInSeconds: 1801 }, 400],
    ['an unknown field', { userId: 'u', user: 'u' }, 400],
    ['an unknown provider', { userId: 'u', provider: 'nope' }, 404],
  ])('answers %s with a clear 4xx and writes nothing', async (_, body, status) => {
    const before = dbSnapshot(vault.dir);
    const answer = await create(body);
    expect(answer.status).toBe(status);
    expect(answer.body.token).toBeUndefined();
    expect(dbSnapshot(vault.dir)).toEqual(before);
  });

  it('records who created each connect session', async () => {
    await create({ userId: 'u_audit', provider: 'demo' });
    const rows = await vault.store.listAudit('development', { limit: 5, userId: 'u_audit' });
    expect(rows.map((r) => [r.action, r.provider, r.principal.startsWith('client:')])).toEqual([
      ['connect_session.created', 'demo', true],
    ]);
  });
});
