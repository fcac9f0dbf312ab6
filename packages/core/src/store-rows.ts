// The rows the store contract (store.ts) reads and writes. Values marked "ciphertext" come from the vault's
// Cipher; times are milliseconds since the epoch.

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

/** How many accounts of one provider have one status (the dashboard's overview). */
export interface AccountCount {
  provider: string;
  status: AccountStatus;
  accounts: number;
  /** Of them, those whose last refresh failed (`lastError` set). */
  failing: number;
  /** Of them, those the scheduler will refresh by the time asked about (`nextRefreshAt` at or before it). */
  due: number;
}

/** Audit rows of some actions counted per time bucket. */
export interface AuditCountQuery {
  actions: readonly string[];
  /** Inclusive. */
  since: number;
  bucketMs: number;
}

export interface AuditCount {
  action: string;
  /** The bucket's start: `at` rounded down to a multiple of `bucketMs`. */
  bucket: number;
  ok: number;
  /** Rows whose result is not `ok`. */
  failed: number;
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

/** A single-use token binding a browser to an app's user, keyed by the token's SHA-256. */
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
  /** When the grant stops working (ms since the epoch); null: until revoked. */
  expiresAt: number | null;
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

/** One entry of the audit log (docs/security.md, "Audit log"). */
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
  /** `ok`, or an error code. */
  result?: string;
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
