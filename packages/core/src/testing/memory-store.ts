import type { MaintenanceStore, Store } from '../store.js';
import { memoryAccountStore, memoryLeaseStore } from './memory-accounts.js';
import { memoryAuditStore } from './memory-audit.js';
import { memoryClientStore } from './memory-clients.js';
import { memoryOutboxStore } from './memory-outbox.js';
import { memoryFlowStore, memorySessionStore } from './memory-sessions.js';
import { createTables, type Tables } from './memory-tables.js';

/**
 * A store in memory: the reference implementation of the store contract, and a fast store for unit tests.
 * It passes the same conformance suite as the SQL stores (`storeConformance`), with their semantics: unique
 * keys, compare-and-swap, leases, the order and cursors of every list, all-or-none writes. Nothing survives
 * the process, and one process is all it serves: never a production store.
 *
 * Writing an adapter? Each part below is one file here, and one module in `@tokenvault/store-sql`.
 */
export function createMemoryStore(): Store {
  const tables = createTables();
  return {
    ...memoryMaintenance(tables),
    ...memoryAccountStore(tables),
    ...memoryLeaseStore(tables),
    ...memoryOutboxStore(tables),
    ...memoryFlowStore(tables),
    ...memorySessionStore(tables),
    ...memoryClientStore(tables),
    ...memoryAuditStore(tables),
  };
}

/** No schema to migrate and no connection to check; the sweep follows the SQL store's, table by table. */
function memoryMaintenance(tables: Tables): MaintenanceStore {
  /** Deletes the rows that match; returns how many. */
  const remove = <T>(table: Map<string, T>, match: (row: T) => boolean) => {
    let removed = 0;
    for (const [key, row] of table) {
      if (match(row)) {
        table.delete(key);
        removed += 1;
      }
    }
    return removed;
  };

  return {
    async migrate() {},
    async ping() {},
    async close() {},
    async sweep(now, historyBefore, auditBefore) {
      const flows = remove(tables.flows, (flow) => flow.expiresAt <= now);
      const sessions =
        remove(tables.sessions, (session) => session.expiresAt <= now) +
        remove(tables.connectSessions, (session) => session.expiresAt <= now);
      const finished = new Set<string>();
      const deliveries = remove(tables.deliveries, (d) => {
        const gone = d.status !== 'pending' && d.createdAt < historyBefore;
        if (gone) finished.add(d.id);
        return gone;
      });
      // Attempts go with their delivery (a cascading foreign key in SQL).
      remove(tables.attempts, (attempt) => finished.has(attempt.deliveryId));
      // An event is kept while any delivery of it is (pending, or finished but recent).
      const delivered = new Set([...tables.deliveries.values()].map((d) => d.eventId));
      const events = remove(tables.events, (e) => e.createdAt < historyBefore && !delivered.has(e.id));
      const audit = remove(tables.audit, (row) => row.at < auditBefore);
      return { flows, sessions, deliveries, events, audit };
    },
  };
}
