export { AUDIT_COLUMNS, type AuditValues, type SqlDialectHooks } from './dialect.js';
export type { Database } from './schema.js';
export { createSqlStore } from './sql-store.js';
