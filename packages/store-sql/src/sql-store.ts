import type { Store } from '@tokenvault/core';
import type { Kysely } from 'kysely';
import { createAccountStore } from './account-store.js';
import { createAuditStore } from './audit-store.js';
import { createClientStore } from './client-store.js';
import type { SqlDialectHooks } from './dialect.js';
import { createFlowStore } from './flow-store.js';
import { createLeaseStore } from './lease-store.js';
import { createMaintenanceStore } from './maintenance-store.js';
import { createOutboxStore } from './outbox-store.js';
import type { Database } from './schema.js';
import { createSessionStore } from './session-store.js';

/** The Store on any Kysely dialect, assembled from its parts; the adapters add only the driver and its quirks. */
export function createSqlStore(db: Kysely<Database>, hooks: SqlDialectHooks): Store {
  return {
    ...createMaintenanceStore(db, hooks),
    ...createAccountStore(db, hooks),
    ...createLeaseStore(db, hooks),
    ...createOutboxStore(db, hooks),
    ...createFlowStore(db),
    ...createSessionStore(db, hooks),
    ...createClientStore(db, hooks),
    ...createAuditStore(db, hooks),
  };
}
