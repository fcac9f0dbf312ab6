import { type AuditRow, type AuditStore, VaultError } from '@tokenvault/core';
import { type Insertable, type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { AUDIT_COLUMNS, type AuditValues, type SqlDialectHooks } from './dialect.js';
import type { Database } from './schema.js';

/** The append-only audit log: inserts and reads; only the sweep deletes, by age. */
export function createAuditStore(db: Kysely<Database>, hooks: SqlDialectHooks): AuditStore {
  const insertRows = hooks.insertAuditRows;
  return {
    async insertAudit(rows) {
      if (rows.length === 0) return;
      if (insertRows) await insertRows(rows.map(auditValues));
      else await db.insertInto('audit_log').values(rows.map(auditToDb)).execute();
    },
    async listAudit(env, query) {
      let select = db.selectFrom('audit_log').selectAll().where('env', '=', env);
      if (query.principal !== undefined) select = select.where('principal', '=', query.principal);
      if (query.result !== undefined) select = select.where('result', '=', query.result);
      if (query.userId !== undefined) select = select.where('user_id', '=', query.userId);
      if (query.provider !== undefined) select = select.where('provider', '=', query.provider);
      if (query.action !== undefined) select = select.where('action', '=', query.action);
      if (query.since !== undefined) select = select.where('at', '>=', query.since);
      if (query.until !== undefined) select = select.where('at', '<=', query.until);
      const before = query.before;
      if (before) {
        select = select.where((eb) =>
          eb.or([eb('at', '<', before.at), eb.and([eb('at', '=', before.at), eb('id', '<', before.id)])]),
        );
      }
      const rows = await select.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(auditFromDb);
    },
    async countAudit(env, query) {
      if (query.actions.length === 0) return [];
      // Integer division on both databases (`at` is an integer, bigint on PostgreSQL). The size is written as a
      // literal, not a parameter, so that PostgreSQL sees the grouped expression and the selected one as the same.
      if (!Number.isSafeInteger(query.bucketMs) || query.bucketMs <= 0) {
        throw new VaultError('invalid_request', 'bucketMs must be a positive integer');
      }
      const size = sql.lit(query.bucketMs);
      const bucket = sql<number>`(at / ${size}) * ${size}`;
      const rows = await db
        .selectFrom('audit_log')
        .select((eb) => [
          'action',
          bucket.as('bucket'),
          eb.fn.sum(eb.case().when('result', '=', 'ok').then(1).else(0).end()).as('ok'),
          eb.fn.sum(eb.case().when('result', '=', 'ok').then(0).else(1).end()).as('failed'),
        ])
        .where('env', '=', env)
        .where('at', '>=', query.since)
        .where('action', 'in', [...query.actions])
        .groupBy(['action', bucket])
        .execute();
      return rows.map((row) => ({
        action: row.action,
        bucket: Number(row.bucket),
        ok: Number(row.ok),
        failed: Number(row.failed),
      }));
    },
  };
}

/** Inside another change's transaction, so the change and its record commit together. */
export async function writeAudit(trx: Transaction<Database>, rows: readonly AuditRow[] | undefined): Promise<void> {
  if (rows && rows.length > 0) await trx.insertInto('audit_log').values(rows.map(auditToDb)).execute();
}

function auditToDb(row: AuditRow): Insertable<Database['audit_log']> {
  return {
    id: row.id,
    env: row.env,
    at: row.at,
    action: row.action,
    principal: row.principal,
    key_id: row.keyId,
    via: row.via,
    user_id: row.userId,
    provider: row.provider,
    account_id: row.accountId,
    scopes: row.scopes === null ? null : row.scopes.join(' '),
    result: row.result,
    request_id: row.requestId,
    detail: row.detail,
  };
}

function auditValues(row: AuditRow): AuditValues {
  const values = auditToDb(row);
  return AUDIT_COLUMNS.map((column) => values[column] ?? null);
}

function auditFromDb(row: Selectable<Database['audit_log']>): AuditRow {
  return {
    id: row.id,
    env: row.env,
    at: row.at,
    action: row.action,
    principal: row.principal,
    keyId: row.key_id,
    via: row.via,
    userId: row.user_id,
    provider: row.provider,
    accountId: row.account_id,
    scopes: row.scopes === null ? null : row.scopes.split(' ').filter(Boolean),
    result: row.result,
    requestId: row.request_id,
    detail: row.detail,
  };
}
