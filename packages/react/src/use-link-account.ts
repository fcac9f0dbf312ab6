import type { ConnectedAccount, LinkOptions, VaultAuthError } from '@tokenvault/sdk-browser';
import { useCallback, useRef, useState } from 'react';
import { useVault } from './vault-context.js';

export type LinkResult = { status: 'ok'; account: ConnectedAccount } | { status: 'error'; error: VaultAuthError };

export type LinkState =
  | { status: 'idle' | 'linking'; account?: undefined; error?: undefined }
  | { status: 'linked'; account: ConnectedAccount; error?: undefined }
  | { status: 'error'; account?: undefined; error: VaultAuthError };

export interface LinkAccount {
  /**
   * Opens the provider's consent (call it from a click: the popup opens before anything is awaited) and links
   * another account, or the same one again. Never rejects: the outcome is also `status`.
   */
  link(provider: string, options: LinkOptions): Promise<LinkResult>;
}

/** Links accounts from a button; the accounts list and `useAccessToken` update by themselves afterwards. */
export function useLinkAccount(): LinkAccount & LinkState {
  const vault = useVault();
  const [state, setState] = useState<LinkState>({ status: 'idle' });
  // Only the latest link's outcome is shown.
  const latest = useRef(0);

  const link = useCallback(
    (provider: string, options: LinkOptions): Promise<LinkResult> => {
      const pending = vault.linkConnectedAccount(provider, options);
      const call = ++latest.current;
      setState({ status: 'linking' });
      return pending.then(
        (account) => {
          if (call === latest.current) setState({ status: 'linked', account });
          return { status: 'ok', account };
        },
        (error: VaultAuthError) => {
          if (call === latest.current) setState({ status: 'error', error });
          return { status: 'error', error };
        },
      );
    },
    [vault],
  );
  return { ...state, link };
}
