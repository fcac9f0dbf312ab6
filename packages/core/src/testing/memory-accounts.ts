import { VaultError } from '../errors.js';
import type { AccountStore, LeaseStore } from '../store.js';
import type { AccountCount, AccountKey, AccountRow } from '../store-rows.js';
import { checkOutbox, copy, sortBy, type Tables, writeOutbox } from './memory-tables.js';

const sameKey = (a: AccountKey, b: AccountKey) =>
  a.env === b.env && a.userId === b.userId && a.provider === b.provider && a.providerAccountId === b.providerAccountId;

/** Accounts, one row each; a change and its outbox are written together or not at all. */
export function memoryAccountStore(tables: Tables): AccountStore {
  const { accounts } = tables;
  const list = (match: (row: AccountRow) => boolean) => [...accounts.values()].filter(match);

  return {
    async insertAccount(account, outbox) {
      // The unique (env, user, provider, provider account) identity, and the id.
      if (accounts.has(account.id) || list((row) => sameKey(row, account)).length > 0) {
        throw new VaultError('conflict', 'the account is already linked');
      }
      checkOutbox(tables, outbox);
      accounts.set(account.id, copy(account));
      writeOutbox(tables, outbox);
    },
    async updateAccount(id, expectedVersion, change, outbox) {
      const row = accounts.get(id);
      if (!row || row.version !== expectedVersion) return false;
      checkOutbox(tables, outbox);
      // The copy drops undefined fields (JSON), so a field the change leaves undefined keeps its value.
      accounts.set(id, { ...row, ...copy(change), version: expectedVersion + 1 });
      writeOutbox(tables, outbox);
      return true;
    },
    async getAccount(env, userId, accountId) {
      const row = accounts.get(accountId);
      return row && row.env === env && row.userId === userId ? copy(row) : undefined;
    },
    async getAccountById(id) {
      const row = accounts.get(id);
      return row && copy(row);
    },
    async findAccount(key) {
      const [row] = list((row) => sameKey(row, key));
      return row && copy(row);
    },
    async listAccounts(env, userId, provider) {
      const rows = list(
        (row) => row.env === env && row.userId === userId && (provider === undefined || row.provider === provider),
      );
      return sortBy(rows, (row) => [row.createdAt, row.id]).map(copy);
    },
    async credentialPrefixes(length) {
      const holders = new Map<string, Set<string>>();
      for (const row of accounts.values()) {
        for (const sealed of [row.accessToken, row.refreshToken, row.idToken]) {
          if (sealed === null) continue;
          const prefix = sealed.slice(0, length);
          holders.set(prefix, (holders.get(prefix) ?? new Set()).add(row.id));
        }
      }
      return sortBy([...holders], ([prefix]) => [prefix]).map(([prefix, ids]) => ({ prefix, accounts: ids.size }));
    },
    async listAccountsAfter(afterId, limit) {
      const rows = list((row) => afterId === null || row.id > afterId);
      return sortBy(rows, (row) => [row.id])
        .slice(0, limit)
        .map(copy);
    },
    async listAllAccounts(env, query) {
      const { status, provider, after } = query;
      const rows = list(
        (row) =>
          row.env === env &&
          (!status || row.status === status) &&
          (!provider || row.provider === provider) &&
          (!after || row.createdAt > after.createdAt || (row.createdAt === after.createdAt && row.id > after.id)),
      );
      return sortBy(rows, (row) => [row.createdAt, row.id])
        .slice(0, query.limit)
        .map(copy);
    },
    async countAccounts(env, dueBefore) {
      const counts = new Map<string, AccountCount>();
      for (const row of list((r) => r.env === env)) {
        const key = `${row.provider} ${row.status}`;
        const count = counts.get(key) ?? {
          provider: row.provider,
          status: row.status,
          accounts: 0,
          failing: 0,
          due: 0,
        };
        count.accounts++;
        if (row.lastError !== null) count.failing++;
        if (row.nextRefreshAt !== null && row.nextRefreshAt <= dueBefore) count.due++;
        counts.set(key, count);
      }
      return [...counts.values()];
    },
    async deleteAccount(env, userId, accountId, expectedVersion, outbox) {
      const row = accounts.get(accountId);
      if (!row || row.env !== env || row.userId !== userId) return false;
      if (expectedVersion !== undefined && row.version !== expectedVersion) return false;
      checkOutbox(tables, outbox);
      accounts.delete(accountId);
      writeOutbox(tables, outbox);
      return true;
    },
  };
}

/** The refresh lease on each account row. None of these change `version`: a lease is not a change of the account. */
export function memoryLeaseStore(tables: Tables): LeaseStore {
  const { accounts, deliveries } = tables;
  const free = (row: { leaseExpiresAt: number | null }, now: number) =>
    row.leaseExpiresAt === null || row.leaseExpiresAt <= now;

  return {
    async acquireLease(id, owner, now, until) {
      const row = accounts.get(id);
      if (!row || !free(row, now)) return undefined;
      row.leaseOwner = owner;
      row.leaseExpiresAt = until;
      return copy(row);
    },
    async renewLease(id, owner, now, until) {
      const row = accounts.get(id);
      // Only a lease still held: the owner's, and not yet expired (someone may have taken it since).
      if (!row || row.leaseOwner !== owner || row.leaseExpiresAt === null || row.leaseExpiresAt <= now) {
        return undefined;
      }
      row.leaseExpiresAt = until;
      return copy(row);
    },
    async releaseLease(id, owner) {
      const row = accounts.get(id);
      if (row?.leaseOwner !== owner) return;
      row.leaseOwner = null;
      row.leaseExpiresAt = null;
    },
    async releaseLeases(owner) {
      let released = 0;
      for (const row of [...accounts.values(), ...deliveries.values()]) {
        if (row.leaseOwner !== owner) continue;
        row.leaseOwner = null;
        row.leaseExpiresAt = null;
        released += 1;
      }
      return released;
    },
    async claimDueAccounts(owner, now, until, limit) {
      const due = [...accounts.values()].filter(
        (row) => row.nextRefreshAt !== null && row.nextRefreshAt <= now && free(row, now),
      );
      const claimed = sortBy(due, (row) => [row.nextRefreshAt ?? 0, row.id]).slice(0, limit);
      for (const row of claimed) {
        row.leaseOwner = owner;
        row.leaseExpiresAt = until;
      }
      return claimed.map(copy);
    },
  };
}
