import type { AuditRow, ConnectSessionRow } from '../store-rows.js';
import { type ConformanceCase, equal, ok, rejects } from './check.js';
import { audit, clientKey, pendingFlow, session } from './fixtures.js';

const connectSession: ConnectSessionRow = {
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

/** Flows, sessions, service clients and the audit log. */
export const accessCases: ConformanceCase[] = [
  {
    name: 'hands out a flow once, even to concurrent takers',
    async run(store) {
      const flow = pendingFlow('flow-1', 2);
      await store.insertFlow(flow);
      const taken = await Promise.all([store.takeFlow('flow-1'), store.takeFlow('flow-1')]);
      equal(taken.filter(Boolean), [flow], 'taken');
      equal(await store.takeFlow('flow-1'), undefined, 'taken again');
    },
  },
  {
    name: 'hands out a connect session once, even to concurrent takers, recording its creation',
    async run(store) {
      await store.insertConnectSession(connectSession, [audit('a_cs', { action: 'connect_session.created' })]);
      const taken = await Promise.all([store.takeConnectSession('cs1'), store.takeConnectSession('cs1')]);
      equal(taken.filter(Boolean), [connectSession], 'taken');
      equal(await store.takeConnectSession('cs1'), undefined, 'taken again');
      // The hosted page's choices come back as they went in.
      const page = {
        ...connectSession,
        id: 'cs2',
        allowedProviders: ['demo', 'plain'],
        returnUrl: 'http://app.test/x?y=1',
      };
      await store.insertConnectSession(page, []);
      equal(await store.takeConnectSession('cs2'), page, 'with the page choices');
      equal(
        (await store.listAudit('development', { limit: 10 })).map((r) => r.id),
        ['a_cs'],
        'audit',
      );
    },
  },
  {
    name: 'stores and deletes sessions, with the limits of a session from a connect session',
    async run(store) {
      const limits = { createdBy: 'client:sc_app', provider: 'demo', scopes: ['email'], actions: ['connections:read'] };
      await store.insertSession(session('s1', 2));
      await store.insertSession(session('s2', 2, { accountId: 'ca_1', limits }));
      equal(await store.getSession('s1'), session('s1', 2), 's1');
      equal(await store.getSession('s2'), session('s2', 2, { accountId: 'ca_1', limits }), 's2');
      await store.deleteSession('s1');
      equal(await store.getSession('s1'), undefined, 's1 deleted');
      ok(await store.getSession('s2'), 's2 kept');
    },
  },
  {
    name: 'keeps service clients, grants and keys per environment, each change with its audit row',
    async run(store) {
      const client = { id: 'sc_1', env: 'development', name: 'worker', createdAt: 1 };
      const admin = { clientId: 'sc_1', role: 'admin', resource: '', expiresAt: null };
      const key = clientKey('k1');
      await store.insertClient(client, [admin], key, [audit('a_created', { action: 'client.created' })]);
      await store.insertClient({ ...client, id: 'sc_0', createdAt: 2 }, [], { ...key, clientId: 'sc_0' }, []);
      equal(
        (await store.listClients('development')).map((c) => c.id),
        ['sc_1', 'sc_0'],
        'clients oldest first',
      );
      equal(await store.listClients('production'), [], 'another env');
      equal(await store.getClient('development', 'sc_1'), client, 'getClient');
      equal(await store.getClient('production', 'sc_1'), undefined, 'getClient in another env');
      equal(await store.getGrants('sc_1'), [admin], 'grants');
      equal(await store.getClientKey('sc_1', 'k1'), key, 'key');

      const reader = { clientId: 'sc_1', role: 'credentials-reader', resource: 'connections/github', expiresAt: null };
      equal(await store.insertGrant(reader, [audit('a_grant', { action: 'grant.added' })]), true, 'grant');
      // A duplicate grant changes nothing and records nothing.
      equal(await store.insertGrant(reader, [audit('a_grant2', { action: 'grant.added' })]), false, 'same grant');
      equal(await store.getGrants('sc_1'), [admin, reader], 'grants by role, resource');
      // The same grant with another expiry is time-boxed, not added twice.
      const boxed = { ...reader, expiresAt: 3_600_000 };
      equal(await store.insertGrant(boxed, [audit('a_box', { action: 'grant.added' })]), true, 'time-boxed');
      equal(await store.insertGrant(boxed, [audit('a_box2', { action: 'grant.added' })]), false, 'same expiry');
      equal(await store.getGrants('sc_1'), [admin, boxed], 'the grant with its expiry');
      equal(await store.deleteGrant(reader, [audit('a_ungrant', { action: 'grant.revoked' })]), true, 'ungrant');
      equal(await store.deleteGrant(reader, [audit('a_ungrant2', { action: 'grant.revoked' })]), false, 'again');

      await store.insertClientKey(clientKey('k2', 99), [audit('a_key', { action: 'key.added' })]);
      equal(
        (await store.listClientKeys('sc_1')).map((k) => [k.id, k.expiresAt]),
        [
          ['k1', null],
          ['k2', 99],
        ],
        'keys oldest first',
      );
      await store.touchClientKey('sc_1', 'k1', 7);
      equal((await store.getClientKey('sc_1', 'k1'))?.lastUsedAt, 7, 'touched');
      equal(
        await store.revokeClientKey('sc_1', 'k1', 5, [audit('a_revoke', { action: 'key.revoked' })]),
        true,
        'revoke',
      );
      equal(
        await store.revokeClientKey('sc_1', 'k1', 6, [audit('a_revoke2', { action: 'key.revoked' })]),
        false,
        'again',
      );
      equal((await store.getClientKey('sc_1', 'k1'))?.revokedAt, 5, 'revoked at');

      const deleted = (id: string) => [audit(id, { action: 'client.deleted' })];
      equal(await store.deleteClient('production', 'sc_1', deleted('a_del0')), false, 'delete in another env');
      equal(await store.deleteClient('development', 'sc_1', deleted('a_del')), true, 'delete');
      equal(await store.getClient('development', 'sc_1'), undefined, 'deleted');
      equal(await store.listClientKeys('sc_1'), [], 'its keys');
      equal(await store.getGrants('sc_1'), [], 'its grants');
      ok(await store.getClientKey('sc_0', 'k1'), 'another client’s key of the same id kept');

      const recorded = await store.listAudit('development', { limit: 50, principal: 'cli' });
      const expected = ['a_box', 'a_created', 'a_del', 'a_grant', 'a_key', 'a_revoke', 'a_ungrant'];
      equal(recorded.map((r) => r.id).sort(), expected, 'audit rows of the changes that happened');
    },
  },
  {
    name: 'appends audit rows and lists them newest first, filtered, page by page, per environment',
    async run(store) {
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
      await store.insertAudit([]);
      const query = { limit: 2, since: 10_000, until: 10_010 };
      const first = await store.listAudit('development', query);
      equal(
        first.map((r) => r.id),
        ['b_4', 'b_3'],
        'first page',
      );
      const last = first.at(-1) as AuditRow;
      const second = await store.listAudit('development', { ...query, before: { at: last.at, id: last.id } });
      equal(
        second.map((r) => r.id),
        ['b_2', 'b_1'],
        'second page',
      );
      equal(second[0], rows[2], 'a row as written');
      const ids = async (q: Parameters<typeof store.listAudit>[1]) =>
        (await store.listAudit('development', q)).map((r) => r.id);
      equal(await ids({ ...query, limit: 10, principal: 'client:sc_a' }), ['b_4', 'b_2', 'b_0'], 'by principal');
      equal(await ids({ ...query, limit: 10, userId: 'auth0|u 1 ✓' }), ['b_2', 'b_1', 'b_0'], 'by user');
      equal(await ids({ limit: 10, since: 10_001, until: 10_002 }), ['b_2', 'b_1'], 'by time, inclusive');
      equal(await ids({ limit: 10, action: 'key.revoked' }), [], 'by action');
      equal(
        (await store.listAudit('production', { limit: 10 })).map((r) => r.id),
        ['b_prod'],
        'another env',
      );
    },
  },
  {
    name: 'writes a batch of audit rows all or none (the audit writer groups reads into one batch)',
    async run(store) {
      await store.insertAudit([audit('e_1')]);
      await rejects(store.insertAudit([audit('e_2'), audit('e_1')]), 'a batch with a row already written');
      equal(
        (await store.listAudit('development', { limit: 10 })).map((r) => r.id),
        ['e_1'],
        'nothing of the batch',
      );
    },
  },
  {
    name: 'refuses a second flow, session or client with the same id, changing nothing',
    async run(store) {
      await store.insertFlow(pendingFlow('flow-dup', 2));
      await rejects(store.insertFlow({ ...pendingFlow('flow-dup', 3), provider: 'other' }), 'a second flow');
      equal((await store.takeFlow('flow-dup'))?.provider, 'demo', 'the first flow');
      await store.insertSession(session('s-dup', 2));
      await rejects(store.insertSession(session('s-dup', 3, { userId: 'mallory' })), 'a second session');
      equal((await store.getSession('s-dup'))?.userId, 'u', 'the first session');
      const client = { id: 'sc_dup', env: 'development', name: 'a', createdAt: 1 };
      await store.insertClient(client, [], { ...clientKey('k1'), clientId: 'sc_dup' }, []);
      const again = { ...client, name: 'b' };
      await rejects(
        store.insertClient(again, [], { ...clientKey('k2'), clientId: 'sc_dup' }, [audit('a_dup')]),
        'a second client',
      );
      equal(await store.getClient('development', 'sc_dup'), client, 'the first client');
      equal(
        (await store.listClientKeys('sc_dup')).map((k) => k.id),
        ['k1'],
        'no key of the refused client',
      );
      equal(await store.listAudit('development', { limit: 10 }), [], 'no audit row of the refused client');
    },
  },
  {
    name: 'counts audit rows of some actions per time bucket, ok and failed apart, from a time on',
    async run(store) {
      const hour = 3_600_000;
      const base = 1_700_000_000_000 - (1_700_000_000_000 % hour);
      await store.insertAudit([
        audit('aud_c1', { at: base + 10 }),
        audit('aud_c2', { at: base + hour - 1, result: 'needs_reauth' }),
        audit('aud_c3', { at: base + hour }),
        audit('aud_c4', { at: base + hour + 5, action: 'account.refresh' }),
        audit('aud_c5', { at: base + hour + 6, action: 'client.created' }),
        audit('aud_c6', { at: base - 1 }),
        audit('aud_c7', { at: base + 20, env: 'production' }),
      ]);
      const counts = await store.countAudit('development', {
        actions: ['credentials.read', 'account.refresh'],
        since: base,
        bucketMs: hour,
      });
      const sorted = [...counts].sort((a, b) => a.bucket - b.bucket || a.action.localeCompare(b.action));
      equal(
        sorted,
        [
          { action: 'credentials.read', bucket: base, ok: 1, failed: 1 },
          { action: 'account.refresh', bucket: base + hour, ok: 1, failed: 0 },
          { action: 'credentials.read', bucket: base + hour, ok: 1, failed: 0 },
        ],
        'countAudit',
      );
      equal(await store.countAudit('development', { actions: [], since: 0, bucketMs: hour }), [], 'no actions');
    },
  },
  {
    name: 'filters the audit log by result',
    async run(store) {
      await store.insertAudit([
        audit('aud_r1', { at: 1 }),
        audit('aud_r2', { at: 2, result: 'forbidden' }),
        audit('aud_r3', { at: 3, result: 'needs_reauth' }),
      ]);
      const ids = async (result: string) =>
        (await store.listAudit('development', { limit: 10, result })).map((r) => r.id);
      equal(await ids('forbidden'), ['aud_r2'], 'result forbidden');
      equal(await ids('ok'), ['aud_r1'], 'result ok');
      equal(await ids('missing_scopes'), [], 'a result no row has');
    },
  },
];
