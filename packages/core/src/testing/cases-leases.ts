import { type ConformanceCase, equal, matches } from './check.js';
import { account, outbox } from './fixtures.js';

/** Refresh leases and the scheduler's claim: one holder at a time, expiry, and no account handed out twice. */
export const leaseCases: ConformanceCase[] = [
  {
    name: 'gives the refresh lease to one of two concurrent takers, and to a taker once it expired',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_lease', userId: 'u_lease' }));
      const [a, b] = await Promise.all([
        store.acquireLease('ca_lease', 'p1', 1_000, 2_000),
        store.acquireLease('ca_lease', 'p2', 1_000, 2_000),
      ]);
      equal([a, b].filter(Boolean).length, 1, 'takers that got the lease');
      const holder = (a ?? b)?.leaseOwner ?? '';
      equal(await store.acquireLease('ca_lease', 'p3', 1_999, 3_000), undefined, 'taken while live');
      const taken = await store.acquireLease('ca_lease', 'p3', 2_000, 3_000);
      matches(taken, { leaseOwner: 'p3', leaseExpiresAt: 3_000, version: 1 }, 'taken once expired');
      equal(await store.renewLease('ca_lease', holder, 2_500, 4_000), undefined, 'renewed by who lost it');
      equal(await store.renewLease('ca_lease', 'p3', 3_000, 4_000), undefined, 'renewed at its expiry');
      matches(await store.renewLease('ca_lease', 'p3', 2_999, 4_000), { leaseExpiresAt: 4_000 }, 'renewed in time');
      await store.releaseLease('ca_lease', holder); // not the holder any more: no effect
      equal((await store.getAccountById('ca_lease'))?.leaseOwner, 'p3', 'released by a former holder');
      await store.releaseLease('ca_lease', 'p3');
      matches(await store.getAccountById('ca_lease'), { leaseOwner: null, leaseExpiresAt: null, version: 1 }, 'freed');
      equal(await store.acquireLease('ca_missing', 'p1', 1, 2), undefined, 'an unknown account');
    },
  },
  {
    name: "releases all of one owner's account and delivery leases, and nobody else's",
    async run(store) {
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
      const claimed = await store.claimDeliveries('leaving', 1_000, 61_000, 100);
      equal(claimed.length, 3, 'deliveries claimed');
      equal(await store.releaseLeases('leaving'), 5, 'leases dropped: 3 deliveries, 2 accounts');
      matches(await store.getAccountById('ca_mine1'), { leaseOwner: null, leaseExpiresAt: null, version: 1 }, 'mine');
      matches(await store.getAccountById('ca_theirs'), { leaseOwner: 'staying', leaseExpiresAt: 9_000 }, 'theirs');
      // The deliveries are free again: another process claims them at once.
      equal((await store.claimDeliveries('next', 1_000, 61_000, 100)).length, 3, 'claimed again');
      equal(await store.releaseLeases('leaving'), 0, 'nothing left to drop');
    },
  },
  {
    name: 'claims due accounts earliest first, never the same one twice, skipping live leases',
    async run(store) {
      for (const at of [30, 10, 20]) {
        await store.insertAccount(
          account({ id: `ca_due${at}`, userId: 'u_due', providerAccountId: `d${at}`, nextRefreshAt: at }),
        );
      }
      await store.insertAccount(
        account({ id: 'ca_later', userId: 'u_due', providerAccountId: 'later', nextRefreshAt: 10_000 }),
      );
      await store.insertAccount(account({ id: 'ca_never', userId: 'u_due', providerAccountId: 'never' }));
      const held = { nextRefreshAt: 5, leaseOwner: 'x', leaseExpiresAt: 500 };
      await store.insertAccount(account({ id: 'ca_held', userId: 'u_due', providerAccountId: 'held', ...held }));
      const [first, second] = await Promise.all([
        store.claimDueAccounts('p1', 100, 200, 2),
        store.claimDueAccounts('p2', 100, 200, 2),
      ]);
      const claimed = [...first, ...second].map((row) => row.id);
      equal(claimed.sort(), ['ca_due10', 'ca_due20', 'ca_due30'], 'claimed by the two callers together');
      const ordered = first.length === 2 ? first : second;
      equal(
        ordered.map((row) => row.id),
        ['ca_due10', 'ca_due20'],
        'the first claim: earliest first',
      );
      matches(ordered[0], { leaseExpiresAt: 200, version: 1 }, 'a claimed row');
      equal(await store.claimDueAccounts('p3', 150, 250, 10), [], 'nothing free is due');
      // The expired lease of ca_held is claimable now, as are the leases p1 and p2 let lapse.
      const later = await store.claimDueAccounts('p3', 600, 700, 10);
      equal(
        later.map((row) => row.id),
        ['ca_held', 'ca_due10', 'ca_due20', 'ca_due30'],
        'claimed once the leases lapsed',
      );
    },
  },
];
