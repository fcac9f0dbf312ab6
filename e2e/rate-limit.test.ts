import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// SPEC §7: the public browser routes are rate-limited per client, before any work; the limit is per client, resets
// after a minute, and leaves the authenticated service API alone.
describe('rate limits on the public routes', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ rateLimit: { requestsPerMinute: 3, trustProxy: true } });
  });
  afterAll(() => vault.close());

  const start = (client: string) =>
    vault.request(
      `${VAULT_URL}/api/auth/demo/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
      { headers: { 'x-forwarded-for': `${client}, 10.9.9.9` } },
    );

  it('answers 429 with Retry-After once a client passes its limit, and writes nothing for it', async () => {
    for (let i = 0; i < 3; i++) expect((await start('10.0.0.1')).status).toBe(302);
    const before = dbSnapshot(vault.dir);
    const refused = await start('10.0.0.1');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await refused.json()).toMatchObject({ error: 'rate_limited', retryAfter: expect.any(Number) });
    expect(dbSnapshot(vault.dir)).toEqual(before); // no flow for the refused /start
  });

  it('counts each client on its own, and leaves the service API alone', async () => {
    expect((await start('10.0.0.2')).status).toBe(302);
    const api = await vault.request(`${VAULT_URL}/v1/users/nobody/connected-accounts`, {
      headers: { authorization: `Bearer ${await vault.jwt()}`, 'x-forwarded-for': '10.0.0.1' },
    });
    expect(api.status).toBe(200);
  });

  it('lets the client in again after the minute', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 61_000 });
    try {
      expect((await start('10.0.0.1')).status).toBe(302);
    } finally {
      vi.useRealTimers();
    }
  });
});
