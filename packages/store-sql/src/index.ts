export type { Database } from './schema.js';
export type { SqlDialectHooks } from './sql-store.js';
export { createSqlStore } from './sql-store.js';
