import { type Actor, auditRow } from '../authorization/audit.js';
import { isRandomId, randomId, sha256 } from '../encoding.js';
import { VaultError } from '../errors.js';
import type { AuditStore, OutboxStore } from '../store.js';
import type { VaultContext } from '../vault-context.js';
import { ACCOUNT_EVENT_TYPES } from './account-events.js';
import type { WebhookDeliverer } from './webhook-deliverer.js';

/** A configured endpoint as operators see it: never its secret, nor the parts of its URL that may hold one. */
export interface WebhookEndpointView {
  /** Stable across processes and restarts: derived from the URL. */
  id: string;
  url: string;
  events: readonly string[];
}

/** How an endpoint answered a test event. */
export interface TestEventResult {
  eventId: string;
  delivered: boolean;
  status: number | null;
  error: string | null;
  durationMs: number;
}

/**
 * What operators do with webhooks besides reading deliveries (docs/dashboard.md, "Webhooks"): list the configured
 * endpoints, send one a test event, and put one delivery back in the queue.
 */
export function createWebhookAdmin(ctx: VaultContext<OutboxStore & AuditStore>, deliverer: WebhookDeliverer) {
  async function endpoints(env: string): Promise<WebhookEndpointView[]> {
    return Promise.all(
      ctx.webhooks
        .urls(env)
        .map(async (url) => ({ id: await endpointId(url), url: shownWebhookUrl(url), events: EVENTS })),
    );
  }

  /** Posts a `webhook.test` event to the endpoint now, signed as every delivery is; no delivery row, no retry. */
  async function sendTest(env: string, id: string, actor: Actor): Promise<TestEventResult> {
    const url = await findUrl(env, id);
    const started = ctx.now();
    const eventId = randomId('evt');
    const payload = JSON.stringify({
      type: 'webhook.test',
      timestamp: new Date(started).toISOString(),
      data: { environment: env, endpoint: id, sentBy: actor.principal },
    });
    const { status, error } = await deliverer.post({ env, url, eventId, payload });
    const durationMs = ctx.now() - started;
    const delivered = status !== null && status >= 200 && status < 300;
    // The endpoint's answer is the outcome, not an error of the caller's: the row says ok and keeps the answer.
    const detail = { endpoint: id, eventId, status, error };
    await ctx.audit.record(auditRow(actor, ctx.now(), { env, action: 'webhook.test', result: 'ok', detail }));
    return { eventId, delivered, status, error, durationMs };
  }

  /** Due at once, with a fresh retry window; the next delivery pass of any process posts it. */
  async function retry(env: string, deliveryId: string, actor: Actor): Promise<{ nextAttemptAt: number }> {
    const now = ctx.now();
    const audit = [auditRow(actor, now, { env, action: 'webhook.retry', result: 'ok', detail: { deliveryId } })];
    // What cannot be a delivery id is refused before any lookup.
    if (!isRandomId('whd', deliveryId) || !(await ctx.store.retryDelivery(env, deliveryId, now, audit))) {
      throw new VaultError('not_found', 'no such delivery in this environment, or it is being posted right now');
    }
    return { nextAttemptAt: now };
  }

  async function findUrl(env: string, id: string): Promise<string> {
    for (const url of ctx.webhooks.urls(env)) if ((await endpointId(url)) === id) return url;
    throw new VaultError('not_found', 'no such webhook endpoint in this environment');
  }

  return { endpoints, sendTest, retry };
}

const EVENTS: readonly string[] = [...ACCOUNT_EVENT_TYPES];

async function endpointId(url: string): Promise<string> {
  return `whe_${(await sha256(url)).slice(0, 16)}`;
}

/**
 * A webhook URL as operators see it (endpoints and deliveries): scheme, host and path only, so credentials in the
 * URL and its query (where tokens often ride) are not shown; `?…` says there was a query.
 */
export function shownWebhookUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.protocol}//${parsed.host}${parsed.pathname}${parsed.search ? '?…' : ''}`;
}
