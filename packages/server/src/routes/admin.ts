import { VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerEnv, ServerOptions } from '../context.js';
import { requireServiceClient } from '../service-auth.js';
import { accountJson, isoTime } from './accounts.js';

const deliveryQuery = z
  .object({
    status: z.enum(['pending', 'delivered', 'failed']).optional(),
    accountId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  })
  .strict();

const accountQuery = z
  .object({
    status: z.enum(['active', 'needs_reauth', 'error', 'revoked']).optional(),
    provider: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    cursor: z.string().optional(),
  })
  .strict();

const cursorSchema = z.object({ createdAt: z.number().int(), id: z.string() }).strict();

/** `/v1/admin/…` (admin role): what operators query. */
export function adminRoutes(options: ServerOptions) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();
  app.use('*', requireServiceClient(vault, 'admin'));

  // Every user's accounts, oldest first: e.g. ?status=needs_reauth for the users to ask to connect again.
  app.get('/connected-accounts', async (c) => {
    const { status, provider, limit, cursor } = parse(accountQuery, c.req.query());
    const accounts = await vault.listAllAccounts(c.get('principal').env, {
      limit,
      ...(status && { status }),
      ...(provider && { provider }),
      ...(cursor && { after: decodeCursor(cursor) }),
    });
    const last = accounts.at(-1);
    return c.json({
      items: accounts.map((account) => ({ ...accountJson(account), userId: account.userId })),
      nextCursor: last && accounts.length === limit ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  });

  // Webhook deliveries newest first, each with its attempts (SPEC §6.5: "delivery attempts are queryable").
  app.get('/webhook-deliveries', async (c) => {
    const { status, accountId, limit, cursor } = parse(deliveryQuery, c.req.query());
    const deliveries = await vault.listDeliveries(c.get('principal').env, {
      limit,
      ...(status && { status }),
      ...(accountId && { accountId }),
      ...(cursor && { before: decodeCursor(cursor) }),
    });
    const last = deliveries.at(-1);
    return c.json({
      items: deliveries.map((d) => ({
        id: d.id,
        eventId: d.eventId,
        accountId: d.accountId,
        url: d.url,
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
      nextCursor: last && deliveries.length === limit ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
    });
  });

  return app;
}

function parse<T extends z.ZodType>(schema: T, query: Record<string, string>): z.infer<T> {
  const result = schema.safeParse(query);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`);
    throw new VaultError('invalid_request', problems.join('; '));
  }
  return result.data;
}

// Cursors are opaque to clients: base64url of the last item's sort key (ASCII: ids are ours, times numbers).
function encodeCursor(key: z.infer<typeof cursorSchema>): string {
  return btoa(JSON.stringify(key)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeCursor(cursor: string): z.infer<typeof cursorSchema> {
  try {
    return cursorSchema.parse(JSON.parse(atob(cursor.replace(/-/g, '+').replace(/_/g, '/'))));
  } catch {
    throw new VaultError('invalid_request', 'cursor is not one this API gave out');
  }
}
