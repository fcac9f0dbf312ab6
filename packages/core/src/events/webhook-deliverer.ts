import { mapConcurrently } from '../concurrency.js';
import { isVaultError } from '../errors.js';
import type { Batch } from '../refresh/refresh-engine.js';
import type { OutboxStore } from '../store.js';
import type { ClaimedDelivery, DeliveryChange } from '../store-rows.js';
import type { VaultContext } from '../vault-context.js';
import { signWebhook, webhookKey } from './webhook-signature.js';

export interface WebhookRetryPolicy {
  /** The first retry waits about this long; each further one twice as long. Default 5 s. */
  baseMs: number;
  /** No wait is longer than this. Default 1 hour. */
  maxMs: number;
  /** A delivery still failing this long after its first attempt gives up. Default 24 hours. */
  giveUpAfterMs: number;
  /** Per-request timeout. Default 10 s. */
  timeoutMs: number;
}

export const DEFAULT_WEBHOOK_RETRY: WebhookRetryPolicy = {
  baseMs: 5_000,
  maxMs: 60 * 60_000,
  giveUpAfterMs: 24 * 60 * 60_000,
  timeoutMs: 10_000,
};

export type DeliveryOutcome = 'delivered' | 'retry' | 'gave_up' | 'skipped';

/**
 * Posts the outbox to each environment's webhooks with Standard Webhooks headers (docs/reliability.md, "Status and events"): at least once,
 * in order per account and URL (the claim query holds back an event while an earlier one is pending), retrying
 * with exponential back-off until `giveUpAfterMs`. Every attempt is recorded.
 */
export function createWebhookDeliverer(ctx: VaultContext<OutboxStore>, policy: WebhookRetryPolicy) {
  async function deliverDue(options: Batch): Promise<DeliveryOutcome[]> {
    const now = ctx.now();
    let claimed: ClaimedDelivery[];
    try {
      // Long enough for the whole batch, posted `concurrency` at a time, each up to the timeout.
      const until = now + policy.timeoutMs * Math.ceil(options.limit / options.concurrency) + 30_000;
      claimed = await ctx.store.claimDeliveries(ctx.instanceId, now, until, options.limit);
    } catch (err) {
      ctx.log.error({ err }, 'could not claim webhook deliveries');
      return [];
    }
    // Once the process is stopping, deliveries not begun keep their lease until `releaseLeases` gives it back.
    return mapConcurrently(claimed, options.concurrency, async (delivery) =>
      options.stopping?.() ? 'skipped' : deliver(delivery),
    );
  }

  async function deliver(delivery: ClaimedDelivery): Promise<DeliveryOutcome> {
    const started = ctx.now();
    const attempt = delivery.attempts + 1;
    const { status, error } = await post(delivery);
    const finished = ctx.now();
    const ok = status !== null && status >= 200 && status < 300;
    // Counted from the first attempt: an event that waited behind an earlier one of its account gets its own day.
    const firstAttemptAt = delivery.firstAttemptAt ?? started;
    const outcome: DeliveryOutcome = ok
      ? 'delivered'
      : finished - firstAttemptAt >= policy.giveUpAfterMs || error === NOT_CONFIGURED
        ? 'gave_up'
        : 'retry';
    const change: DeliveryChange = {
      status: outcome === 'delivered' ? 'delivered' : outcome === 'gave_up' ? 'failed' : 'pending',
      attempts: attempt,
      nextAttemptAt: outcome === 'retry' ? finished + retryDelay(attempt) : finished,
      lastStatus: status,
      lastError: error,
      firstAttemptAt,
      deliveredAt: ok ? finished : null,
    };
    try {
      await ctx.store.finishDelivery(delivery.id, ctx.instanceId, change, {
        deliveryId: delivery.id,
        attempt,
        at: started,
        status,
        error,
        durationMs: finished - started,
      });
    } catch (err) {
      // The lease runs out and the delivery is tried again: at least once, never lost.
      ctx.log.error({ deliveryId: delivery.id, err }, 'could not record a webhook attempt');
    }
    ctx.metrics.webhookDeliveries.inc({ result: outcome });
    if (ok) ctx.metrics.webhookLag.observe({}, (finished - delivery.createdAt) / 1000);
    if (outcome === 'gave_up') {
      ctx.log.error({ deliveryId: delivery.id, url: delivery.url, attempts: attempt }, 'gave up delivering a webhook');
    }
    return outcome;
  }

  /** Posts one event to one URL with the Standard Webhooks headers, signed with that URL's secret; never throws. */
  async function post(
    delivery: Pick<ClaimedDelivery, 'env' | 'url' | 'eventId' | 'payload'>,
  ): Promise<{ status: number | null; error: string | null }> {
    const secret = ctx.webhooks.secret(delivery.env, delivery.url);
    if (secret === undefined) return { status: null, error: NOT_CONFIGURED };
    const timestamp = Math.floor(ctx.now() / 1000);
    try {
      const response = await ctx.http.fetch(delivery.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'Tokenvault-Webhooks',
          'webhook-id': delivery.eventId,
          'webhook-timestamp': String(timestamp),
          'webhook-signature': await signWebhook(webhookKey(secret), delivery.eventId, timestamp, delivery.payload),
        },
        body: delivery.payload,
        signal: AbortSignal.timeout(policy.timeoutMs),
      });
      await response.body?.cancel();
      return { status: response.status, error: response.ok ? null : `HTTP ${response.status}` };
    } catch (err) {
      // The guarded fetch refuses a redirect (a misconfiguration, not a place to post the event to).
      if (isVaultError(err)) return { status: null, error: err.message };
      const timedOut = err instanceof DOMException && err.name === 'TimeoutError';
      return { status: null, error: timedOut ? 'timed out' : 'could not connect' };
    }
  }

  /** Exponential with equal jitter, capped. */
  function retryDelay(attempt: number): number {
    const ceiling = Math.min(policy.baseMs * 2 ** (attempt - 1), policy.maxMs);
    return Math.round(ceiling / 2 + (ceiling / 2) * Math.random());
  }

  return { deliverDue, post };
}

const NOT_CONFIGURED = 'the webhook URL is no longer configured';

export type WebhookDeliverer = ReturnType<typeof createWebhookDeliverer>;
