import { authorize, resources, shownWebhookUrl, type Vault } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv } from '../context.js';
import { isoTime, parse } from '../wire.js';
import { decodeCursor, nextCursor, pageQuery } from './cursors.js';

export const deliveryQuery = z
  .object({ status: z.enum(['pending', 'delivered', 'failed']).optional(), accountId: z.string().min(1).optional() })
  .extend(pageQuery)
  .strict();

const noQuery = z.object({}).strict();

/**
 * `/v1/admin/webhooks` and `/v1/admin/webhook-deliveries`: the environment's endpoints and what was posted to them
 * (`webhooks:read`), a test event and the retry of one delivery (`webhooks:send`, audited).
 */
export function webhookRoutes(vault: Vault) {
  const app = new Hono<ServerEnv>();

  app.get('/webhooks', async (c) => {
    parse(noQuery, c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'webhooks:read', resources.webhooks(env));
    return c.json({ items: await vault.webhookEndpoints(env), nextCursor: null });
  });

  app.post('/webhooks/:endpointId/test', async (c) => {
    parse(noQuery, c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'webhooks:send', resources.webhooks(env));
    return c.json(await vault.sendTestWebhook(env, c.req.param('endpointId'), c.get('caller')));
  });

  app.post('/webhook-deliveries/:deliveryId/retry', async (c) => {
    parse(noQuery, c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'webhooks:send', resources.webhooks(env));
    const id = c.req.param('deliveryId');
    const { nextAttemptAt } = await vault.retryDelivery(env, id, c.get('caller'));
    return c.json({ id, status: 'pending', nextAttemptAt: isoTime(nextAttemptAt) });
  });

  // Webhook deliveries newest first, each with its attempts (docs/api.md: every delivery attempt is queryable).
  app.get('/webhook-deliveries', async (c) => {
    const { status, accountId, limit, cursor } = parse(deliveryQuery, c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'webhooks:read', resources.webhooks(env));
    const before = cursor === undefined ? undefined : decodeCursor(cursor);
    const deliveries = await vault.listDeliveries(env, {
      limit,
      ...(status && { status }),
      ...(accountId && { accountId }),
      ...(before && { before: { createdAt: before.at, id: before.id } }),
    });
    return c.json({
      items: deliveries.map((d) => ({
        id: d.id,
        eventId: d.eventId,
        accountId: d.accountId,
        url: shownWebhookUrl(d.url),
        status: d.status,
        attempts: d.attempts.map((a) => ({
          attempt: a.attempt,
          at: isoTime(a.at),
          status: a.status,
          error: a.error,
          durationMs: a.durationMs,
        })),
        nextAttemptAt: d.status === 'pending' ? isoTime(d.nextAttemptAt) : null,
        createdAt: isoTime(d.createdAt),
        deliveredAt: isoTime(d.deliveredAt),
      })),
      nextCursor: nextCursor(deliveries, limit, (d) => ({ at: d.createdAt, id: d.id })),
    });
  });

  return app;
}
