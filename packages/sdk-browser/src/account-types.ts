import type { VaultAuthError } from './errors.js';

export type AccountStatus = 'active' | 'needs_reauth' | 'error' | 'revoked';

/** One of the session user's connected accounts, as `/v1/me` lists it; times are Dates. */
export interface ConnectedAccountData {
  readonly id: string;
  readonly provider: string;
  readonly providerAccountId: string;
  readonly displayName: string | null;
  /** What the provider granted, not what was asked for. */
  readonly scopes: readonly string[];
  readonly status: AccountStatus;
  /** When the stored access token expires; null if it does not. */
  readonly expiresAt: Date | null;
  readonly lastRefreshedAt: Date | null;
  readonly nextRefreshAt: Date | null;
  /** Why the last refresh failed, in the vault's words. */
  readonly lastError: string | null;
  /** Token-response fields the provider spec keeps, e.g. Salesforce's `instance_url`. */
  readonly metadata: Readonly<Record<string, string>>;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface AccessTokenOptions {
  /** Every one must be held, or the answer is `missing_scopes`. */
  scopes?: readonly string[];
  /**
   * Refresh first if less than this remains; longer than the provider's token lifetime means one refresh, whose
   * token is served for 5 minutes after it.
   */
  minValiditySeconds?: number;
}

export interface AccessTokenData {
  accessToken: string;
  tokenType: string;
  expiresAt: Date | null;
  scopes: string[];
  /** The account the token belongs to (the provider route picks one). */
  accountId: string;
}

export type AccessTokenErrorCode =
  | 'needs_reauth' // the provider refused the refresh token: the user must link the account again
  | 'missing_scopes' // the account was not granted every requested scope (`missingScopes`): link asking for them
  | 'provider_unavailable' // a transient outage at the provider; retry after `retryAfter` seconds
  | 'not_connected'; // no such account for this browser's user (or no vault session at all)

export interface AccessTokenError {
  code: AccessTokenErrorCode;
  message: string;
  missingScopes?: string[];
  retryAfter?: number;
}

/** What an app must handle is a value; only an unreachable or misbehaving vault throws (`VaultAuthError`). */
export type AccessTokenResult = { status: 'ok'; data: AccessTokenData } | { status: 'error'; error: AccessTokenError };

export interface AccessTokenSource {
  getAccessToken(options?: AccessTokenOptions): Promise<AccessTokenResult>;
  /**
   * Calls the provider's API as the account through the vault's proxy (docs/proxy.md), with the session cookie:
   * the answer is the provider's, as a standard Response. The token never reaches the page.
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface DisconnectResult {
  /** False when the account was already gone. */
  deleted: boolean;
  revokedAtProvider: boolean;
  revocationError?: { error: string; message: string };
}

/** A connected account with its operations. Immutable: a change at the vault gives a new object. */
export interface ConnectedAccount extends ConnectedAccountData, AccessTokenSource {
  /** Revokes at the provider where it can, deletes the credential, and refreshes the store. */
  disconnect(): Promise<DisconnectResult>;
}

export interface LinkOptions {
  scopes: readonly string[];
  /** `'popup'` (default) or `'redirect'`, as for `auth(provider)`; a redirect never settles. */
  flow?: 'popup' | 'redirect';
}

export interface ConnectedAccountsSnapshot {
  /** `loading` until the first answer; a failed reload keeps the accounts last seen, with `error`. */
  readonly status: 'loading' | 'ready' | 'error';
  readonly accounts: readonly ConnectedAccount[];
  readonly error?: VaultAuthError;
}

/** The session user's accounts, for `useSyncExternalStore`: the snapshot object changes only when its content does. */
export interface ConnectedAccountsStore {
  /** The first subscriber (after a change, the next one) loads the list. */
  subscribe(listener: () => void): () => void;
  getSnapshot(): ConnectedAccountsSnapshot;
  /** Reloads; never rejects: a failure lands in the snapshot. */
  refresh(): Promise<void>;
}
