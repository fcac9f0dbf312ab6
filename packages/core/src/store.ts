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

  /** Inserts the account and its outbox entries in one transaction. */
  insertAccount(account: AccountRow, outbox?: Outbox): Promise<void>;
  /**
   * Compare-and-swap on `version`: applies the change (and writes the outbox entries, in the same transaction)
   * only if the row still has `expectedVersion`. Bumps the version.
   */
  updateAccount(id: string, expectedVersion: number, change: AccountChange, outbox?: Outbox): Promise<boolean>;
  getAccount(env: string, userId: string, accountId: string): Promise<AccountRow | undefined>;
  /** By id alone, for the refresh engine, which already knows the account. */
  getAccountById(id: string): Promise<AccountRow | undefined>;
  findAccount(key: AccountKey): Promise<AccountRow | undefined>;
  listAccounts(env: string, userId: string): Promise<AccountRow[]>;
  /** Accounts of every environment with an id after `afterId`, by id: a full walk, page by page. */
  listAccountsAfter(afterId: string | null, limit: number): Promise<AccountRow[]>;
  /** Every user's accounts in the environment, oldest first, optionally of one status and provider. */
  listAllAccounts(env: string, query: AccountQuery): Promise<AccountRow[]>;
  /** Deletes only while the row still has `expectedVersion`, writing the outbox entries in the same transaction. */
  deleteAccount(
    env: string,
    userId: string,
    accountId: string,
    expectedVersion?: number,
    outbox?: Outbox,
  ): Promise<boolean>;

  /**
   * Takes the account's refresh lease if nobody holds it or its holder's lease has expired; returns the row as
   * it is now, or undefined when someone else holds a live lease. Does not change `version`.
   */
  acquireLease(id: string, owner: string, now: number, until: number): Promise<AccountRow | undefined>;
  /**
   * Extends a lease `owner` still holds (it has not expired) to `until`; returns the row, or undefined if the lease
   * was lost. Does not change `version`.
   */
  renewLease(id: string, owner: string, now: number, until: number): Promise<AccountRow | undefined>;
  /** Drops the lease if `owner` still holds it; does not change `version`. */
  releaseLease(id: string, owner: string): Promise<void>;
  /**
   * Drops every account and delivery lease `owner` holds, for a process that stops with claimed work it never
   * began; returns how many it dropped. Does not change `version`.
   */
  releaseLeases(owner: string): Promise<number>;
  /**
   * Leases up to `limit` accounts whose `nextRefreshAt` is due and whose lease is free, earliest first, without
   * two callers ever getting the same account (SKIP LOCKED on PostgreSQL, the single writer on SQLite).
   */
  claimDueAccounts(owner: string, now: number, until: number, limit: number): Promise<AccountRow[]>;

  /**
   * Leases up to `limit` pending deliveries that are due, each only when no earlier event of the same account
   * is still pending for the same URL (in order per account).
   */
  claimDeliveries(owner: string, now: number, until: number, limit: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt and the delivery's new state, if `owner` still holds its lease; releases the lease. */
  finishDelivery(id: string, owner: string, change: DeliveryChange, attempt: AttemptRow): Promise<boolean>;
  listDeliveries(env: string, query: DeliveryQuery): Promise<DeliveryRow[]>;
  listAttempts(deliveryIds: string[]): Promise<AttemptRow[]>;
  listEvents(accountId: string): Promise<EventRow[]>;

  /**
   * Deletes what has run its course: expired flows, sessions and connect sessions, finished webhook deliveries (with their
   * attempts) and events created before `historyBefore` (an event with a pending delivery is kept), and audit
   * rows older than `auditBefore`.
   */
  sweep(now: number, historyBefore: number, auditBefore: number): Promise<SweepResult>;

  insertFlow(flow: FlowRow): Promise<void>;
  /** Deletes and returns the flow in one step, so a flow can be completed once. */
  takeFlow(id: string): Promise<FlowRow | undefined>;

  /** Writes the connect session with the audit row that records its creation. */
  insertConnectSession(session: ConnectSessionRow, audit: AuditRow[]): Promise<void>;
  /** Deletes and returns it in one step, so a connect-session token is used once. */
  takeConnectSession(id: string): Promise<ConnectSessionRow | undefined>;

  insertSession(session: SessionRow): Promise<void>;
  getSession(id: string): Promise<SessionRow | undefined>;
  deleteSession(id: string): Promise<void>;

  // Service clients. Every change takes the audit rows that record it, written in the same transaction.
  /** Inserts the client with its grants and first key. */
  insertClient(client: ClientRow, grants: GrantRow[], key: ClientKeyRow, audit: AuditRow[]): Promise<void>;
  /** Deletes the client with its keys and grants; false if it is not in `env`. */
  deleteClient(env: string, clientId: string, audit: AuditRow[]): Promise<boolean>;
  listClients(env: string): Promise<ClientRow[]>;
  getClient(env: string, clientId: string): Promise<ClientRow | undefined>;
  getGrants(clientId: string): Promise<GrantRow[]>;
  /** False if the client already has this grant. */
  insertGrant(grant: GrantRow, audit: AuditRow[]): Promise<boolean>;
  /** False if the client had no such grant. */
  deleteGrant(grant: GrantRow, audit: AuditRow[]): Promise<boolean>;
  insertClientKey(key: ClientKeyRow, audit: AuditRow[]): Promise<void>;
  getClientKey(clientId: string, keyId: string): Promise<ClientKeyRow | undefined>;
  /** Every key of the client, revoked ones included, oldest first. */
  listClientKeys(clientId: string): Promise<ClientKeyRow[]>;
  revokeClientKey(clientId: string, keyId: string, at: number, audit: AuditRow[]): Promise<boolean>;
  touchClientKey(clientId: string, keyId: string, at: number): Promise<void>;

  /** Appends to the audit log; rows are never changed, and deleted only by `sweep` after the retention period. */
  insertAudit(rows: AuditRow[]): Promise<void>;
  /** Newest first. */
  listAudit(env: string, query: AuditQuery): Promise<AuditRow[]>;
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
  /** From the provider's profile, for the browser (Backstage's ProfileInfo). */
  email: string | null;
  picture: string | null;
  /** Token-response fields the provider spec keeps (Salesforce's `instance_url`); not secret. */
  metadata: Record<string, string>;
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
  /** When a refresh last succeeded. */
  lastRefreshedAt: number | null;
  /** When the scheduler should refresh next (ahead of expiry, keep-alive or a retry); null for never. */
  nextRefreshAt: number | null;
  /** Consecutive failed refreshes; drives the back-off. */
  failureCount: number;
  /** Who holds the refresh lease, until when. */
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
}

export type AccountChange = Partial<
  Pick<
    AccountRow,
    | 'displayName'
    | 'email'
    | 'picture'
    | 'metadata'
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
    | 'lastRefreshedAt'
    | 'nextRefreshAt'
    | 'failureCount'
    | 'leaseOwner'
    | 'leaseExpiresAt'
  >
>;

/**
 * Written with an account change, in its transaction: the events, one delivery per configured webhook, and the
 * audit rows.
 */
export interface Outbox {
  events: EventRow[];
  deliveries: DeliveryRow[];
  audit?: AuditRow[];
}

/** Something that happened to an account; `seq` is the account version that wrote it (order per account). */
export interface EventRow {
  id: string;
  env: string;
  accountId: string;
  seq: number;
  type: string;
  /** The JSON body as posted to webhooks. */
  payload: string;
  createdAt: number;
}

export type DeliveryStatus = 'pending' | 'delivered' | 'failed';

/** One event on its way to one webhook URL. */
export interface DeliveryRow {
  id: string;
  eventId: string;
  env: string;
  accountId: string;
  seq: number;
  url: string;
  status: DeliveryStatus;
  attempts: number;
  nextAttemptAt: number;
  lastStatus: number | null;
  lastError: string | null;
  createdAt: number;
  /** When it was first tried; the give-up clock starts here, not at the event (it may wait behind others). */
  firstAttemptAt: number | null;
  deliveredAt: number | null;
}

export interface ClaimedDelivery extends DeliveryRow {
  payload: string;
}

export type DeliveryChange = Pick<
  DeliveryRow,
  'status' | 'attempts' | 'nextAttemptAt' | 'lastStatus' | 'lastError' | 'firstAttemptAt' | 'deliveredAt'
>;

export interface AttemptRow {
  deliveryId: string;
  attempt: number;
  at: number;
  /** The receiver's HTTP status; null when it could not be reached. */
  status: number | null;
  error: string | null;
  durationMs: number;
}

export interface SweepResult {
  flows: number;
  sessions: number;
  deliveries: number;
  events: number;
  audit: number;
}

export interface AccountQuery {
  status?: AccountStatus;
  provider?: string;
  limit: number;
  /** Accounts created after this one (its sort key), for pagination. */
  after?: { createdAt: number; id: string };
}

export interface DeliveryQuery {
  status?: DeliveryStatus;
  accountId?: string;
  limit: number;
  /** Deliveries created before this one (its id), for pagination newest first. */
  before?: { createdAt: number; id: string };
}

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
  /** The provider's per-account values for this connect (its `params`). */
  params: Record<string, string>;
  createdAt: number;
  expiresAt: number;
}

/**
 * What a browser session bound by a connect session may do: no more than the service client that created the
 * connect session held on that user when it did (docs/security.md, "Connect sessions").
 */
export interface SessionLimits {
  /** `client:<id>` of the creator; recorded as `via` on the audit rows of what the session does. */
  createdBy: string;
  /** The only provider whose accounts it may link and use; null: any. */
  provider: string | null;
  /** The only scopes it may ask for when linking or reading; empty: no limit beyond the provider's. */
  scopes: string[];
  /** Of the session actions (grants.ts), those the creator held. */
  actions: string[];
  /** Set when the hosted connect page redeemed the connect session (docs/connect-page.md). */
  connectPage?: ConnectPageLimits;
}

/** What the hosted connect page keeps of its connect session, so a reload shows the same page. */
export interface ConnectPageLimits {
  /** The only providers the page offers and `/start` links; null: every one the session may link. */
  allowedProviders: string[] | null;
  /** Where the page sends the user back, on an app origin. */
  returnUrl: string | null;
  /** When the connect session ends: the page stops working then. */
  expiresAt: number;
}

/** A browser session, keyed by the hash of its cookie value; `accountId` set for per-provider handles. */
export interface SessionRow {
  id: string;
  env: string;
  userId: string;
  accountId: string | null;
  /** Set when the session came from a connect session: what its creator held. Null: the user's own session. */
  limits: SessionLimits | null;
  createdAt: number;
  expiresAt: number;
}

/** A single-use token binding a browser to an app's user, keyed by the token's SHA-256 (SPEC §5.3.2). */
export interface ConnectSessionRow {
  id: string;
  env: string;
  userId: string;
  /** The provider (and scopes) the app means the user to link; null: any. */
  provider: string | null;
  scopes: string[];
  /** `client:<id>` of the service client that created it. */
  createdBy: string;
  /** What the browser session it becomes may do: those of the session actions its creator held on the user. */
  actions: string[];
  /** For the hosted connect page: the providers it offers (null: every one the session may link). */
  allowedProviders: string[] | null;
  /** For the hosted connect page: where it sends the user back, on an app origin. */
  returnUrl: string | null;
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
  /** Null: never expires. */
  expiresAt: number | null;
  /** Updated at most once a minute per process. */
  lastUsedAt: number | null;
}

/** One entry of the audit log (SPEC §5.3.2). */
export interface AuditRow {
  id: string;
  env: string;
  at: number;
  /** E.g. `credentials.read`, `key.revoked`, `account.connected`. */
  action: string;
  /** `client:<id>`, `user:<id>`, `cli` or `system`. */
  principal: string;
  /** The access key a client used. */
  keyId: string | null;
  /** The client a user's browser acted through: the creator of the connect session its session came from. */
  via: string | null;
  userId: string | null;
  provider: string | null;
  accountId: string | null;
  /** Scopes asked for (credential reads). */
  scopes: string[] | null;
  /** `ok`, or the error code the caller got. */
  result: string;
  requestId: string | null;
  /** JSON with what else the action needs, e.g. the client, key or grant it changed. */
  detail: string | null;
}

export interface AuditQuery {
  principal?: string;
  userId?: string;
  provider?: string;
  action?: string;
  /** Inclusive bounds on `at`. */
  since?: number;
  until?: number;
  limit: number;
  /** Entries older than this one (its sort key), for pagination newest first. */
  before?: { at: number; id: string };
}
