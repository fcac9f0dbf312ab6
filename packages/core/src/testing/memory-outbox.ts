import { VaultError } from '../errors.js';
import type { OutboxStore } from '../store.js';
import type { DeliveryRow } from '../store-rows.js';
import {
  attemptKey,
  checkAudit,
  copy,
  refuseDuplicate,
  type StoredDelivery,
  sortBy,
  type Tables,
  writeAudit,
} from './memory-tables.js';

/** Account events and their webhook deliveries; the account changes write them (memory-accounts.ts). */
export function memoryOutboxStore(tables: Tables): OutboxStore {
  const { events, deliveries, attempts } = tables;

  return {
    async claimDeliveries(owner, now, until, limit) {
      const pending = [...deliveries.values()].filter((d) => d.status === 'pending');
      // In order per account and URL: a delivery waits while an earlier event's delivery there is pending.
      const waiting = (d: StoredDelivery) =>
        pending.some((e) => e.accountId === d.accountId && e.url === d.url && e.seq < d.seq);
      const due = pending.filter(
        (d) => d.nextAttemptAt <= now && (d.leaseExpiresAt === null || d.leaseExpiresAt <= now) && !waiting(d),
      );
      const claimed = sortBy(due, (d) => [d.nextAttemptAt, d.id]).slice(0, limit);
      for (const d of claimed) {
        d.leaseOwner = owner;
        d.leaseExpiresAt = until;
      }
      const withPayload = claimed.map((d) => ({ ...shown(d), payload: events.get(d.eventId)?.payload ?? '{}' }));
      return sortBy(withPayload, (d) => [d.seq]);
    },
    async finishDelivery(id, owner, change, attempt) {
      const delivery = deliveries.get(id);
      // Fenced by the lease: a process that lost it (expired, taken over) must not record its outcome.
      if (!delivery || delivery.leaseOwner !== owner) return false;
      refuseDuplicate(attempts.has(attemptKey(attempt)), `attempt ${attempt.attempt} of ${attempt.deliveryId}`);
      if (!deliveries.has(attempt.deliveryId))
        throw new VaultError('internal', 'the attempt names an unknown delivery');
      Object.assign(delivery, copy(change), { leaseOwner: null, leaseExpiresAt: null });
      attempts.set(attemptKey(attempt), copy(attempt));
      return true;
    },
    async retryDelivery(env, id, now, audit) {
      const delivery = deliveries.get(id);
      if (!delivery || delivery.env !== env) return false;
      if (delivery.leaseExpiresAt !== null && delivery.leaseExpiresAt > now) return false;
      checkAudit(tables, audit);
      Object.assign(delivery, { status: 'pending', nextAttemptAt: now, firstAttemptAt: null, deliveredAt: null });
      writeAudit(tables, audit);
      return true;
    },
    async listDeliveries(env, query) {
      const { status, accountId, before } = query;
      const rows = [...deliveries.values()].filter(
        (d) =>
          d.env === env &&
          (!status || d.status === status) &&
          (!accountId || d.accountId === accountId) &&
          (!before || d.createdAt < before.createdAt || (d.createdAt === before.createdAt && d.id < before.id)),
      );
      return sortBy(rows, (d) => [d.createdAt, d.id])
        .reverse()
        .slice(0, query.limit)
        .map(shown);
    },
    async listAttempts(deliveryIds) {
      const wanted = new Set(deliveryIds);
      const rows = [...attempts.values()].filter((a) => wanted.has(a.deliveryId));
      return sortBy(rows, (a) => [a.deliveryId, a.attempt]).map(copy);
    },
    async listEvents(accountId) {
      const rows = [...events.values()].filter((e) => e.accountId === accountId);
      return sortBy(rows, (e) => [e.seq]).map(copy);
    },
  };
}

/** A delivery as the contract shows it: without its lease. */
function shown({ leaseOwner: _owner, leaseExpiresAt: _until, ...delivery }: StoredDelivery): DeliveryRow {
  return copy(delivery);
}
