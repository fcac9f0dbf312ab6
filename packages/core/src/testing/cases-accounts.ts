import { isVaultError } from '../errors.js';
import type { AccountRow } from '../store-rows.js';
import { type ConformanceCase, equal, matches, ok, rejects } from './check.js';
import { account, audit, outbox } from './fixtures.js';

const ids = (rows: AccountRow[]) => rows.map((row) => row.id);

/** Accounts: reads scoped by environment and user, the unique identity, ordering and pages, compare-and-swap. */
export const accountCases: ConformanceCase[] = [
  {
    name: 'migrates idempotently',
    async run(store) {
      await store.migrate();
      await store.ping();
    },
  },
  {
    name: 'stores an account and reads it back only within its environment and user',
    async run(store) {
      const row = account({ id: 'ca_read', userId: 'u_read' });
      await store.insertAccount(row);
      equal(await store.getAccount('development', 'u_read', 'ca_read'), row, 'getAccount');
      equal(await store.getAccount('production', 'u_read', 'ca_read'), undefined, 'getAccount in another env');
      equal(await store.getAccount('development', 'someone-else', 'ca_read'), undefined, 'getAccount of another user');
      equal(await store.getAccountById('ca_read'), row, 'getAccountById');
      equal(await store.findAccount(row), row, 'findAccount');
      equal(await store.findAccount({ ...row, providerAccountId: 'other' }), undefined, 'findAccount of another id');
    },
  },
  {
    // The token read's statements may skip the store's queue (store-sqlite runs them on its connection directly);
    // sent while another change's transaction is open, they must neither read that change before it commits nor
    // be rolled back with it: a token would otherwise leave with an audit row that was never stored.
    name: 'reads and audit rows sent during a change that rolls back neither see it nor roll back with it',
    async run(store) {
      const row = account({ id: 'ca_rolled', userId: 'u_rolled', providerAccountId: 'rolled' });
      // The change's own audit rows share an id, so its last statement fails and the account insert is undone.
      const change = store.insertAccount(row, {
        events: [],
        deliveries: [],
        audit: [audit('aud_dup'), audit('aud_dup')],
      });
      const reads: Promise<AccountRow | undefined>[] = [];
      const audits: Promise<void>[] = [];
      for (let i = 0; i < 40; i++) {
        reads.push(store.getAccount('development', 'u_rolled', 'ca_rolled'));
        audits.push(store.insertAudit([audit(`aud_during_${String(i).padStart(2, '0')}`)]));
        await Promise.resolve();
      }
      await rejects(change, 'the change whose audit ids collide');
      equal((await Promise.all(reads)).filter(Boolean).length, 0, 'reads that saw the uncommitted account');
      await Promise.all(audits);
      const stored = await store.listAudit('development', { limit: 100 });
      equal(stored.filter((r) => r.id.startsWith('aud_during_')).length, 40, 'audit rows stored during the change');
      equal(await store.getAccount('development', 'u_rolled', 'ca_rolled'), undefined, 'the account after rollback');
    },
  },
  {
    name: 'keeps times as numbers and large epoch milliseconds exact',
    async run(store) {
      await store.insertAccount(
        account({ id: 'ca_time', userId: 'u_time', expiresAt: 4_102_444_800_123, obtainedAt: 1 }),
      );
      const read = await store.getAccount('development', 'u_time', 'ca_time');
      equal(read?.expiresAt, 4_102_444_800_123, 'expiresAt');
      equal(typeof read?.createdAt, 'number', 'typeof createdAt');
    },
  },
  {
    name: 'refuses a second row for the same provider account of the same user, or the same id, as a conflict',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_dup1', userId: 'u_dup' }));
      const err = await rejects(store.insertAccount(account({ id: 'ca_dup2', userId: 'u_dup' })), 'same identity');
      ok(isVaultError(err, 'conflict'), `a VaultError('conflict'), not ${String(err)}`);
      const sameId = await rejects(
        store.insertAccount(account({ id: 'ca_dup1', userId: 'u_other' })),
        'same id, other identity',
      );
      ok(isVaultError(sameId, 'conflict'), `a VaultError('conflict'), not ${String(sameId)}`);
      equal(ids(await store.listAccounts('development', 'u_dup')), ['ca_dup1'], 'accounts kept');
      equal(await store.listAccounts('development', 'u_other'), [], 'nothing inserted');
    },
  },
  {
    name: 'writes nothing of an account whose outbox cannot be written (one transaction)',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_first', userId: 'u_tx' }), outbox('ca_first', 1, ['https://a']));
      // The same event id again: the outbox insert fails, so the account must not appear either.
      const clash = { ...outbox('ca_first', 1, []), deliveries: [] };
      await rejects(
        store.insertAccount(account({ id: 'ca_second', userId: 'u_tx', providerAccountId: 'b' }), clash),
        'insert with a clashing outbox',
      );
      equal(ids(await store.listAccounts('development', 'u_tx')), ['ca_first'], 'accounts');
      equal((await store.listEvents('ca_first')).length, 1, 'events');
    },
  },
  {
    name: 'lists a user’s accounts in link order',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_l2', userId: 'u_list', providerAccountId: 'b', createdAt: 2 }));
      await store.insertAccount(account({ id: 'ca_l1', userId: 'u_list', providerAccountId: 'a', createdAt: 1 }));
      await store.insertAccount(account({ id: 'ca_l0', userId: 'u_list', providerAccountId: 'c', createdAt: 2 }));
      equal(ids(await store.listAccounts('development', 'u_list')), ['ca_l1', 'ca_l0', 'ca_l2'], 'by createdAt, id');
      equal(await store.listAccounts('production', 'u_list'), [], 'another env');
    },
  },
  {
    name: 'lists a user’s accounts of one provider',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_p1', userId: 'u_prov', provider: 'github', providerAccountId: 'g' }));
      await store.insertAccount(account({ id: 'ca_p2', userId: 'u_prov', provider: 'gitlab', providerAccountId: 'l' }));
      equal(ids(await store.listAccounts('development', 'u_prov', 'gitlab')), ['ca_p2'], 'one provider');
      equal(await store.listAccounts('development', 'u_prov', 'slack'), [], 'a provider with none');
      equal((await store.listAccounts('development', 'u_prov')).length, 2, 'every provider');
    },
  },
  {
    name: 'updates only when the version still matches (compare-and-swap)',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_cas', userId: 'u_cas' }));
      equal(await store.updateAccount('ca_cas', 1, { accessToken: 'second', refreshToken: null }), true, 'first write');
      equal(await store.updateAccount('ca_cas', 1, { accessToken: 'stale' }), false, 'stale write');
      equal(await store.updateAccount('ca_missing', 1, { accessToken: 'x' }), false, 'unknown account');
      const read = await store.getAccount('development', 'u_cas', 'ca_cas');
      matches(read, { version: 2, accessToken: 'second', refreshToken: null, idToken: 'id-ct' }, 'after the write');
    },
  },
  {
    name: 'lets exactly one of two concurrent writers with the same version win',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_race', userId: 'u_race' }));
      const results = await Promise.all([
        store.updateAccount('ca_race', 1, { accessToken: 'a' }),
        store.updateAccount('ca_race', 1, { accessToken: 'b' }),
      ]);
      equal(results.filter(Boolean).length, 1, 'winners');
      equal((await store.getAccountById('ca_race'))?.version, 2, 'version');
    },
  },
  {
    name: 'lists every user’s accounts of an environment by status and provider, page by page',
    async run(store) {
      const staging = { env: 'staging', status: 'needs_reauth' } as const;
      await store.insertAccount(account({ id: 'ca_all1', env: 'staging', userId: 'u1', createdAt: 1 }));
      await store.insertAccount(account({ ...staging, id: 'ca_all2', userId: 'u2', createdAt: 2 }));
      await store.insertAccount(account({ ...staging, id: 'ca_all3', userId: 'u3', createdAt: 2 }));
      await store.insertAccount(account({ ...staging, id: 'ca_all4', userId: 'u3', provider: 'other', createdAt: 3 }));
      equal(
        ids(await store.listAllAccounts('staging', { limit: 10 })),
        ['ca_all1', 'ca_all2', 'ca_all3', 'ca_all4'],
        'all',
      );
      const reauth = { status: 'needs_reauth', limit: 10 } as const;
      equal(ids(await store.listAllAccounts('staging', reauth)), ['ca_all2', 'ca_all3', 'ca_all4'], 'by status');
      equal(
        ids(await store.listAllAccounts('staging', { ...reauth, provider: 'demo' })),
        ['ca_all2', 'ca_all3'],
        'by status and provider',
      );
      const first = await store.listAllAccounts('staging', { ...reauth, limit: 1 });
      const next = await store.listAllAccounts('staging', {
        ...reauth,
        limit: 2,
        after: { createdAt: 2, id: 'ca_all2' },
      });
      equal([...ids(first), ...ids(next)], ['ca_all2', 'ca_all3', 'ca_all4'], 'two pages');
      equal(await store.listAllAccounts('elsewhere', { limit: 10 }), [], 'another env');
    },
  },
  {
    name: 'walks every environment’s accounts by id, page by page',
    async run(store) {
      for (const [id, env] of [
        ['ca_walk_2', 'production'],
        ['ca_walk_1', 'development'],
        ['ca_walk_3', 'staging'],
      ] as const) {
        await store.insertAccount(account({ id, env, userId: 'w' }));
      }
      const walked: string[] = [];
      for (let page = await store.listAccountsAfter(null, 2); page.length > 0; ) {
        walked.push(...ids(page));
        page = await store.listAccountsAfter(page.at(-1)?.id ?? '', 2);
      }
      equal(walked, ['ca_walk_1', 'ca_walk_2', 'ca_walk_3'], 'ids in order');
    },
  },
  {
    name: 'counts the accounts holding each credential prefix',
    async run(store) {
      const sealed = (kid: string, rest: string) => `v1.${kid}.${rest}`;
      await store.insertAccount(
        account({
          id: 'ca_k1',
          userId: 'k',
          providerAccountId: '1',
          accessToken: sealed('old', 'a'),
          idToken: null,
          refreshToken: sealed('new', 'b'),
        }),
      );
      await store.insertAccount(
        account({
          id: 'ca_k2',
          userId: 'k',
          providerAccountId: '2',
          accessToken: sealed('old', 'c'),
          refreshToken: null,
          idToken: sealed('old', 'd'),
        }),
      );
      equal(
        await store.credentialPrefixes(6),
        [
          { prefix: 'v1.new', accounts: 1 },
          { prefix: 'v1.old', accounts: 2 },
        ],
        'each prefix once, accounts counted once',
      );
    },
  },
  {
    name: 'deletes an account only for its own environment and user, and only at the expected version',
    async run(store) {
      await store.insertAccount(account({ id: 'ca_del', userId: 'u_del' }));
      equal(await store.deleteAccount('production', 'u_del', 'ca_del'), false, 'another env');
      equal(await store.deleteAccount('development', 'u_x', 'ca_del'), false, 'another user');
      equal(await store.deleteAccount('development', 'u_del', 'ca_del', 2), false, 'another version');
      equal(await store.deleteAccount('development', 'u_del', 'ca_del', 1), true, 'deleted');
      equal(await store.deleteAccount('development', 'u_del', 'ca_del'), false, 'gone');
    },
  },
  {
    name: 'counts accounts by provider and status, with those failing and those due, in one environment',
    async run(store) {
      const at = 1_700_000_000_000;
      await store.insertAccount(account({ id: 'ca_n1', userId: 'u_n1', nextRefreshAt: at }));
      await store.insertAccount(account({ id: 'ca_n2', userId: 'u_n2', nextRefreshAt: at + 60_000 }));
      await store.insertAccount(account({ id: 'ca_n3', userId: 'u_n3', status: 'needs_reauth', lastError: 'gone' }));
      await store.insertAccount(account({ id: 'ca_n4', userId: 'u_n4', provider: 'other', lastError: 'slow' }));
      await store.insertAccount(account({ id: 'ca_n5', userId: 'u_n5', env: 'production' }));
      const counts = await store.countAccounts('development', at + 1);
      const sorted = [...counts].sort((a, b) => `${a.provider} ${a.status}`.localeCompare(`${b.provider} ${b.status}`));
      equal(
        sorted,
        [
          { provider: 'demo', status: 'active', accounts: 2, failing: 0, due: 1 },
          { provider: 'demo', status: 'needs_reauth', accounts: 1, failing: 1, due: 0 },
          { provider: 'other', status: 'active', accounts: 1, failing: 1, due: 0 },
        ],
        'countAccounts',
      );
      equal(await store.countAccounts('staging', at), [], 'an environment without accounts');
    },
  },
];
