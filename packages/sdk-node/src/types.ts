import type { Result } from './result.js';

export interface VaultClientOptions {
  /** Where backends reach the vault, e.g. `https://vault.example.com` (a path prefix is kept). */
  baseUrl: string;
  /** `clientId.keyId.environmentId.<private key>`, as `tokenvault clients create` showed it once. */
  accessKey: string | undefined;
  /** Per attempt; default 10 000. */
  timeoutMs?: number;
  /** Extra attempts for reads after a transport failure or a gateway error; default 2. Writes are never retried. */
  retries?: number;
  /** Delay before the first retry, doubled for each next one (with jitter); default 100. */
  retryDelayMs?: number;
  /** Default the global `fetch`; pass one to add tracing or to test. */
  fetch?: typeof fetch;
}

export type AccountStatus = 'active' | 'needs_reauth' | 'error' | 'revoked';

/** A connected account as the vault shows it to backends: never a token. */
export interface ConnectedAccount {
  id: string;
  provider: string;
  providerAccountId: string;
  displayName: string | null;
  scopes: string[];
  status: AccountStatus;
  /** When the stored access token expires; null if it does not. */
  expiresAt: Date | null;
  lastRefreshedAt: Date | null;
  nextRefreshAt: Date | null;
  /** Why the last refresh failed, in the vault's words. */
  lastError: string | null;
  /** Token-response fields the provider spec keeps, e.g. Salesforce's `instance_url`. */
  metadata: Record<string, string>;
  createdAt: Date;
  updatedAt: Date;
}

/** `'google'` (the user's best account of it), `{provider, providerAccountId}`, or a `ConnectedAccount.id`. */
export type AccountSelector = string | { provider: string; providerAccountId: string } | { accountId: string };

export interface AccessTokenOptions {
  /** Every one must have been granted, or the answer is `missing_scopes`. */
  scopes?: string[];
  /** Refresh first if less than this remains (0..86400); default: the vault's (5 min or half the lifetime). */
  minValiditySeconds?: number;
}

export interface AccessToken {
  accessToken: string;
  /** Usually `Bearer`. */
  tokenType: string;
  expiresAt: Date | null;
  scopes: string[];
  /** The account the token belongs to (the one chosen, when asked by provider). */
  accountId: string;
}

export type AccessTokenErrorCode = 'needs_reauth' | 'missing_scopes' | 'provider_unavailable' | 'not_connected';

export interface AccessTokenError {
  code: AccessTokenErrorCode;
  message: string;
  /** With `missing_scopes`: what the account lacks. */
  missingScopes?: string[];
  /** With `provider_unavailable`: seconds after which asking again may succeed. */
  retryAfter?: number;
  /** The vault's request id, when the vault answered. */
  requestId?: string;
}

export type AccessTokenResult = Result<AccessToken, AccessTokenError>;

export interface Disconnected {
  accountId: string;
  /** Whether the provider confirmed the revocation; the vault deleted the credential either way. */
  revokedAtProvider: boolean;
  /** Why revocation at the provider failed, in the vault's words. */
  revocationError?: { code: string; message: string };
}

export interface NotConnected {
  code: 'not_connected';
  message: string;
  requestId?: string;
}

export type DisconnectResult = Result<Disconnected, NotConnected>;

export interface ConnectSessionOptions {
  /** The only provider the browser may link and use; omitted: any. */
  provider?: string;
  /** The only scopes the browser may ask for; omitted: no limit beyond the provider's. */
  scopes?: string[];
  /** 1..1800; default 600. */
  expiresInSeconds?: number;
  /** The providers the hosted connect page offers (default: every one the session may link). */
  allowedProviders?: string[];
  /** Where the hosted connect page sends the user back, with `?connected=<accountId>` or `?error=<code>`; on an app origin. */
  returnUrl?: string;
}

export interface ConnectSession {
  /** Single-use, shown once: the hosted page redeems it, or your page posts it to `/api/auth/connect-session`. */
  token: string;
  /** The hosted connect page, with the token in its fragment: send the user's browser there. */
  connectUrl: string;
  expiresAt: Date;
  provider: string | null;
  scopes: string[];
  /** What the browser may do with the user's accounts: no more than this client holds on them. */
  actions: string[];
  allowedProviders: string[] | null;
  returnUrl: string | null;
}

export interface VaultAccount {
  getAccessToken(options?: AccessTokenOptions): Promise<AccessTokenResult>;
  /** Revokes at the provider where it can, then deletes the credential; never retried (see README). */
  disconnect(): Promise<DisconnectResult>;
  /**
   * Calls the provider's API as this account through the vault's proxy (docs/proxy.md): `path` (with its query)
   * is appended to the provider's API base URL; the answer is the provider's, as a standard Response. Needs
   * `proxy:read` (GET, HEAD, OPTIONS) or `proxy:write` (roles api-reader, api-caller).
   */
  fetch(path: string, init?: RequestInit): Promise<Response>;
}

export interface VaultUser {
  readonly id: string;
  /** The user's accounts this client's grants let it read; `[]` for an unknown user. */
  listConnectedAccounts(): Promise<ConnectedAccount[]>;
  account(selector: AccountSelector): VaultAccount;
  createConnectSession(options?: ConnectSessionOptions): Promise<ConnectSession>;
}

export interface VaultClient {
  user(userId: string): VaultUser;
}
