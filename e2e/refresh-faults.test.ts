import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AccountRow, FORCED_REFRESH_INTERVAL_SECONDS, OPERATOR, type Store } from '@tokenvault/core';
import { createSqliteStore } from '@tokenvault/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FaultProxy, startFaultProxy } from './support/fault-proxy.js';
import { type InProcessVault, startInProcessVault, VAULT_URL } from './support/in-process-vault.js';

// A fault proxy between the vault and the real provider's token endpoint makes refreshes fail the ways real
// providers do (docs/reliability.md, "Failure classes"). Each account is its own user, so back-off state does not leak between tests.
describe('refresh failures', () => {
  let proxy: FaultProxy;
  let vault: InProcessVault;
  beforeAll(async () => {
    proxy = await startFaultProxy();
    vault = await startInProcessVault({ tokenProxy: proxy });
  });
  afterAll(async () => {
    await vault?.close();
    await proxy?.close();
  });

  const linked = (login: string) => vault.link(login, 'faulty');

  /** A read that must refresh: the demo's tokens last 60 s, so an hour of validity needs a new one. */
  async function forcedRead(base: string) {
    const response = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
      body: JSON.stringify({ minValiditySeconds: 3600 }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  }

  /** What the proxy answers instead of the provider: a JSON body with this status. */
  const jsonAnswer = (status: number, body: object) =>
    ({ kind: 'status', status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }) as const;
  const stored = async (id: string) => (await vault.store.getAccountById(id)) as AccountRow;
  const events = async (id: string) => (await vault.store.listEvents(id)).map((e) => JSON.parse(e.payload));

  /** Moves the vault's clock past any back-off (5 minutes is the longest). */
  const afterBackoff = () => {
    vault.clock.offsetMs += 6 * 60_000;
  };

  it('keeps the credential on a 500, backs off without calling the provider, and recovers', async () => {
    const { id, base } = await linked('five');
    const before = await stored(id);
    proxy.next({ kind: 'status', status: 500, body: '<html>oops</html>' });
    const calls = proxy.matched;
    const failed = await forcedRead(base);
    expect(failed.status).toBe(503);
    expect(failed.body).toMatchObject({ error: 'provider_unavailable', retryAfter: expect.any(Number) });
    expect(proxy.matched - calls).toBe(1);
    const after = await stored(id);
    expect(after).toMatchObject({ status: 'active', failureCount: 1, refreshToken: before.refreshToken });
    expect(after.accessToken).toBe(before.accessToken);
    expect(after.lastError).toMatch(/HTTP 500/);
    expect(after.leaseOwner).toBeNull();

    // Within the back-off: answered at once, the provider left alone.
    expect((await forcedRead(base)).status).toBe(503);
    expect(proxy.matched - calls).toBe(1);

    afterBackoff();
    const recovered = await forcedRead(base);
    expect(recovered.status).toBe(200);
    expect(await stored(id)).toMatchObject({ status: 'active', failureCount: 0, lastError: null });
  });

  it('honours Retry-After on a 429', async () => {
    const { id, base } = await linked('slow');
    proxy.next({ kind: 'status', status: 429, headers: { 'retry-after': '42' }, body: '{"error":"slow_down"}' });
    const failed = await forcedRead(base);
    expect(failed.status).toBe(503);
    expect(failed.body.retryAfter).toBe(42);
    expect(failed.headers.get('retry-after')).toBe('42');
    const row = await stored(id);
    expect((row.nextRefreshAt as number) - Date.now() - vault.clock.offsetMs).toBeGreaterThan(40_000);
    const calls = proxy.matched;
    const again = await forcedRead(base);
    expect(again.body).toMatchObject({ error: 'provider_unavailable' });
    expect(again.body.retryAfter).toBeGreaterThan(35);
    expect(proxy.matched).toBe(calls);
    afterBackoff();
  });

  it('treats a connection reset as transient and keeps the credential', async () => {
    const { id, base } = await linked('net-reset');
    const before = await stored(id);
    proxy.next({ kind: 'reset' });
    const failed = await forcedRead(base);
    expect(failed.status).toBe(503);
    expect(failed.body.error).toBe('provider_unavailable');
    const after = await stored(id);
    expect(after).toMatchObject({ status: 'active', refreshToken: before.refreshToken, failureCount: 1 });
    expect(after.lastError).toMatch(/unreachable/);
    afterBackoff();
    expect((await forcedRead(base)).status).toBe(200);
  });

  it('treats a timeout as transient and keeps the credential', async () => {
    // Only this read runs with a short timeout (a second instance on the same database): linking and every
    // other call keep the default, so a busy machine cannot make them time out.
    const { id, base } = await linked('net-hang');
    const before = await stored(id);
    const impatient = await vault.twin(200);
    proxy.next({ kind: 'hang' });
    const read = impatient.getAccessToken(
      { env: 'development', userId: 'faulty:net-hang', accountId: id, minValiditySeconds: 3600 },
      OPERATOR,
    );
    await expect(read).rejects.toMatchObject({ code: 'provider_unavailable' });
    const after = await stored(id);
    expect(after).toMatchObject({ status: 'active', refreshToken: before.refreshToken, failureCount: 1 });
    expect(after.lastError).toMatch(/unreachable/);
    expect(after.leaseOwner).toBeNull();
    afterBackoff();
    expect((await forcedRead(base)).status).toBe(200);
  });

  it('marks the account needs_reauth at once for an error sent with HTTP 200, and says so in an event', async () => {
    const { id, base } = await linked('gh');
    proxy.next(
      jsonAnswer(200, {
        error: 'bad_refresh_token',
        error_description: 'The refresh token passed is incorrect or expired.',
      }),
    );
    const failed = await forcedRead(base);
    expect(failed.status).toBe(409);
    expect(failed.body.error).toBe('needs_reauth');
    expect(await stored(id)).toMatchObject({ status: 'needs_reauth', nextRefreshAt: null });
    expect((await stored(id)).lastError).toMatch(/bad_refresh_token/);
    const calls = proxy.matched;
    expect((await forcedRead(base)).status).toBe(409);
    expect(proxy.matched).toBe(calls);
    expect((await events(id)).map((e) => [e.type, e.data.from, e.data.to])).toEqual([
      ['account.connected', undefined, undefined],
      ['account.status_changed', 'active', 'needs_reauth'],
    ]);
    // The audit log has the same history: the link by the user, then the vault's own refresh that the provider
    // refused and the status change it made (those two may share a millisecond, so their order is not asserted).
    const history = await vault.store.listAudit('development', { limit: 10, userId: 'faulty:gh' });
    const changes = history
      .filter((e) => e.action !== 'credentials.read')
      .map((e) => [e.action, e.principal, e.result])
      .reverse();
    expect(changes[0]).toEqual(['account.connected', 'user:faulty:gh', 'ok']);
    expect(changes.slice(1)).toHaveLength(2);
    expect(changes.slice(1)).toEqual(
      expect.arrayContaining([
        ['account.status_changed', 'system', 'ok'],
        ['token.refresh', 'system', 'needs_reauth'],
      ]),
    );
  });

  it('puts the account in status error on invalid_client, logs it loudly, and recovers when the provider accepts us', async () => {
    const { id, base } = await linked('cfg');
    proxy.next(jsonAnswer(401, { error: 'invalid_client' }));
    const failed = await forcedRead(base);
    expect(failed.status).toBe(502);
    expect(failed.body.error).toBe('provider_error');
    expect(await stored(id)).toMatchObject({ status: 'error', lastError: expect.stringMatching(/invalid_client/) });
    const logged = vault.logs.map((line) => JSON.parse(line)).find((l) => l.accountId === id && l.level === 50);
    expect(logged?.msg).toMatch(/check the provider configuration/);

    afterBackoff();
    expect((await forcedRead(base)).status).toBe(200);
    expect((await stored(id)).status).toBe('active');
    expect((await events(id)).map((e) => [e.data.from, e.data.to])).toEqual([
      [undefined, undefined],
      ['active', 'error'],
      ['error', 'active'],
    ]);
  });

  it('cannot save a grant whose rotated refresh token the network lost: the account ends in needs_reauth', async () => {
    // The provider rotated, the answer never arrived: the stored refresh token is now a used one, and the
    // provider's reuse detection revokes the grant on the next try. Nothing can recover it; the status says so.
    const { id, base } = await linked('lost');
    const grantsBefore = vault.demo.stats.refreshGrants;
    proxy.next({ kind: 'lose-response' });
    expect((await forcedRead(base)).status).toBe(503);
    expect(vault.demo.stats.refreshGrants - grantsBefore).toBe(1);
    expect((await stored(id)).status).toBe('active');
    afterBackoff();
    const next = await forcedRead(base);
    expect(next.status).toBe(409);
    expect((await stored(id)).status).toBe('needs_reauth');
  });

  it('treats invalid_grant as a race, not a death, when the account was re-linked during the refresh', async () => {
    const { id, base } = await linked('race');
    let release: (fault: ReturnType<typeof jsonAnswer>) => void = () => {};
    proxy.next({ kind: 'hold', until: new Promise((resolve) => (release = resolve)) });
    const arrived = proxy.arrived(proxy.matched + 1);
    const reading = forcedRead(base);
    await arrived;
    await vault.connect(vault.newJar(), 'race', 'faulty'); // the user connects again meanwhile
    const relinked = await stored(id);
    release(jsonAnswer(400, { error: 'invalid_grant' }));
    const result = await reading;
    expect(result.status).toBe(200);
    expect((await stored(id)).status).toBe('active');
    expect((await stored(id)).accessToken).toBe(relinked.accessToken);
    expect((await stored(id)).leaseOwner).toBeNull();
  });

  it('keeps the stored refresh token when a refresh answer has none, and stores the new token before serving it', async () => {
    // Google and others omit refresh_token on refresh; replacing the stored one with nothing would end the grant.
    const { id, base } = await linked('norotate');
    const before = await stored(id);
    proxy.next(jsonAnswer(200, { access_token: 'fresh-without-rotation', token_type: 'Bearer', expires_in: 7200 }));
    const result = await forcedRead(base);
    expect(result.status).toBe(200);
    expect(result.body.accessToken).toBe('fresh-without-rotation');
    const after = await stored(id);
    expect(after.refreshToken).toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    // What was served is what is stored: a read that needs no refresh returns it, and the kept refresh token
    // still works at the provider.
    const plain = await vault.request(`${base}/access-token`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await vault.jwt()}` },
    });
    expect((await plain.json()).accessToken).toBe('fresh-without-rotation');
    vault.clock.offsetMs += 7200_000;
    expect((await forcedRead(base)).status).toBe(200);
  });

  it('lists the accounts that need re-authentication for operators, page by page', async () => {
    const list = async (query: string) => {
      const response = await vault.request(`${VAULT_URL}/v1/admin/connected-accounts?${query}`, {
        headers: { authorization: `Bearer ${await vault.jwt()}` },
      });
      expect(response.status).toBe(200);
      return (await response.json()) as { items: { userId: string; status: string }[]; nextCursor: string | null };
    };
    const all = await list('status=needs_reauth');
    // 'gh' (an error with HTTP 200) and 'lost' (the rotated token lost on the network) ended there above.
    expect(all.items.map((a) => a.userId).sort()).toEqual(['faulty:gh', 'faulty:lost']);
    expect(all.items.every((a) => a.status === 'needs_reauth')).toBe(true);
    const first = await list('status=needs_reauth&limit=1');
    expect(first.nextCursor).toEqual(expect.any(String));
    const second = await list(`status=needs_reauth&limit=1&cursor=${first.nextCursor}`);
    expect([...first.items, ...second.items]).toEqual(all.items);
    expect((await list('status=needs_reauth&provider=demo')).items).toEqual([]);
  });

  it('counts every outcome in /metrics', async () => {
    const response = await vault.request(`${VAULT_URL}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    const count = (labels: string) =>
      Number(new RegExp(`^tokenvault_refreshes_total\\{${labels}\\} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
    for (const result of ['refreshed', 'transient', 'needs_reauth', 'config_error']) {
      expect(count(`provider="faulty",trigger="on_demand",result="${result}"`), result).toBeGreaterThan(0);
    }
    expect(text).toMatch(
      /^tokenvault_provider_request_duration_seconds_count\{provider="faulty",operation="refresh"\} \d+$/m,
    );
    expect(text).not.toMatch(/faulty:/); // labels never name users
  });

  it('never lets a refresh token out: not in any response body, log line or event', async () => {
    const issued = vault.demo.issuedRefreshTokens();
    expect(issued.length).toBeGreaterThan(8);
    const events = (
      await Promise.all(
        (
          await vault.vault.listAccounts('development', 'faulty:five', OPERATOR)
        ).map((a) => vault.store.listEvents(a.id)),
      )
    ).flat();
    const everything = [...vault.bodies, ...vault.logs, ...events.map((e) => e.payload)].join('\n');
    for (const token of issued) expect(everything).not.toContain(token);
  });
});

describe('a commit that fails', () => {
  it('is retried, so the rotated refresh token the provider just issued is not dropped', async () => {
    // The real SQLite store, with its next writes of a new token set failing as an unreachable database would.
    let failures = 0;
    const flaky = (store: Store): Store => ({
      ...store,
      async updateAccount(id, version, change, outbox) {
        if (change.accessToken !== undefined && failures > 0) {
          failures -= 1;
          throw new Error('database unavailable');
        }
        return store.updateAccount(id, version, change, outbox);
      },
    });
    const dir = await mkdtemp(join(tmpdir(), 'tokenvault-commit-'));
    const vault = await startInProcessVault({
      dir,
      openStore: () => flaky(createSqliteStore({ filename: join(dir, 'vault.db') })),
    });
    try {
      await vault.connect(vault.newJar(), 'commit');
      const [account] = await vault.vault.listAccounts('development', 'demo:commit', OPERATOR);
      const read = () =>
        vault.vault.getAccessToken(
          {
            env: 'development',
            userId: 'demo:commit',
            accountId: account?.id as string,
            minValiditySeconds: 3600,
          },
          OPERATOR,
        );
      const grants = vault.demo.stats.refreshGrants;
      failures = 2;
      const first = await read();
      expect(failures).toBe(0);
      expect(vault.demo.stats.refreshGrants - grants).toBe(1);
      expect(vault.logs.some((line) => line.includes('storing a refreshed token set failed; retrying'))).toBe(true);
      // Had the rotated refresh token been dropped, this refresh would reuse the old one and the provider would
      // revoke the grant. (A forced refresh right after another serves that one: the clock moves past the interval.)
      vault.clock.offsetMs = FORCED_REFRESH_INTERVAL_SECONDS * 1000;
      const second = await read();
      expect(second.accessToken).not.toBe(first.accessToken);
      expect((await vault.vault.getAccount('development', 'demo:commit', account?.id as string, OPERATOR)).status).toBe(
        'active',
      );
    } finally {
      await vault.close();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
