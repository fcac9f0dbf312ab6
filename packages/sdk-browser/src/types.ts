import type { AccessTokenSource, ConnectedAccount, ConnectedAccountsStore, LinkOptions } from './account-types.js';

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
  /**
   * The signed-in user's JWT from the app's own identity provider, asked for before each `/v1/me` request and sent
   * as `Authorization: Bearer` instead of the vault's session cookie (the vault must trust its issuer; docs/sdk.md,
   * "Without cookies"). Linking an account still runs in a browser session (a connect session).
   */
  getToken?: () => string | Promise<string>;
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

/** What a redeemed connect-session token bound this browser to. */
export interface ConnectSessionBinding {
  env: string;
  userId: string;
  /** What the app's backend meant the user to link next; null: any provider. */
  provider: string | null;
  scopes: string[];
  /** What this browser may now do with the user's accounts: no more than the app's backend holds. */
  actions: string[];
}

export interface Vault {
  redeemConnectSession(token: string): Promise<ConnectSessionBinding>;
  auth(provider: string, options?: AuthOptions): VaultAuth;
  /** The session user's accounts (`/v1/me`); `no_session` when this browser has no vault session. */
  listConnectedAccounts(): Promise<ConnectedAccount[]>;
  /** Undefined when this browser's user has no such account. */
  getConnectedAccount(
    target: { id: string } | { provider: string; providerAccountId: string },
  ): Promise<ConnectedAccount | undefined>;
  /**
   * A healthy account of `provider` holding every scope; else the `auth(provider)` login, asking for the missing
   * scopes and those held, and the account that holds them afterwards. `RejectedError` if refused or not granted.
   */
  getOrLinkConnectedAccount(provider: string, options: LinkOptions): Promise<ConnectedAccount>;
  /**
   * Always a new consent (from a click: the popup opens before anything is awaited), linking another account of
   * `provider` or the same one again; the account that holds the scopes afterwards.
   */
  linkConnectedAccount(provider: string, options: LinkOptions): Promise<ConnectedAccount>;
  /** Tokens of the user's best account of `provider`, chosen by the vault: healthy, holding the scopes, newest. */
  account(provider: string): AccessTokenSource;
  /** The accounts list as a store (`subscribe`, `getSnapshot`), reloaded after links, disconnects and sessions. */
  connectedAccounts: ConnectedAccountsStore;
  /**
   * With `getToken`: a connect session for that user (`POST /v1/me/connect-sessions`), to hand to `openConnect`;
   * `no_session` without `getToken` or when the vault refuses the token.
   */
  createConnectSession(options?: MyConnectSessionOptions): Promise<{ token: string; connectUrl: string }>;
}

export interface MyConnectSessionOptions {
  provider?: string;
  scopes?: string[];
  allowedProviders?: string[];
  /** On an app origin: where the connect page sends the user back. */
  returnUrl?: string;
}
