import { type Actor, auditRow } from '../authorization/audit.js';
import { randomId } from '../encoding.js';
import type { AccountRow, AccountStatus, Outbox } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';

/** What webhooks are told (docs/reliability.md, "Status and events"). Payloads name the account, never a token. */
export const ACCOUNT_EVENT_TYPES = ['account.connected', 'account.status_changed', 'account.disconnected'] as const;
export type AccountEventType = (typeof ACCOUNT_EVENT_TYPES)[number];

export interface StatusChange {
  from: AccountStatus;
  to: AccountStatus;
  /** Why, in the vault's words (e.g. "the provider no longer honours this grant (invalid_grant)"). */
  reason: string | null;
}

/**
 * One event about `row` (as it is after the write, so `row.version` orders it among the account's events), one
 * pending delivery per webhook of its environment and the audit row naming `actor`, to be written in the same
 * transaction as the change.
 */
export function accountOutbox(
  ctx: VaultContext<unknown>,
  row: AccountRow,
  type: AccountEventType,
  actor: Actor,
  details: Partial<StatusChange> = {},
): Outbox {
  const now = ctx.now();
  const id = randomId('evt');
  const payload = JSON.stringify({
    type,
    timestamp: new Date(now).toISOString(),
    data: {
      environment: row.env,
      userId: row.userId,
      accountId: row.id,
      provider: row.provider,
      providerAccountId: row.providerAccountId,
      status: row.status,
      ...details,
    },
  });
  return {
    events: [{ id, env: row.env, accountId: row.id, seq: row.version, type, payload, createdAt: now }],
    audit: [accountAudit(actor, now, row, type, details)],
    deliveries: ctx.webhooks.urls(row.env).map((url) => ({
      id: randomId('whd'),
      eventId: id,
      env: row.env,
      accountId: row.id,
      seq: row.version,
      url,
      status: 'pending',
      attempts: 0,
      nextAttemptAt: now,
      lastStatus: null,
      lastError: null,
      createdAt: now,
      firstAttemptAt: null,
      deliveredAt: null,
    })),
  };
}

export function accountAudit(
  actor: Actor,
  at: number,
  row: AccountRow,
  action: AccountEventType,
  details: Partial<StatusChange> = {},
) {
  return auditRow(actor, at, {
    env: row.env,
    action,
    result: 'ok',
    userId: row.userId,
    provider: row.provider,
    accountId: row.id,
    ...(Object.keys(details).length > 0 && { detail: details }),
  });
}

/** The status-change event when the status changes (including recovery to `active`), nothing otherwise. */
export function statusOutbox(
  ctx: VaultContext<unknown>,
  before: AccountRow,
  after: AccountRow,
  actor: Actor,
): Outbox | undefined {
  if (before.status === after.status) return undefined;
  return accountOutbox(ctx, after, 'account.status_changed', actor, {
    from: before.status,
    to: after.status,
    reason: after.lastError,
  });
}
