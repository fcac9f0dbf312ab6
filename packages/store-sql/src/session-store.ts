import type { SessionStore } from '@tokenvault/core';
import type { Kysely } from 'kysely';
import { writeAudit } from './audit-store.js';
import type { SqlDialectHooks } from './dialect.js';
import { firstRow } from './first-row.js';
import { type SessionDb, sessionFromDb } from './rows.js';
import type { Database } from './schema.js';

/** Every column of a session row, by name, for the browser reads' statement (see `firstRow`). */
const SESSION_COLUMNS = Object.keys({
  id: true,
  env: true,
  user_id: true,
  account_id: true,
  limits: true,
  created_at: true,
  expires_at: true,
} satisfies Record<keyof SessionDb, true>) as (keyof SessionDb)[];

/** Browser sessions, and connect sessions (taken with one DELETE … RETURNING, so each is used once). */
export function createSessionStore(db: Kysely<Database>, hooks: SqlDialectHooks): SessionStore {
  // Every browser read (/refresh, /v1/me) sends it, once per cookie: by id.
  const selectSession = firstRow(
    db,
    hooks,
    'tokenvault_session',
    db.selectFrom('sessions').select(SESSION_COLUMNS).where('id', '=', '').compile(),
  );
  return {
    async insertConnectSession(session, audit) {
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('connect_sessions')
          .values({
            id: session.id,
            env: session.env,
            user_id: session.userId,
            provider: session.provider,
            scopes: session.scopes.join(' '),
            created_by: session.createdBy,
            actions: session.actions.join(' '),
            allowed_providers: session.allowedProviders === null ? null : session.allowedProviders.join(' '),
            return_url: session.returnUrl,
            created_at: session.createdAt,
            expires_at: session.expiresAt,
          })
          .execute();
        await writeAudit(trx, audit);
      });
    },
    async takeConnectSession(id) {
      const row = await db.deleteFrom('connect_sessions').where('id', '=', id).returningAll().executeTakeFirst();
      return (
        row && {
          id: row.id,
          env: row.env,
          userId: row.user_id,
          provider: row.provider,
          scopes: row.scopes === '' ? [] : row.scopes.split(' '),
          createdBy: row.created_by ?? 'client:unknown',
          actions: row.actions ? row.actions.split(' ') : [],
          allowedProviders: row.allowed_providers === null ? null : row.allowed_providers.split(' ').filter(Boolean),
          returnUrl: row.return_url,
          createdAt: row.created_at,
          expiresAt: row.expires_at,
        }
      );
    },

    async insertSession(session) {
      await db
        .insertInto('sessions')
        .values({
          id: session.id,
          env: session.env,
          user_id: session.userId,
          account_id: session.accountId,
          limits: session.limits === null ? null : JSON.stringify(session.limits),
          created_at: session.createdAt,
          expires_at: session.expiresAt,
        })
        .execute();
    },
    async getSession(id) {
      const row = await selectSession([id]);
      return row && sessionFromDb(row);
    },
    async deleteSession(id) {
      await db.deleteFrom('sessions').where('id', '=', id).execute();
    },
  };
}
