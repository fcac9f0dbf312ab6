import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AccountRow,
  type AuditRow,
  type ClientKeyRow,
  type FlowRow,
  isVaultError,
  type Outbox,
  type Store,
} from '../src/index.js';

/** The Store contract, run by every adapter against its real database. */
export function storeConformance(name: string, open: () => Promise<{ store: Store; cleanup(): Promise<void> }>) {
  describe(`Store conformance: ${name}`, () => {
    let store: Store;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ store, cleanup } = await open());
      await store.migrate();
    });
    afterAll(async () => {
      await store.close();
      await cleanup();
    });

    it('migrates idempotently', async () => {
      await store.migrate();
      await store.ping();
    });

    it('stores an account and reads it back only within its environment and user', async () => {
      const row = account({ id: 'ca_read', userId: 'u_read' });
      await store.insertAccount(row);
      expect(await store.getAccount('development', 'u_read', 'ca_read')).toEqual(row);
      expect(await store.getAccount('production', 'u_read', 'ca_read')).toBeUndefined();
      expect(await store.getAccount('development', 'someone-else', 'ca_read')).toBeUndefined();
      expect(await store.findAccount(row)).toEqual(row);
      expect(await store.findAccount({ ...row, providerAccountId: 'other' })).toBeUndefined();
    });

    it('keeps times as numbers and large epoch milliseconds exact', async () => {
      const row = account({ id: 'ca_time', userId: 'u_time', expiresAt: 4_102_444_800_123, obtainedAt: 1 });
      await store.insertAccount(row);
      const read = await store.getAccount('development', 'u_time', 'ca_time');
      expect(read?.expiresAt).toBe(4_102_444_800_123);
      expect(typeof read?.createdAt).toBe('number');
    });

    it('refuses a second row for the same provider account of the same user', async () => {
      await store.insertAccount(account({ id: 'ca_dup1', userId: 'u_dup' }));
      const err = await store.insertAccount(account({ id: 'ca_dup2', userId: 'u_dup' })).catch((e) => e);
      expect(isVaultError(err, 'conflict')).toBe(true);
      expect(await store.listAccounts('development', 'u_dup')).toHaveLength(1);
    });

    it('lists a user’s accounts in link order', async () => {
      await store.insertAccount(account({ id: 'ca_l2', userId: 'u_list', providerAccountId: 'b', createdAt: 2 }));
      await store.insertAccount(account({ id: 'ca_l1', userId: 'u_list', providerAccountId: 'a', createdAt: 1 }));
      expect((await store.listAccounts('development', 'u_list')).map((a) => a.id)).toEqual(['ca_l1', 'ca_l2']);
      expect(await store.listAccounts('production', 'u_list')).toEqual([]);
    });

    it('updates only when the version still matches (compare-and-swap)', async () => {
      await store.insertAccount(account({ id: 'ca_cas', userId: 'u_cas' }));
      expect(await store.updateAccount('ca_cas', 1, { accessToken: 'second', refreshToken: null })).toBe(true);
      expect(await store.updateAccount('ca_cas', 1, { accessToken: 'stale' })).toBe(false);
      const read = await store.getAccount('development', 'u_cas', 'ca_cas');
      expect(read).toMatchObject({ version: 2, accessToken: 'second', refreshToken: null, idToken: 'id-ct' });
    });

    it('lets exactly one of two concurrent writers with the same version win', async () => {
      await store.insertAccount(account({ id: 'ca_race', userId: 'u_race' }));
      const results = await Promise.all([
        store.updateAccount('ca_race', 1, { accessToken: 'a' }),
        store.updateAccount('ca_race', 1, { accessToken: 'b' }),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('gives the refresh lease to one of two concurrent takers, and to a taker once it expired', async () => {
      await store.insertAccount(account({ id: 'ca_lease', userId: 'u_lease' }));
      const [a, b] = await Promise.all([
        store.acquireLease('ca_lease', 'p1', 1_000, 2_000),
        store.acquireLease('ca_lease', 'p2', 1_000, 2_000),
      ]);
      expect([a, b].filter(Boolean)).toHaveLength(1);
      const holder = (a ?? b)?.leaseOwner;
      expect(await store.acquireLease('ca_lease', 'p3', 1_999, 3_000)).toBeUndefined();
      const taken = await store.acquireLease('ca_lease', 'p3', 2_000, 3_000);
      expect(taken).toMatchObject({ leaseOwner: 'p3', leaseExpiresAt: 3_000, version: 1 });
      expect(await store.renewLease('ca_lease', holder as string, 2_500, 4_000)).toBeUndefined(); // lost it
      expect(await store.renewLease('ca_lease', 'p3', 3_000, 4_000)).toBeUndefined(); // expired at 3_000
      expect(await store.renewLease('ca_lease', 'p3', 2_999, 4_000)).toMatchObject({ leaseExpiresAt: 4_000 });
      await store.releaseLease('ca_lease', holder as string); // not the holder any more: no effect
      expect((await store.getAccountById('ca_lease'))?.leaseOwner).toBe('p3');
      await store.releaseLease('ca_lease', 'p3');
      expect(await store.getAccountById('ca_lease')).toMatchObject({ leaseOwner: null, leaseExpiresAt: null });
    });

    it("releases all of one owner's account and delivery leases, and nobody else's", async () => {
      for (const [id, owner] of [
        ['ca_mine1', 'leaving'],
        ['ca_mine2', 'leaving'],
        ['ca_theirs', 'staying'],
      ] as const) {
        await store.insertAccount(
          account({ id, userId: 'u_leave', providerAccountId: id, leaseOwner: owner, leaseExpiresAt: 9_000 }),
          outbox(id, 1, ['https://leave']),
        );
      }
      // Earlier tests may have left pending deliveries of their own: this claim takes them too.
      const claimed = await store.claimDeliveries('leaving', Date.now(), Date.now() + 60_000, 100);
      expect(claimed.filter((d) => d.url === 'https://leave')).toHaveLength(3);
      expect(await store.releaseLeases('leaving')).toBe(claimed.length + 2);
      expect(await store.getAccountById('ca_mine1')).toMatchObject({
        leaseOwner: null,
        leaseExpiresAt: null,
        version: 1,
      });
      expect(await store.getAccountById('ca_theirs')).toMatchObject({ leaseOwner: 'staying', leaseExpiresAt: 9_000 });
      // The deliveries are free again: another process claims them at once.
      const again = await store.claimDeliveries('next', Date.now(), Date.now() + 60_000, 100);
      expect(again.filter((d) => d.url === 'https://leave')).toHaveLength(3);
      expect(await store.releaseLeases('leaving')).toBe(0);
      await store.releaseLeases('next');
    });

    it('claims due accounts earliest first, never the same one twice, skipping live leases', async () => {
      const due = [30, 10, 20].map((at) =>
        account({ id: `ca_due${at}`, userId: 'u_due', providerAccountId: `d${at}`, nextRefreshAt: at }),
      );
      for (const row of due) await store.insertAccount(row);
      await store.insertAccount(
        account({ id: 'ca_later', userId: 'u_due', providerAccountId: 'later', nextRefreshAt: 10_000 }),
      );
      await store.insertAccount(account({ id: 'ca_never', userId: 'u_due', providerAccountId: 'never' }));
      await store.insertAccount(
        account({
          id: 'ca_held',
          userId: 'u_due',
          providerAccountId: 'held',
          nextRefreshAt: 5,
          leaseOwner: 'x',
          leaseExpiresAt: 500,
        }),
      );
      const [first, second] = await Promise.all([
        store.claimDueAccounts('p1', 100, 200, 2),
        store.claimDueAccounts('p2', 100, 200, 2),
      ]);
      const ids = [...first, ...second].map((row) => row.id);
      expect(ids.sort()).toEqual(['ca_due10', 'ca_due20', 'ca_due30']);
      const ordered = first.length === 2 ? first : second;
      expect(ordered.map((row) => row.id)).toEqual(['ca_due10', 'ca_due20']);
      expect(await store.claimDueAccounts('p3', 150, 250, 10)).toEqual([]);
      // The expired lease of ca_held is claimable now, as are the leases p1 and p2 let lapse.
      const later = await store.claimDueAccounts('p3', 600, 700, 10);
      expect(later.map((row) => row.id)).toEqual(['ca_held', 'ca_due10', 'ca_due20', 'ca_due30']);
    });

    it('writes the outbox with the change, and not at all when the compare-and-swap fails', async () => {
      await store.insertAccount(account({ id: 'ca_out', userId: 'u_out' }), outbox('ca_out', 1, []));
      expect(
        await store.updateAccount('ca_out', 1, { status: 'needs_reauth' }, outbox('ca_out', 2, ['https://a'])),
      ).toBe(true);
      expect(await store.updateAccount('ca_out', 1, { status: 'error' }, outbox('ca_out', 2, ['https://a']))).toBe(
        false,
      );
      expect(await store.deleteAccount('development', 'u_out', 'ca_out', 1, outbox('ca_out', 3, ['https://a']))).toBe(
        false,
      );
      expect((await store.listEvents('ca_out')).map((e) => e.seq)).toEqual([1, 2]);
      expect(await store.deleteAccount('development', 'u_out', 'ca_out', 2, outbox('ca_out', 3, ['https://a']))).toBe(
        true,
      );
      expect((await store.listEvents('ca_out')).map((e) => e.seq)).toEqual([1, 2, 3]);
      const deliveries = await store.listDeliveries('development', { accountId: 'ca_out', limit: 10 });
      expect(deliveries.map((d) => d.seq).sort()).toEqual([2, 3]);
    });

    it('hands out deliveries in order per account and URL, fenced by their lease', async () => {
      await store.insertAccount(
        account({ id: 'ca_wh', userId: 'u_wh' }),
        outbox('ca_wh', 1, ['https://a', 'https://b']),
      );
      expect(await store.updateAccount('ca_wh', 1, { status: 'error' }, outbox('ca_wh', 2, ['https://a']))).toBe(true);
      // Only this test's account: the previous test left a pending delivery of its own.
      const claim = async () =>
        (await store.claimDeliveries('p1', Date.now(), Date.now() + 1_000, 10)).filter((d) => d.accountId === 'ca_wh');
      const first = await claim();
      expect(first.map((d) => [d.url, d.seq]).sort()).toEqual([
        ['https://a', 1],
        ['https://b', 1],
      ]);
      expect(JSON.parse(first[0]?.payload ?? '')).toEqual({ seq: first[0]?.seq });
      const a1 = first.find((d) => d.url === 'https://a') as (typeof first)[number];
      const attempt = { deliveryId: a1.id, attempt: 1, at: 1, status: 500, error: 'HTTP 500', durationMs: 3 };
      const retry = {
        status: 'pending' as const,
        attempts: 1,
        nextAttemptAt: 0,
        lastStatus: 500,
        lastError: 'HTTP 500',
        firstAttemptAt: 1,
        deliveredAt: null,
      };
      expect(await store.finishDelivery(a1.id, 'someone-else', retry, attempt)).toBe(false);
      expect(await store.finishDelivery(a1.id, 'p1', retry, attempt)).toBe(true);
      // seq 2 waits while seq 1 is pending, even though seq 1's lease is gone.
      const second = await claim();
      expect(second.map((d) => [d.url, d.seq, d.firstAttemptAt])).toEqual([['https://a', 1, 1]]);
      const done = {
        ...retry,
        status: 'delivered' as const,
        attempts: 2,
        lastStatus: 204,
        lastError: null,
        deliveredAt: 9,
      };
      expect(await store.finishDelivery(a1.id, 'p1', done, { ...attempt, attempt: 2, status: 204, error: null })).toBe(
        true,
      );
      const third = await claim();
      expect(third.map((d) => [d.url, d.seq])).toEqual([['https://a', 2]]);
      const attempts = await store.listAttempts([a1.id]);
      expect(attempts.map((a) => [a.attempt, a.status])).toEqual([
        [1, 500],
        [2, 204],
      ]);
      expect((await store.listDeliveries('production', { limit: 10 })).length).toBe(0);
      expect(
        (await store.listDeliveries('development', { accountId: 'ca_wh', status: 'delivered', limit: 10 })).map(
          (d) => d.id,
        ),
      ).toEqual([a1.id]);
    });

    it('lists every user’s accounts of an environment by status and provider, page by page', async () => {
      const rows = [
        account({ id: 'ca_all1', env: 'staging', userId: 'u1', providerAccountId: 'a', createdAt: 1 }),
        account({
          id: 'ca_all2',
          env: 'staging',
          userId: 'u2',
          providerAccountId: 'b',
          createdAt: 2,
          status: 'needs_reauth',
        }),
        account({
          id: 'ca_all3',
          env: 'staging',
          userId: 'u3',
          providerAccountId: 'c',
          createdAt: 2,
          status: 'needs_reauth',
        }),
        account({
          id: 'ca_all4',
          env: 'staging',
          userId: 'u3',
          provider: 'other',
          providerAccountId: 'd',
          createdAt: 3,
          status: 'needs_reauth',
        }),
      ];
      for (const row of rows) await store.insertAccount(row);
      const ids = (found: AccountRow[]) => found.map((row) => row.id);
      expect(ids(await store.listAllAccounts('staging', { limit: 10 }))).toEqual([
        'ca_all1',
        'ca_all2',
        'ca_all3',
        'ca_all4',
      ]);
      expect(ids(await store.listAllAccounts('staging', { status: 'needs_reauth', limit: 10 }))).toEqual([
        'ca_all2',
        'ca_all3',
        'ca_all4',
      ]);
      expect(
        ids(await store.listAllAccounts('staging', { status: 'needs_reauth', provider: 'demo', limit: 10 })),
      ).toEqual(['ca_all2', 'ca_all3']);
      const first = await store.listAllAccounts('staging', { status: 'needs_reauth', limit: 1 });
      const next = await store.listAllAccounts('staging', {
        status: 'needs_reauth',
        limit: 2,
        after: { createdAt: 2, id: 'ca_all2' },
      });
      expect([...ids(first), ...ids(next)]).toEqual(['ca_all2', 'ca_all3', 'ca_all4']);
      expect(await store.listAllAccounts('elsewhere', { limit: 10 })).toEqual([]);
    });

    it('walks every environment’s accounts by id, page by page', async () => {
      await store.insertAccount(account({ id: 'ca_walk_2', env: 'production', userId: 'w' }));
      await store.insertAccount(account({ id: 'ca_walk_1', userId: 'w' }));
      const ids: string[] = [];
      for (let page = await store.listAccountsAfter(null, 2); page.length > 0; ) {
        ids.push(...page.map((row) => row.id));
        page = await store.listAccountsAfter(page.at(-1)?.id as string, 2);
      }
      expect(ids).toEqual([...ids].sort());
      expect(ids).toEqual(expect.arrayContaining(['ca_walk_1', 'ca_walk_2']));
    });

    it('deletes an account only for its own environment and user', async () => {
      await store.insertAccount(account({ id: 'ca_del', userId: 'u_del' }));
      expect(await store.deleteAccount('production', 'u_del', 'ca_del')).toBe(false);
      expect(await store.deleteAccount('development', 'u_del', 'ca_del')).toBe(true);
      expect(await store.deleteAccount('development', 'u_del', 'ca_del')).toBe(false);
    });

    it('hands out a flow once, even to concurrent takers', async () => {
      const flow = pendingFlow('flow-1', 2);
      await store.insertFlow(flow);
      const taken = await Promise.all([store.takeFlow('flow-1'), store.takeFlow('flow-1')]);
      expect(taken.filter(Boolean)).toEqual([flow]);
      expect(await store.takeFlow('flow-1')).toBeUndefined();
    });

    it('hands out a connect session once, even to concurrent takers', async () => {
      const session = {
        id: 'cs1',
        env: 'development',
        userId: 'u 42|x',
        provider: 'demo',
        scopes: ['openid', 'email'],
        createdBy: 'client:sc_app',
        actions: ['connections:read', 'credentials:read'],
        allowedProviders: null,
        returnUrl: null,
        createdAt: 1,
        expiresAt: 2,
      };
      await store.insertConnectSession(session, []);
      const taken = await Promise.all([store.takeConnectSession('cs1'), store.takeConnectSession('cs1')]);
      expect(taken.filter(Boolean)).toEqual([session]);
      expect(await store.takeConnectSession('cs1')).toBeUndefined();
      // The hosted page's choices come back as they went in.
      const page = { ...session, id: 'cs2', allowedProviders: ['demo', 'plain'], returnUrl: 'http://app.test/x?y=1' };
      await store.insertConnectSession(page, []);
      expect(await store.takeConnectSession('cs2')).toEqual(page);
    });

    it('stores and deletes sessions, with the limits of a session from a connect session', async () => {
      const session = {
        id: 's1',
        env: 'development',
        userId: 'u',
        accountId: null,
        limits: null,
        createdAt: 1,
        expiresAt: 2,
      };
      const limits = { createdBy: 'client:sc_app', provider: 'demo', scopes: ['email'], actions: ['connections:read'] };
      await store.insertSession(session);
      await store.insertSession({ ...session, id: 's2', accountId: 'ca_1', limits });
      expect(await store.getSession('s1')).toEqual(session);
      expect(await store.getSession('s2')).toEqual({ ...session, id: 's2', accountId: 'ca_1', limits });
      await store.deleteSession('s1');
      await store.deleteSession('s2');
      expect(await store.getSession('s1')).toBeUndefined();
    });

    it('keeps service clients, grants and keys per environment, each change with its audit row', async () => {
      const client = { id: 'sc_1', env: 'development', name: 'worker', createdAt: 1 };
      const key = clientKey('k1');
      await store.insertClient(client, [{ clientId: 'sc_1', role: 'admin', resource: '' }], key, [
        audit('a_created', { action: 'client.created' }),
      ]);
      expect(await store.listClients('development')).toEqual([client]);
      expect(await store.listClients('production')).toEqual([]);
      expect(await store.getClient('production', 'sc_1')).toBeUndefined();
      expect(await store.getGrants('sc_1')).toEqual([{ clientId: 'sc_1', role: 'admin', resource: '' }]);
      expect(await store.getClientKey('sc_1', 'k1')).toEqual(key);

      const reader = { clientId: 'sc_1', role: 'credentials-reader', resource: 'connections/github' };
      expect(await store.insertGrant(reader, [audit('a_grant', { action: 'grant.added' })])).toBe(true);
      // A duplicate grant changes nothing and records nothing.
      expect(await store.insertGrant(reader, [audit('a_grant2', { action: 'grant.added' })])).toBe(false);
      expect(await store.getGrants('sc_1')).toHaveLength(2);
      expect(await store.deleteGrant(reader, [audit('a_ungrant', { action: 'grant.revoked' })])).toBe(true);
      expect(await store.deleteGrant(reader, [audit('a_ungrant2', { action: 'grant.revoked' })])).toBe(false);

      await store.insertClientKey(clientKey('k2', 99), [audit('a_key', { action: 'key.added' })]);
      expect((await store.listClientKeys('sc_1')).map((k) => [k.id, k.expiresAt])).toEqual([
        ['k1', null],
        ['k2', 99],
      ]);
      await store.touchClientKey('sc_1', 'k1', 7);
      expect((await store.getClientKey('sc_1', 'k1'))?.lastUsedAt).toBe(7);
      expect(await store.revokeClientKey('sc_1', 'k1', 5, [audit('a_revoke', { action: 'key.revoked' })])).toBe(true);
      expect(await store.revokeClientKey('sc_1', 'k1', 6, [audit('a_revoke2', { action: 'key.revoked' })])).toBe(false);
      expect((await store.getClientKey('sc_1', 'k1'))?.revokedAt).toBe(5);

      expect(await store.deleteClient('production', 'sc_1', [audit('a_del0', { action: 'client.deleted' })])).toBe(
        false,
      );
      expect(await store.deleteClient('development', 'sc_1', [audit('a_del', { action: 'client.deleted' })])).toBe(
        true,
      );
      expect(await store.getClient('development', 'sc_1')).toBeUndefined();
      expect(await store.listClientKeys('sc_1')).toEqual([]);
      expect(await store.getGrants('sc_1')).toEqual([]);

      const recorded = await store.listAudit('development', { limit: 50, principal: 'cli' });
      expect(recorded.map((r) => r.id).sort()).toEqual(
        ['a_created', 'a_del', 'a_grant', 'a_key', 'a_revoke', 'a_ungrant'].sort(),
      );
    });

    it('appends audit rows and lists them newest first, filtered, page by page, per environment', async () => {
      const rows = Array.from({ length: 5 }, (_, i) =>
        audit(`b_${i}`, {
          at: 10_000 + i,
          principal: i % 2 === 0 ? 'client:sc_a' : 'client:sc_b',
          via: i === 2 ? 'client:sc_app' : null,
          userId: i < 3 ? 'auth0|u 1 ✓' : 'u2',
          provider: 'github',
          scopes: ['repo', 'read:user'],
          requestId: `req-${i}`,
        }),
      );
      await store.insertAudit(rows);
      await store.insertAudit([audit('b_prod', { env: 'production', at: 10_002 })]);
      const query = { limit: 2, since: 10_000, until: 10_010 };
      const first = await store.listAudit('development', query);
      expect(first.map((r) => r.id)).toEqual(['b_4', 'b_3']);
      const last = first.at(-1) as AuditRow;
      const second = await store.listAudit('development', { ...query, before: { at: last.at, id: last.id } });
      expect(second.map((r) => r.id)).toEqual(['b_2', 'b_1']);
      expect(second[0]).toEqual(rows[2]);
      const filtered = await store.listAudit('development', { ...query, limit: 10, principal: 'client:sc_a' });
      expect(filtered.map((r) => r.id)).toEqual(['b_4', 'b_2', 'b_0']);
      const byUser = await store.listAudit('development', { ...query, limit: 10, userId: 'auth0|u 1 ✓' });
      expect(byUser.map((r) => r.id)).toEqual(['b_2', 'b_1', 'b_0']);
      const window = await store.listAudit('development', { limit: 10, since: 10_001, until: 10_002 });
      expect(window.map((r) => r.id)).toEqual(['b_2', 'b_1']);
      expect((await store.listAudit('production', { limit: 10 })).map((r) => r.id)).toEqual(['b_prod']);
    });

    it('writes audit rows with an account change, and not at all when its compare-and-swap fails', async () => {
      const row = account({ id: 'ca_audit', userId: 'u_audit' });
      await store.insertAccount(row, { events: [], deliveries: [], audit: [audit('c_link', { userId: 'u_audit' })] });
      const lost = { events: [], deliveries: [], audit: [audit('c_lost', { userId: 'u_audit' })] };
      expect(await store.updateAccount('ca_audit', 7, { status: 'error' }, lost)).toBe(false);
      const kept = { events: [], deliveries: [], audit: [audit('c_status', { userId: 'u_audit' })] };
      expect(await store.updateAccount('ca_audit', 1, { status: 'error' }, kept)).toBe(true);
      const logged = await store.listAudit('development', { limit: 10, userId: 'u_audit' });
      expect(logged.map((r) => r.id).sort()).toEqual(['c_link', 'c_status']);
    });

    // Runs last: a sweep deletes across the whole database.
    it('sweeps expired flows and sessions and finished history, keeping anything still pending', async () => {
      await store.insertFlow(pendingFlow('flow-old', 500));
      await store.insertFlow(pendingFlow('flow-live', 5_000));
      const session = (id: string, expiresAt: number) => ({
        id,
        env: 'development',
        userId: 'u',
        accountId: null,
        limits: null,
        createdAt: 1,
        expiresAt,
      });
      await store.insertSession(session('s-old', 500));
      await store.insertSession(session('s-live', 5_000));
      await store.insertAccount(account({ id: 'ca_sw', userId: 'u_sw' }), outbox('ca_sw', 1, ['https://x']));
      expect(await store.updateAccount('ca_sw', 1, { status: 'error' }, outbox('ca_sw', 2, []))).toBe(true);

      await store.insertAudit([audit('d_old', { at: 50 }), audit('d_new', { at: 5_000 })]);
      const first = await store.sweep(1_000, 100, 100);
      expect(first).toMatchObject({ flows: 1, sessions: 1 });
      // Audit rows older than the retention bound go; younger ones stay.
      expect(first.audit).toBeGreaterThanOrEqual(1);
      const auditLeft = (await store.listAudit('development', { limit: 500, until: 5_000 })).map((r) => r.id);
      expect(auditLeft).toContain('d_new');
      expect(auditLeft).not.toContain('d_old');
      expect(await store.takeFlow('flow-old')).toBeUndefined();
      expect(await store.getSession('s-live')).toBeDefined();
      // The event with a pending delivery stays; the one without deliveries goes.
      expect((await store.listEvents('ca_sw')).map((e) => e.seq)).toEqual([1]);

      const [pending] = (await store.claimDeliveries('p', Date.now(), Date.now() + 1_000, 100)).filter(
        (d) => d.accountId === 'ca_sw',
      );
      const done = {
        status: 'delivered' as const,
        attempts: 1,
        nextAttemptAt: 0,
        lastStatus: 204,
        lastError: null,
        firstAttemptAt: 5,
        deliveredAt: 5,
      };
      const attempt = { deliveryId: pending?.id as string, attempt: 1, at: 5, status: 204, error: null, durationMs: 1 };
      expect(await store.finishDelivery(pending?.id as string, 'p', done, attempt)).toBe(true);
      const second = await store.sweep(1_000, 100, 100);
      expect(second.deliveries).toBeGreaterThanOrEqual(1);
      expect(await store.listEvents('ca_sw')).toEqual([]);
      expect(await store.listAttempts([pending?.id as string])).toEqual([]);
      expect(await store.sweep(1_000, 100, 100)).toEqual({ flows: 0, sessions: 0, deliveries: 0, events: 0, audit: 0 });
    });
  });
}

function clientKey(id: string, expiresAt: number | null = null): ClientKeyRow {
  return {
    id,
    clientId: 'sc_1',
    env: 'development',
    publicKey: `pk-${id}`,
    createdAt: 1,
    revokedAt: null,
    expiresAt,
    lastUsedAt: null,
  };
}

function audit(id: string, fields: Partial<AuditRow> = {}): AuditRow {
  return {
    id,
    env: 'development',
    at: 1,
    action: 'credentials.read',
    principal: 'cli',
    keyId: null,
    via: null,
    userId: null,
    provider: null,
    accountId: null,
    scopes: null,
    result: 'ok',
    requestId: null,
    detail: null,
    ...fields,
  };
}

function pendingFlow(id: string, expiresAt: number): FlowRow {
  return {
    id,
    env: 'development',
    provider: 'demo',
    userId: null,
    origin: 'http://127.0.0.1:3000',
    redirectUrl: null,
    mode: 'popup',
    scopes: ['openid', 'email'],
    codeVerifier: 'ct',
    oidcNonce: 'n',
    params: { shop: 'acme-store' },
    createdAt: 1,
    expiresAt,
  };
}

/** One event at `seq` (its payload names the seq) with a pending delivery per URL. */
function outbox(accountId: string, seq: number, urls: string[]): Outbox {
  const eventId = `evt_${accountId}_${seq}`;
  return {
    events: [
      { id: eventId, env: 'development', accountId, seq, type: 't', payload: JSON.stringify({ seq }), createdAt: seq },
    ],
    deliveries: urls.map((url) => ({
      id: `whd_${accountId}_${seq}_${url.slice(-1)}`,
      eventId,
      env: 'development',
      accountId,
      seq,
      url,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: 0,
      lastStatus: null,
      lastError: null,
      createdAt: seq,
      firstAttemptAt: null,
      deliveredAt: null,
    })),
  };
}

function account(overrides: Partial<AccountRow>): AccountRow {
  return {
    id: 'ca_x',
    env: 'development',
    userId: 'u',
    provider: 'demo',
    providerAccountId: 'alice',
    displayName: 'Alice',
    email: 'alice@example.com',
    picture: null,
    metadata: { instance_url: 'https://eu1.example.com' },
    scopes: ['openid', 'email'],
    status: 'active',
    version: 1,
    accessToken: 'at-ct',
    refreshToken: 'rt-ct',
    idToken: 'id-ct',
    tokenType: 'bearer',
    lastRefreshedAt: null,
    nextRefreshAt: null,
    failureCount: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    obtainedAt: 1_700_000_000_000,
    expiresAt: 1_700_000_120_000,
    lastError: null,
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    ...overrides,
  };
}
