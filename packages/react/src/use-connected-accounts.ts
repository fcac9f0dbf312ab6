import type { ConnectedAccountsSnapshot } from '@tokenvault/sdk-browser';
import { useMemo, useSyncExternalStore } from 'react';
import { useVault } from './vault-context.js';

export interface ConnectedAccountsState extends ConnectedAccountsSnapshot {
  /** Reloads the list; never rejects (a failure is `error`). */
  refresh(): Promise<void>;
}

/** The session user's accounts, re-rendering when the SDK's store changes (after links, disconnects, `refresh`). */
export function useConnectedAccounts(): ConnectedAccountsState {
  const store = useVault().connectedAccounts;
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  return useMemo(() => ({ ...snapshot, refresh: store.refresh }), [snapshot, store]);
}
