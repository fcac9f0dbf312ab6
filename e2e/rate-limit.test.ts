import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { dbSnapshot } from './support/db-snapshot.js';
import { APP_ORIGIN, type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// docs/security.md: the public browser routes are rate-limited per client, before any work; the limit is per client, resets
// after a minute, and leaves the authenticated service API alone.
describe('rate limits on the public routes', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ rateLimit: { requestsPerMinute: 3, trustProxy: true } });
  });
  afterAll(() => vault.close());

  // What the client writes comes first; the proxy appends the address it saw.
  const start = (client: string, written = '203.0.113.7') => startVia(vault, `${written}, ${client}`);

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

  it('cannot be dodged by writing a different X-Forwarded-For entry of its own on every request', async () => {
    // Regression: the leftmost entry, which the client writes, was taken as the client.
    for (let i = 0; i < 3; i++) expect((await start('10.0.0.3', `198.51.100.${i}`)).status).toBe(302);
    expect((await start('10.0.0.3', '198.51.100.99')).status).toBe(429);
  });

  it('falls back to the socket address for a header that is garbage or has no proxy entry', async () => {
    // In process there is no socket: every such request counts as one client, 'unknown'.
    const garbage = ['not-an-address', '1'.repeat(5_000), '', 'a:b:c:d:e:f:g:h:i:j:k:l:m:n:o:p:q:r:s:t:u:v:w:x'];
    const statuses = [];
    for (const header of garbage) statuses.push((await startVia(vault, header)).status);
    expect(statuses).toEqual([302, 302, 302, 429]);
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

describe('rate limits behind two proxies', () => {
  let vault: InProcessVault;
  beforeAll(async () => {
    vault = await startInProcessVault({ rateLimit: { requestsPerMinute: 2, trustProxy: 2 } });
  });
  afterAll(() => vault.close());

  it('takes the client from the entry the outer proxy appended, second from the right', async () => {
    // client-written, then the CDN's view of the client, then the load balancer's view of the CDN.
    const via = (written: string, client: string) => startVia(vault, `${written}, ${client}, 10.1.1.1`);
    expect((await via('198.51.100.1', '192.0.2.1')).status).toBe(302);
    expect((await via('198.51.100.2', '192.0.2.1')).status).toBe(302);
    expect((await via('198.51.100.3', '192.0.2.1')).status).toBe(429);
    expect((await via('198.51.100.1', '192.0.2.2')).status).toBe(302); // another client behind the same CDN node
  });

  it('counts a header with fewer entries than proxies as the socket address, not as its one entry', async () => {
    for (let i = 0; i < 2; i++) expect((await startVia(vault, `192.0.2.${50 + i}`)).status).toBe(302);
    expect((await startVia(vault, '192.0.2.60')).status).toBe(429);
  });
});

function startVia(vault: InProcessVault, forwardedFor: string) {
  return vault.request(
    `${VAULT_URL}/api/auth/demo/start?scope=&origin=${encodeURIComponent(APP_ORIGIN)}&flow=popup&env=development`,
    { headers: { 'x-forwarded-for': forwardedFor } },
  );
}
