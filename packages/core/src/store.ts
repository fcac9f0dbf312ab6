/**
 * The persistence contract. Every adapter (SQLite, PostgreSQL) implements it and passes one conformance suite.
 * Values marked "ciphertext" are produced by the vault's Cipher; the store never sees plaintext secrets.
 * Times are milliseconds since the epoch.
 */
export interface Store {
  /** Applies pending schema migrations; safe to run concurrently from several processes. */
  migrate(): Promise<void>;
  /** Resolves when the database answers; for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;

  insertAccount(account: AccountRow): Promise<void>;
  /** Compare-and-swap on `version`: applies the change only if the row still has `expectedVersion`. */
  updateAccount(id: string, expectedVersion: number, change: AccountChange): Promise<boolean>;
  getAccount(env: string, userId: string, accountId: string): Promise<AccountRow | undefined>;
  findAccount(key: AccountKey): Promise<AccountRow | undefined>;
  listAccounts(env: string, userId: string): Promise<AccountRow[]>;
  deleteAccount(env: string, userId: string, accountId: string): Promise<boolean>;

  insertFlow(flow: FlowRow): Promise<void>;
  /** Deletes and returns the flow in one step, so a flow can be completed once. */
  takeFlow(id: string): Promise<FlowRow | undefined>;

  insertSession(session: SessionRow): Promise<void>;
  getSession(id: string): Promise<SessionRow | undefined>;
  deleteSession(id: string): Promise<void>;

  /** Inserts the client with its grants in one transaction. */
  insertClient(client: ClientRow, grants: GrantRow[]): Promise<void>;
  listClients(env: string): Promise<ClientRow[]>;
  getClient(env: string, clientId: string): Promise<ClientRow | undefined>;
  getGrants(clientId: string): Promise<GrantRow[]>;
  insertClientKey(key: ClientKeyRow): Promise<void>;
  getClientKey(clientId: string, keyId: string): Promise<ClientKeyRow | undefined>;
  revokeClientKey(clientId: string, keyId: string, at: number): Promise<boolean>;
}

export type AccountStatus = 'active' | 'needs_reauth' | 'error' | 'revoked';

/** Identifies one provider account of one user: linking it again updates the same row. */
export interface AccountKey {
  env: string;
  userId: string;
  provider: string;
  providerAccountId: string;
}

/** A connected account and its credential. */
export interface AccountRow extends AccountKey {
  id: string;
  displayName: string | null;
  /** Scopes the provider granted (not those requested). */
  scopes: string[];
  status: AccountStatus;
  /** Incremented on every write; the compare-and-swap token. */
  version: number;
  accessToken: string; // ciphertext
  refreshToken: string | null; // ciphertext
  idToken: string | null; // ciphertext
  tokenType: string;
  /** When the access token was obtained, to know its lifetime. */
  obtainedAt: number;
  /** Null when the provider said the token does not expire. */
  expiresAt: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

export type AccountChange = Partial<
  Pick<
    AccountRow,
    | 'displayName'
    | 'scopes'
    | 'status'
    | 'accessToken'
    | 'refreshToken'
    | 'idToken'
    | 'tokenType'
    | 'obtainedAt'
    | 'expiresAt'
    | 'lastError'
    | 'updatedAt'
  >
>;

/** A pending authorization request, keyed by the hash of its state nonce. */
export interface FlowRow {
  id: string;
  env: string;
  provider: string;
  /** The user the flow attaches the account to; null signs in as `{provider}:{providerAccountId}`. */
  userId: string | null;
  origin: string;
  redirectUrl: string | null;
  mode: 'popup' | 'redirect';
  scopes: string[];
  codeVerifier: string | null; // ciphertext
  oidcNonce: string | null;
  createdAt: number;
  expiresAt: number;
}

/** A browser session, keyed by the hash of its cookie value; `accountId` set for per-provider handles. */
export interface SessionRow {
  id: string;
  env: string;
  userId: string;
  accountId: string | null;
  createdAt: number;
  expiresAt: number;
}

export interface ClientRow {
  id: string;
  env: string;
  name: string;
  createdAt: number;
}

export interface GrantRow {
  clientId: string;
  role: string;
  /** A resource pattern; empty means the whole environment. */
  resource: string;
}

export interface ClientKeyRow {
  id: string;
  clientId: string;
  env: string;
  /** Base64 SPKI DER of the Ed25519 public key; the private key is never stored. */
  publicKey: string;
  createdAt: number;
  revokedAt: number | null;
}
