import type {
  AccessTokenError,
  AccessTokenResult,
  ConnectedAccountsSnapshot,
  VaultAuthError,
} from '@tokenvault/sdk-browser';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { useVault } from './vault-context.js';

export interface UseAccessTokenOptions {
  scopes?: readonly string[];
  minValiditySeconds?: number;
}

export type AccessTokenState =
  | { status: 'loading'; accessToken?: undefined; error?: undefined }
  | { status: 'ok'; accessToken: string; expiresAt: Date | null; scopes: string[]; error?: undefined }
  /** An `AccessTokenError` the app handles (`needs_reauth`, …), or a `VaultAuthError` (the vault is unreachable). */
  | { status: 'error'; accessToken?: undefined; error: AccessTokenError | VaultAuthError };

const LOADING: AccessTokenState = { status: 'loading' };

/**
 * A token of the user's best account of `provider` (the vault picks: healthy, holding the scopes, newest). Asks
 * again when the provider or options change, and when that provider's accounts do (a link, a disconnect, a
 * re-authorization); an answer to an earlier request is never shown.
 */
export function useAccessToken(provider: string, options: UseAccessTokenOptions = {}): AccessTokenState {
  const vault = useVault();
  const store = vault.connectedAccounts;
  const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
  const revision = accountsRevision(snapshot, provider);
  // A stable key for what is asked: callers pass a new scopes array on every render.
  const scopes = [...new Set(options.scopes ?? [])].sort().join(' ');
  const { minValiditySeconds } = options;
  const request = `${provider}\n${scopes}\n${minValiditySeconds ?? ''}`;
  const [answer, setAnswer] = useState<{ request: string; state: AccessTokenState }>();

  useEffect(() => {
    // Credential reads are audited: while the list loads, wait for it rather than ask now and again after.
    if (revision === undefined) return;
    let current = true;
    const asked = {
      ...(scopes !== '' && { scopes: scopes.split(' ') }),
      ...(minValiditySeconds !== undefined && { minValiditySeconds }),
    };
    const show = (state: AccessTokenState) => {
      if (current) setAnswer({ request, state });
    };
    vault
      .account(provider)
      .getAccessToken(asked)
      .then(
        (result) => show(toState(result)),
        (error: VaultAuthError) => show({ status: 'error', error }),
      );
    return () => {
      current = false;
    };
  }, [vault, provider, scopes, minValiditySeconds, request, revision]);

  // Until the answer to this very request arrives, never the token of another; a list change keeps the last one.
  return answer?.request === request ? answer.state : LOADING;
}

function toState(result: AccessTokenResult): AccessTokenState {
  if (result.status === 'error') return { status: 'error', error: result.error };
  const { accessToken, expiresAt, scopes } = result.data;
  return { status: 'ok', accessToken, expiresAt, scopes };
}

/** What, of the accounts list, can change the vault's answer for `provider`; undefined while the list loads. */
function accountsRevision(snapshot: ConnectedAccountsSnapshot, provider: string): string | undefined {
  if (snapshot.status === 'loading') return undefined;
  const accounts = snapshot.accounts.filter((account) => account.provider === provider);
  // The status too: a browser whose session appeared (error → ready) may now have a token without a list change.
  return [snapshot.status, ...accounts.map((a) => `${a.id} ${a.status} ${a.scopes.join(',')}`)].join('\n');
}
