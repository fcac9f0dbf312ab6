import type { CompiledQuery, Kysely } from 'kysely';
import type { SqlDialectHooks } from './dialect.js';
import type { Database } from './schema.js';

/**
 * A hot read by key, compiled once (Kysely would build and compile it again on every call): the returned function
 * fills in the parameters, in the order of the query's where clauses, and resolves to the first row. It runs on
 * the driver as a statement prepared once, named `name`, where the dialect offers that (`selectFirst`), else
 * through Kysely. The query names its columns: a migration that adds a column while processes of the previous
 * version run must not change what a prepared statement answers (PostgreSQL refuses a prepared `select *` whose
 * columns changed: "cached plan must not change result type").
 */
export function firstRow<Row>(
  db: Kysely<Database>,
  hooks: SqlDialectHooks,
  name: string,
  compiled: CompiledQuery<Row>,
): (parameters: readonly unknown[]) => Promise<Row | undefined> {
  const { selectFirst } = hooks;
  if (selectFirst) return (parameters) => selectFirst(name, { ...compiled, parameters }) as Promise<Row | undefined>;
  return async (parameters) => (await db.executeQuery<Row>({ ...compiled, parameters })).rows[0];
}
