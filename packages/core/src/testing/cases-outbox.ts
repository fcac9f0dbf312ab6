import type { AttemptRow, DeliveryChange } from '../store-rows.js';
import { type ConformanceCase, equal, ok } from './check.js';
import { account, audit, outbox, pendingFlow, session } from './fixtures.js';

const retry: DeliveryChange = {
  status: 'pending',
  attempts: 1,
  nextAttemptAt: 0,
  lastStatus: 500,
  lastError: 'HTTP 500',
  firstAttemptAt: 1,
  deliveredAt: null,
};
const delivered: DeliveryChange = {
  ...retry,
  status: 'delivered',
  attempts: 2,
  lastStatus: 204,
  lastError: null,
  deliveredAt: 9,
};

function attempt(deliveryId: string, n: number, status: number): AttemptRow {
  return { deliveryId, attempt: n, at: n, status, error: status >= 300 ? `HTTP ${status}` : null, durationMs: 3 };
}

/** The outbox: written with the account change or not at all, delivered in order per account and URL, swept. */
export const outboxCases: ConformanceCase[] = [
  {
    name: 'writes the outbox with the change, and not at all when the compare-and-swap fails',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_out', userId: 'u_out' }), outbox('ca_out', 1, []));
      const second = outbox('ca_out', 2, ['https://a']);
      equal(await store.updateAccount('ca_out', 1, { status: 'needs_reauth' }, second), true, 'update at version 1');
      equal(await store.updateAccount('ca_out', 1, { status: 'error' }, second), false, 'stale update');
      const third = outbox('ca_out', 3, ['https://a']);
      equal(await store.deleteAccount('development', 'u_out', 'ca_out', 1, third), false, 'stale delete');
      equal(
        (await store.listEvents('ca_out')).map((e) => e.seq),
        [1, 2],
        'events after the stale writes',
      );
      equal(await store.deleteAccount('development', 'u_out', 'ca_out', 2, third), true, 'delete at version 2');
      equal(
        (await store.listEvents('ca_out')).map((e) => e.seq),
        [1, 2, 3],
        'events after the delete',
      );
      const deliveries = await store.listDeliveries('development', { accountId: 'ca_out', limit: 10 });
      equal(
        deliveries.map((d) => d.seq),
        [3, 2],
        'deliveries, newest first',
      );
    },
  },
  {
    name: 'writes audit rows with an account change, and not at all when its compare-and-swap fails',
    async run(store) {
      const entries = (id: string) => ({ events: [], deliveries: [], audit: [audit(id, { userId: 'u_audit' })] });
      await store.insertAccount(account({ id: 'ca_audit', userId: 'u_audit' }), entries('c_link'));
      equal(await store.updateAccount('ca_audit', 7, { status: 'error' }, entries('c_lost')), false, 'stale update');
      equal(await store.updateAccount('ca_audit', 1, { status: 'error' }, entries('c_status')), true, 'update');
      const logged = await store.listAudit('development', { limit: 10, userId: 'u_audit' });
      equal(logged.map((r) => r.id).sort(), ['c_link', 'c_status'], 'audit rows');
    },
  },
  {
    name: 'hands out deliveries in order per account and URL, fenced by their lease',
    async run(store) {
      await store.insertAccount(
        account({ id: 'ca_wh', userId: 'u_wh' }),
        outbox('ca_wh', 1, ['https://a', 'https://b']),
      );
      equal(
        await store.updateAccount('ca_wh', 1, { status: 'error' }, outbox('ca_wh', 2, ['https://a'])),
        true,
        'update',
      );
      const claim = () => store.claimDeliveries('p1', 1_000, 2_000, 10);
      const first = await claim();
      equal(
        first.map((d) => [d.url, d.seq]).sort(),
        [
          ['https://a', 1],
          ['https://b', 1],
        ],
        'first claim: seq 1 only',
      );
      equal(JSON.parse(first[0]?.payload ?? ''), { seq: 1 }, 'the event payload comes with the delivery');
      const a1 = first.find((d) => d.url === 'https://a');
      ok(a1, 'the delivery to https://a');
      equal(await store.finishDelivery(a1.id, 'someone-else', retry, attempt(a1.id, 1, 500)), false, 'not the holder');
      equal(await store.finishDelivery(a1.id, 'p1', retry, attempt(a1.id, 1, 500)), true, 'the holder');
      // seq 2 waits while seq 1 is pending, even though seq 1's lease is gone.
      equal(
        (await claim()).map((d) => [d.url, d.seq, d.firstAttemptAt]),
        [['https://a', 1, 1]],
        'second claim',
      );
      equal(await store.finishDelivery(a1.id, 'p1', delivered, attempt(a1.id, 2, 204)), true, 'delivered');
      equal(
        (await claim()).map((d) => [d.url, d.seq]),
        [['https://a', 2]],
        'third claim: seq 2 at last',
      );
      const attempts = await store.listAttempts([a1.id, 'whd_unknown']);
      equal(
        attempts.map((a) => [a.attempt, a.status]),
        [
          [1, 500],
          [2, 204],
        ],
        'attempts',
      );
      equal(await store.listAttempts([]), [], 'no ids');
      equal((await store.listDeliveries('production', { limit: 10 })).length, 0, 'another env');
      const done = await store.listDeliveries('development', { accountId: 'ca_wh', status: 'delivered', limit: 10 });
      equal(
        done.map((d) => [d.id, d.attempts, d.deliveredAt]),
        [[a1.id, 2, 9]],
        'delivered, filtered',
      );
    },
  },
  {
    name: 'retries one delivery: due at once with a fresh window and its audit row, never while it is leased',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_rt', userId: 'u_rt' }), outbox('ca_rt', 1, ['https://r']));
      const [leased] = await store.claimDeliveries('p', 1_000, 2_000, 100);
      ok(leased, 'the delivery');
      const row = (id: string) => [audit(id, { action: 'webhook.retry', userId: 'u_rt' })];
      equal(await store.retryDelivery('development', leased.id, 1_500, row('r_leased')), false, 'while leased');
      const failed: DeliveryChange = { ...retry, status: 'failed', nextAttemptAt: 1_000, firstAttemptAt: 1 };
      equal(await store.finishDelivery(leased.id, 'p', failed, attempt(leased.id, 1, 500)), true, 'gave up');
      equal(await store.retryDelivery('production', leased.id, 3_000, row('r_env')), false, 'another env');
      equal(await store.retryDelivery('development', 'whd_unknown', 3_000, row('r_unknown')), false, 'unknown');
      equal(await store.retryDelivery('development', leased.id, 3_000, row('r_ok')), true, 'retried');
      const [listed] = await store.listDeliveries('development', { accountId: 'ca_rt', limit: 10 });
      equal(
        [listed?.status, listed?.nextAttemptAt, listed?.firstAttemptAt, listed?.attempts],
        ['pending', 3_000, null, 1],
        'pending again, its attempts kept',
      );
      equal(
        (await store.listAudit('development', { limit: 10, userId: 'u_rt' })).map((r) => r.id),
        ['r_ok'],
        'only the retry that happened is audited',
      );
      equal(
        (await store.claimDeliveries('q', 3_000, 4_000, 100)).map((d) => d.id),
        [leased.id],
        'claimed again',
      );
    },
  },
  {
    name: 'lists deliveries newest first, page by page',
    async run(store) {
      await store.insertAccount(
        account({ id: 'ca_pg', userId: 'u_pg' }),
        outbox('ca_pg', 1, ['https://a', 'https://b']),
      );
      await store.updateAccount('ca_pg', 1, { status: 'error' }, outbox('ca_pg', 2, ['https://a']));
      const all = await store.listDeliveries('development', { limit: 10 });
      equal(
        all.map((d) => d.id),
        ['whd_ca_pg_2_a', 'whd_ca_pg_1_b', 'whd_ca_pg_1_a'],
        'by createdAt, id, descending',
      );
      const last = all[1];
      ok(last, 'the second delivery');
      const before = { createdAt: last.createdAt, id: last.id };
      equal(
        (await store.listDeliveries('development', { limit: 10, before })).map((d) => d.id),
        ['whd_ca_pg_1_a'],
        'page',
      );
      equal((await store.listDeliveries('development', { limit: 10, status: 'failed' })).length, 0, 'by status');
    },
  },
  {
    name: 'sweeps expired flows and sessions and finished history, keeping anything still pending',
    async run(store) {
      await store.insertFlow(pendingFlow('flow-old', 500));
      await store.insertFlow(pendingFlow('flow-live', 5_000));
      await store.insertSession(session('s-old', 500));
      await store.insertSession(session('s-live', 5_000));
      const connect = {
        env: 'development',
        userId: 'u',
        provider: null,
        scopes: [],
        createdBy: 'client:c',
        actions: [],
        allowedProviders: null,
        returnUrl: null,
      };
      await store.insertConnectSession({ ...connect, id: 'cs-old', createdAt: 1, expiresAt: 1_000 }, []);
      await store.insertAccount(account({ id: 'ca_sw', userId: 'u_sw' }), outbox('ca_sw', 1, ['https://x']));
      equal(await store.updateAccount('ca_sw', 1, { status: 'error' }, outbox('ca_sw', 2, [])), true, 'update');
      await store.insertAudit([audit('d_old', { at: 50 }), audit('d_new', { at: 5_000 })]);

      const first = await store.sweep(1_000, 100, 100);
      equal(first, { flows: 1, sessions: 2, deliveries: 0, events: 1, audit: 1 }, 'first sweep');
      equal(
        (await store.listAudit('development', { limit: 10 })).map((r) => r.id),
        ['d_new'],
        'audit kept',
      );
      equal(await store.takeFlow('flow-old'), undefined, 'expired flow');
      ok(await store.takeFlow('flow-live'), 'live flow kept');
      equal(await store.getSession('s-old'), undefined, 'expired session');
      ok(await store.getSession('s-live'), 'live session kept');
      // The event with a pending delivery stays; the one without deliveries goes.
      equal(
        (await store.listEvents('ca_sw')).map((e) => e.seq),
        [1],
        'events kept',
      );

      const [pending] = await store.claimDeliveries('p', 1_000, 2_000, 100);
      ok(pending, 'the pending delivery');
      equal(await store.finishDelivery(pending.id, 'p', delivered, attempt(pending.id, 1, 204)), true, 'delivered');
      equal(
        await store.sweep(1_000, 100, 100),
        { flows: 0, sessions: 0, deliveries: 1, events: 1, audit: 0 },
        'second',
      );
      equal(await store.listEvents('ca_sw'), [], 'events left');
      equal(await store.listAttempts([pending.id]), [], 'attempts go with their delivery');
      equal(await store.sweep(1_000, 100, 100), { flows: 0, sessions: 0, deliveries: 0, events: 0, audit: 0 }, 'third');
    },
  },
];
