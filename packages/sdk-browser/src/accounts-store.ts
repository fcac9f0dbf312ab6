import type { ConnectedAccount, ConnectedAccountsSnapshot, ConnectedAccountsStore } from './account-types.js';
import { VaultAuthError } from './errors.js';

const INITIAL: ConnectedAccountsSnapshot = Object.freeze({ status: 'loading', accounts: Object.freeze([]) });

/**
 * The session user's accounts as a store that knows nothing of React. Snapshots are frozen, and a new one is made
 * only when something changed (an unchanged account keeps its object), so `useSyncExternalStore` never loops.
 * Loads may overlap; an answer older than the one shown is never shown.
 */
export function createAccountsStore(fetchAccounts: () => Promise<ConnectedAccount[]>) {
  let snapshot = INITIAL;
  const listeners = new Set<() => void>();
  // Nothing loaded since the list last changed at the vault: the next subscriber loads.
  let stale = true;
  let started = 0;
  let shown = 0;

  function publish(sequence: number, next: ConnectedAccountsSnapshot) {
    if (sequence <= shown) return; // a newer load already answered
    shown = sequence;
    if (sameSnapshot(snapshot, next)) return;
    snapshot = next;
    for (const listener of [...listeners]) listener();
  }

  /** One load; its answer (or failure) goes to the snapshot too. */
  async function load(): Promise<readonly ConnectedAccount[]> {
    const sequence = ++started;
    stale = false;
    try {
      const fetched = await fetchAccounts();
      // Against the snapshot as it is now, after the await: it may have changed meanwhile.
      const accounts = reuseUnchanged(snapshot.accounts, fetched);
      publish(sequence, Object.freeze({ status: 'ready', accounts }));
      return accounts;
    } catch (caught) {
      const error =
        caught instanceof VaultAuthError
          ? caught
          : new VaultAuthError('request_failed', 'listing the accounts failed', { cause: caught });
      publish(sequence, Object.freeze({ status: 'error', accounts: snapshot.accounts, error }));
      throw error;
    }
  }

  // The failure is not forgotten: it is the snapshot's `error`.
  const refresh = () =>
    load().then(
      () => undefined,
      () => undefined,
    );

  const store: ConnectedAccountsStore = {
    subscribe(listener) {
      listeners.add(listener);
      if (stale) void refresh();
      return () => {
        listeners.delete(listener);
      };
    },
    getSnapshot: () => snapshot,
    refresh,
  };

  return {
    store,
    load,
    /** The vault's list changed (a link, a disconnect, another user): reload if anyone watches, else on subscribe. */
    invalidate(): Promise<void> {
      if (listeners.size > 0) return refresh();
      stale = true;
      return Promise.resolve();
    },
  };
}

/** The new list, with the previous object wherever an account did not change. */
function reuseUnchanged(
  previous: readonly ConnectedAccount[],
  next: readonly ConnectedAccount[],
): readonly ConnectedAccount[] {
  const byId = new Map(previous.map((account) => [account.id, account]));
  return Object.freeze(
    next.map((account) => {
      const known = byId.get(account.id);
      // JSON leaves the methods out and writes Dates as ISO strings: equal text, equal data.
      return known && JSON.stringify(known) === JSON.stringify(account) ? known : account;
    }),
  );
}

function sameSnapshot(a: ConnectedAccountsSnapshot, b: ConnectedAccountsSnapshot): boolean {
  return (
    a.status === b.status &&
    a.error?.code === b.error?.code &&
    a.error?.message === b.error?.message &&
    a.accounts.length === b.accounts.length &&
    a.accounts.every((account, i) => account === b.accounts[i])
  );
}
