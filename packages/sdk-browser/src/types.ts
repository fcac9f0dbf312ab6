import type { ConnectSessionBinding } from './protocol.js';

/** Backstage's ProfileInfo: what the provider says about the signed-in account. */
export interface ProfileInfo {
  displayName?: string;
  email?: string;
  picture?: string;
}

/** Backstage's AuthRequestOptions. */
export interface AuthRequestOptions {
  /** Resolve `''` (or `undefined`) instead of asking the user to log in. */
  optional?: boolean;
  /** Open the popup at once, skipping `onAuthRequest`; call it synchronously from a click handler. */
  instantPopup?: boolean;
}

export interface VaultOptions {
  /** Where browsers reach the vault (its `publicUrl`), e.g. `http://127.0.0.1:7007`. */
  baseUrl: string;
  /** The vault environment; default `'development'`. */
  env?: string;
  /** For tests only; default the global `fetch`. */
  fetch?: typeof fetch;
}

export interface AuthOptions {
  /** Asked for on every call, before the scopes the call names. */
  defaultScopes?: string[];
  /** `'popup'` (default) or `'redirect'`: the whole page goes to the provider and comes back. */
  flow?: 'popup' | 'redirect';
  /**
   * The app's "Log in?" prompt, awaited before a login the user did not just click for (not `instantPopup`), so
   * the popup opens inside the user's click on it. Reject to refuse; the call then fails with `RejectedError`.
   */
  onAuthRequest?: (scopes: string[]) => Promise<void>;
}

/** Backstage's OAuthApi, ProfileInfoApi and SessionApi for one provider. */
export interface VaultAuth {
  getAccessToken(scope?: string | readonly string[], options?: AuthRequestOptions): Promise<string>;
  getIdToken(options?: AuthRequestOptions): Promise<string>;
  getProfile(options?: AuthRequestOptions): Promise<ProfileInfo | undefined>;
  signIn(): Promise<void>;
  signOut(): Promise<void>;
}

export interface Vault {
  useConnectSession(token: string): Promise<ConnectSessionBinding>;
  auth(provider: string, options?: AuthOptions): VaultAuth;
}
