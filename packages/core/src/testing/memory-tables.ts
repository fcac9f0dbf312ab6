import { VaultError } from '../errors.js';
import type {
  AccountRow,
  AttemptRow,
  AuditRow,
  ClientKeyRow,
  ClientRow,
  ConnectSessionRow,
  DeliveryRow,
  EventRow,
  FlowRow,
  GrantRow,
  Outbox,
  SessionRow,
} from '../store-rows.js';

// The memory store's "database": one Map per table, keyed by the primary key.
//
// Transactions: each method does all its checks, then all its writes, with no `await` in between. JavaScript
// runs one turn at a time, so a method's writes are atomic and isolated from every other call, as a SQL
// transaction's are. A check that fails throws before anything is written: all or none.

/** A webhook delivery as stored: with the lease the SQL row carries but `DeliveryRow` does not show. */
export interface StoredDelivery extends DeliveryRow {
  leaseOwner: string | null;
  leaseExpiresAt: number | null;
}

export interface Tables {
  accounts: Map<string, AccountRow>;
  flows: Map<string, FlowRow>;
  sessions: Map<string, SessionRow>;
  connectSessions: Map<string, ConnectSessionRow>;
  clients: Map<string, ClientRow>;
  /** Keyed by `grantKey`. */
  grants: Map<string, GrantRow>;
  /** Keyed by `keyKey` (client id and key id: key ids are unique per client). */
  keys: Map<string, ClientKeyRow>;
  events: Map<string, EventRow>;
  deliveries: Map<string, StoredDelivery>;
  /** Keyed by `attemptKey`. */
  attempts: Map<string, AttemptRow>;
  audit: Map<string, AuditRow>;
}

export function createTables(): Tables {
  return {
    accounts: new Map(),
    flows: new Map(),
    sessions: new Map(),
    connectSessions: new Map(),
    clients: new Map(),
    grants: new Map(),
    keys: new Map(),
    events: new Map(),
    deliveries: new Map(),
    attempts: new Map(),
    audit: new Map(),
  };
}

// Composite keys; JSON keeps them unambiguous whatever the parts hold.
export const grantKey = (g: GrantRow) => JSON.stringify([g.clientId, g.role, g.resource]);
export const keyKey = (clientId: string, keyId: string) => JSON.stringify([clientId, keyId]);
export const attemptKey = (a: AttemptRow) => JSON.stringify([a.deliveryId, a.attempt]);

/**
 * A copy, going in and coming out: a caller that changes a row it passed or got back must not change the
 * stored one (a database hands out new objects too). Rows are plain JSON data.
 */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Refuses a second row with the same primary key or unique columns, like the SQL constraint. */
export function refuseDuplicate(exists: boolean, what: string): void {
  if (exists) throw new VaultError('conflict', `${what} already exists`);
}

/** Sorts by the keys in order, each ascending (strings by UTF-16 code unit; ids are ASCII, so as SQL sorts them). */
export function sortBy<T>(rows: T[], key: (row: T) => (string | number)[]): T[] {
  return rows.sort((a, b) => {
    const left = key(a);
    const right = key(b);
    for (let i = 0; i < left.length; i++) {
      const x = left[i] as string | number;
      const y = right[i] as string | number;
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

/** Whether the outbox has anything to write. */
export function hasEntries(outbox: Outbox | undefined): outbox is Outbox {
  return (
    outbox !== undefined &&
    (outbox.events.length > 0 || outbox.deliveries.length > 0 || (outbox.audit?.length ?? 0) > 0)
  );
}

/** The checks of an outbox write: new ids only, and each delivery's event written before or with it. */
export function checkOutbox(tables: Tables, outbox: Outbox | undefined): void {
  if (!outbox) return;
  checkAudit(tables, outbox.audit ?? []);
  checkNew(
    outbox.events.map((e) => e.id),
    tables.events,
    'event',
  );
  checkNew(
    outbox.deliveries.map((d) => d.id),
    tables.deliveries,
    'delivery',
  );
  const events = new Set(outbox.events.map((e) => e.id));
  for (const d of outbox.deliveries) {
    if (!events.has(d.eventId) && !tables.events.has(d.eventId)) {
      throw new VaultError('internal', `delivery ${d.id} names an unknown event`);
    }
  }
}

/** Writes an outbox that passed `checkOutbox`. */
export function writeOutbox(tables: Tables, outbox: Outbox | undefined): void {
  if (!outbox) return;
  writeAudit(tables, outbox.audit ?? []);
  for (const e of outbox.events) tables.events.set(e.id, copy(e));
  for (const d of outbox.deliveries)
    tables.deliveries.set(d.id, { ...copy(d), leaseOwner: null, leaseExpiresAt: null });
}

export function checkAudit(tables: Tables, rows: readonly AuditRow[]): void {
  checkNew(
    rows.map((r) => r.id),
    tables.audit,
    'audit row',
  );
}

export function writeAudit(tables: Tables, rows: readonly AuditRow[]): void {
  for (const row of rows) tables.audit.set(row.id, copy(row));
}

/** Ids that are in neither the table nor twice in the batch. */
function checkNew(ids: string[], table: Map<string, unknown>, what: string): void {
  const seen = new Set<string>();
  for (const id of ids) {
    refuseDuplicate(table.has(id) || seen.has(id), `${what} ${id}`);
    seen.add(id);
  }
}
