import type { Outbox, OutboxStore } from '@tokenvault/core';
import type { Kysely, Transaction } from 'kysely';
import { writeAudit } from './audit-store.js';
import type { SqlDialectHooks } from './dialect.js';
import { deliveryFromDb, deliveryToDb } from './rows.js';
import type { Database } from './schema.js';

/** Account events and their webhook deliveries: the outbox (docs/reliability.md, "Status and events"). */
export function createOutboxStore(db: Kysely<Database>, hooks: SqlDialectHooks): OutboxStore {
  return {
    async claimDeliveries(owner, now, until, limit) {
      const claimed = await db
        .updateTable('webhook_deliveries')
        .set({ lease_owner: owner, lease_expires_at: until })
        .where('id', 'in', (eb) => {
          const due = eb
            .selectFrom('webhook_deliveries as d')
            .select('d.id')
            .where('d.status', '=', 'pending')
            .where('d.next_attempt_at', '<=', now)
            .where((w) => w.or([w('d.lease_expires_at', 'is', null), w('d.lease_expires_at', '<=', now)]))
            .where(({ not, exists, selectFrom }) =>
              not(
                exists(
                  selectFrom('webhook_deliveries as e')
                    .select('e.id')
                    .whereRef('e.account_id', '=', 'd.account_id')
                    .whereRef('e.url', '=', 'd.url')
                    .whereRef('e.seq', '<', 'd.seq')
                    .where('e.status', '=', 'pending'),
                ),
              ),
            )
            .orderBy('d.next_attempt_at')
            .limit(limit);
          return hooks.skipLocked ? due.forUpdate().skipLocked() : due;
        })
        .returningAll()
        .execute();
      if (claimed.length === 0) return [];
      const events = await db
        .selectFrom('account_events')
        .select(['id', 'payload'])
        .where(
          'id',
          'in',
          claimed.map((d) => d.event_id),
        )
        .execute();
      const payloads = new Map(events.map((e) => [e.id, e.payload]));
      return claimed
        .map((d) => ({ ...deliveryFromDb(d), payload: payloads.get(d.event_id) ?? '{}' }))
        .sort((a, b) => a.seq - b.seq);
    },
    async finishDelivery(id, owner, change, attempt) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('webhook_deliveries')
          .set({
            status: change.status,
            attempts: change.attempts,
            next_attempt_at: change.nextAttemptAt,
            last_status: change.lastStatus,
            last_error: change.lastError,
            first_attempt_at: change.firstAttemptAt,
            delivered_at: change.deliveredAt,
            lease_owner: null,
            lease_expires_at: null,
          })
          .where('id', '=', id)
          .where('lease_owner', '=', owner)
          .executeTakeFirst();
        if (result.numUpdatedRows !== 1n) return false;
        await trx
          .insertInto('webhook_attempts')
          .values({
            delivery_id: attempt.deliveryId,
            attempt: attempt.attempt,
            at: attempt.at,
            status: attempt.status,
            error: attempt.error,
            duration_ms: attempt.durationMs,
          })
          .execute();
        return true;
      });
    },
    async retryDelivery(env, id, now, audit) {
      return db.transaction().execute(async (trx) => {
        const result = await trx
          .updateTable('webhook_deliveries')
          .set({ status: 'pending', next_attempt_at: now, first_attempt_at: null, delivered_at: null })
          .where('id', '=', id)
          .where('env', '=', env)
          .where((eb) => eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', now)]))
          .executeTakeFirst();
        if (result.numUpdatedRows !== 1n) return false;
        await writeAudit(trx, audit);
        return true;
      });
    },
    async listDeliveries(env, query) {
      let select = db.selectFrom('webhook_deliveries').selectAll().where('env', '=', env);
      if (query.status) select = select.where('status', '=', query.status);
      if (query.accountId) select = select.where('account_id', '=', query.accountId);
      const before = query.before;
      if (before) {
        select = select.where((eb) =>
          eb.or([
            eb('created_at', '<', before.createdAt),
            eb.and([eb('created_at', '=', before.createdAt), eb('id', '<', before.id)]),
          ]),
        );
      }
      const rows = await select.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(query.limit).execute();
      return rows.map(deliveryFromDb);
    },
    async listAttempts(deliveryIds) {
      if (deliveryIds.length === 0) return [];
      const rows = await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where('delivery_id', 'in', deliveryIds)
        .orderBy('delivery_id')
        .orderBy('attempt')
        .execute();
      return rows.map((r) => ({
        deliveryId: r.delivery_id,
        attempt: r.attempt,
        at: r.at,
        status: r.status,
        error: r.error,
        durationMs: r.duration_ms,
      }));
    },
    async listEvents(accountId) {
      const rows = await db
        .selectFrom('account_events')
        .selectAll()
        .where('account_id', '=', accountId)
        .orderBy('seq')
        .execute();
      return rows.map((r) => ({
        id: r.id,
        env: r.env,
        accountId: r.account_id,
        seq: r.seq,
        type: r.type,
        payload: r.payload,
        createdAt: r.created_at,
      }));
    },
  };
}

export function hasEntries(outbox: Outbox | undefined): outbox is Outbox {
  return (
    outbox !== undefined &&
    (outbox.events.length > 0 || outbox.deliveries.length > 0 || (outbox.audit?.length ?? 0) > 0)
  );
}

export async function writeOutbox(trx: Transaction<Database>, outbox: Outbox | undefined): Promise<void> {
  if (!hasEntries(outbox)) return;
  await writeAudit(trx, outbox.audit);
  if (outbox.events.length > 0) {
    await trx
      .insertInto('account_events')
      .values(
        outbox.events.map((e) => ({
          id: e.id,
          env: e.env,
          account_id: e.accountId,
          seq: e.seq,
          type: e.type,
          payload: e.payload,
          created_at: e.createdAt,
        })),
      )
      .execute();
  }
  if (outbox.deliveries.length > 0) {
    await trx
      .insertInto('webhook_deliveries')
      .values(outbox.deliveries.map((d) => ({ ...deliveryToDb(d), lease_owner: null, lease_expires_at: null })))
      .execute();
  }
}
