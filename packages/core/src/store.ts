import type {
  AccountChange,
  AccountCount,
  AccountKey,
  AccountQuery,
  AccountRow,
  AttemptRow,
  AuditCount,
  AuditCountQuery,
  AuditQuery,
  AuditRow,
  ClaimedDelivery,
  ClientKeyRow,
  ClientRow,
  ConnectSessionRow,
  DeliveryChange,
  DeliveryQuery,
  DeliveryRow,
  EventRow,
  FlowRow,
  GrantRow,
  Outbox,
  SessionRow,
  SweepResult,
} from './store-rows.js';

/**
 * The persistence contract, in parts: each consumer takes only the part it uses, and an adapter implements them
 * all (`Store`). Every adapter passes one conformance suite (`@tokenvault/core/testing`, docs/architecture.md).
 * Values marked "ciphertext" are produced by the vault's Cipher; the store never sees plaintext secrets.
 * Times are milliseconds since the epoch.
 */
export type Store = MaintenanceStore &
  AccountStore &
  LeaseStore &
  OutboxStore &
  FlowStore &
  SessionStore &
  ClientStore &
  AuditStore;

/** The database itself: schema, health, shutdown, and the sweep of what has run its course. */
export interface MaintenanceStore {
  /** Applies pending schema migrations; safe to run concurrently from several processes. */
  migrate(): Promise<void>;
  /** Resolves when the database answers; for readiness probes. */
  ping(): Promise<void>;
  close(): Promise<void>;
  /**
   * Deletes what has run its course: expired flows, sessions and connect sessions, finished webhook deliveries (with their
   * attempts) and events created before `historyBefore` (an event with a pending delivery is kept), and audit
   * rows older than `auditBefore`.
   */
  sweep(now: number, historyBefore: number, auditBefore: number): Promise<SweepResult>;
}

/** Connected accounts and their credentials, one row each. */
export interface AccountStore {
  /**
   * Inserts the account and its outbox entries in one transaction. A second row for the same `AccountKey` (or
   * id) is refused with `VaultError('conflict')`.
   */
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
  /** The user's accounts in link order (oldest first), of one provider when `provider` is given. */
  listAccounts(env: string, userId: string, provider?: string): Promise<AccountRow[]>;
  /** Accounts of every environment with an id after `afterId`, by id: a full walk, page by page. */
  listAccountsAfter(afterId: string | null, limit: number): Promise<AccountRow[]>;
  /**
   * The distinct first `length` characters of every stored credential ciphertext (access, refresh and id token),
   * each with how many accounts hold one: what the start-up check of master keys reads, in the database, instead
   * of every account.
   */
  credentialPrefixes(length: number): Promise<Array<{ prefix: string; accounts: number }>>;
  /** Every user's accounts in the environment, oldest first, optionally of one status and provider. */
  listAllAccounts(env: string, query: AccountQuery): Promise<AccountRow[]>;
  /** The environment's accounts counted by provider and status, in no particular order; `dueBefore` sets `due`. */
  countAccounts(env: string, dueBefore: number): Promise<AccountCount[]>;
  /** Deletes only while the row still has `expectedVersion`, writing the outbox entries in the same transaction. */
  deleteAccount(
    env: string,
    userId: string,
    accountId: string,
    expectedVersion?: number,
    outbox?: Outbox,
  ): Promise<boolean>;
}

/** The refresh lease on each account row, and the scheduler's claim of due accounts. */
export interface LeaseStore {
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
}

/** Account events and their webhook deliveries (written by `AccountStore` changes, in their transaction). */
export interface OutboxStore {
  /**
   * Leases up to `limit` pending deliveries that are due, each only when no earlier event of the same account
   * is still pending for the same URL (in order per account).
   */
  claimDeliveries(owner: string, now: number, until: number, limit: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt and the delivery's new state, if `owner` still holds its lease; releases the lease. */
  finishDelivery(id: string, owner: string, change: DeliveryChange, attempt: AttemptRow): Promise<boolean>;
  /**
   * Puts one delivery of `env` back in the queue, due at `now`, with a fresh retry window (an operator's retry),
   * and writes `audit` in the same transaction; false, changing nothing, for an unknown delivery or one whose lease
   * is held (it is being posted right now).
   */
  retryDelivery(env: string, id: string, now: number, audit: AuditRow[]): Promise<boolean>;
  /** Newest first. */
  listDeliveries(env: string, query: DeliveryQuery): Promise<DeliveryRow[]>;
  /** By delivery, then attempt number. */
  listAttempts(deliveryIds: string[]): Promise<AttemptRow[]>;
  /** In `seq` order. */
  listEvents(accountId: string): Promise<EventRow[]>;
}

/** Pending authorization requests of the connect flow. */
export interface FlowStore {
  insertFlow(flow: FlowRow): Promise<void>;
  /** Deletes and returns the flow in one step, so a flow can be completed once. */
  takeFlow(id: string): Promise<FlowRow | undefined>;
}

/** Browser sessions, and the single-use connect sessions that become them. */
export interface SessionStore {
  insertSession(session: SessionRow): Promise<void>;
  getSession(id: string): Promise<SessionRow | undefined>;
  deleteSession(id: string): Promise<void>;
  /** Writes the connect session with the audit row that records its creation. */
  insertConnectSession(session: ConnectSessionRow, audit: AuditRow[]): Promise<void>;
  /** Deletes and returns it in one step, so a connect-session token is used once. */
  takeConnectSession(id: string): Promise<ConnectSessionRow | undefined>;
}

/** Service clients, their grants and keys. Every change takes the audit rows that record it, in its transaction. */
export interface ClientStore {
  /** Inserts the client with its grants and first key. */
  insertClient(client: ClientRow, grants: GrantRow[], key: ClientKeyRow, audit: AuditRow[]): Promise<void>;
  /** Deletes the client with its keys and grants; false if it is not in `env`. */
  deleteClient(env: string, clientId: string, audit: AuditRow[]): Promise<boolean>;
  /** Oldest first. */
  listClients(env: string): Promise<ClientRow[]>;
  getClient(env: string, clientId: string): Promise<ClientRow | undefined>;
  /** By role, then resource. */
  getGrants(clientId: string): Promise<GrantRow[]>;
  /**
   * Adds the grant, or gives the client's same grant (role and resource) the new `expiresAt`; false (and no audit
   * rows written) if the client already has it with that expiry.
   */
  insertGrant(grant: GrantRow, audit: AuditRow[]): Promise<boolean>;
  /** By role and resource, whatever its expiry; false (and no audit rows written) if the client had no such grant. */
  deleteGrant(grant: GrantRow, audit: AuditRow[]): Promise<boolean>;
  insertClientKey(key: ClientKeyRow, audit: AuditRow[]): Promise<void>;
  getClientKey(clientId: string, keyId: string): Promise<ClientKeyRow | undefined>;
  /** Every key of the client, revoked ones included, oldest first. */
  listClientKeys(clientId: string): Promise<ClientKeyRow[]>;
  /** False (and no audit rows written) if the key is unknown or already revoked. */
  revokeClientKey(clientId: string, keyId: string, at: number, audit: AuditRow[]): Promise<boolean>;
  touchClientKey(clientId: string, keyId: string, at: number): Promise<void>;
}

/** The append-only audit log. */
export interface AuditStore {
  /**
   * Appends the rows in one statement (the audit writer groups concurrent records into one call); all or none.
   * Rows are never changed, and deleted only by `sweep` after the retention period.
   */
  insertAudit(rows: AuditRow[]): Promise<void>;
  /** Newest first. */
  listAudit(env: string, query: AuditQuery): Promise<AuditRow[]>;
  /** Rows of the actions since `since`, counted per action and bucket (only buckets with rows), in no order. */
  countAudit(env: string, query: AuditCountQuery): Promise<AuditCount[]>;
}
