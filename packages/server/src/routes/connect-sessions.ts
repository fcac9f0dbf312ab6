import { MAX_CONNECT_SESSION_SECONDS } from '@tokenvault/core';
import { Hono } from 'hono';
import { z } from 'zod';
import type { ServerEnv, ServerOptions } from '../context.js';
import { requireServiceClient } from '../service-auth.js';
import { isoTime, jsonBody, parse } from '../wire.js';

export const connectSessionBody = z
  .object({
    userId: z.string().min(1).max(512),
    provider: z.string().min(1).max(200).optional(),
    scopes: z.array(z.string().min(1)).max(100).optional(),
    expiresInSeconds: z.number().int().min(1).max(MAX_CONNECT_SESSION_SECONDS).optional(),
  })
  .strict();

/**
 * `POST /v1/connect-sessions` (docs/api.md): an app backend asks for a single-use token that binds a browser to
 * its user; the page then posts it to `connectUrl` (`/api/auth/connect-session`) to get a vault session.
 */
export function connectSessionRoutes(options: ServerOptions) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();
  app.use('*', requireServiceClient(vault));
  app.post('/', async (c) => {
    const body = parse(connectSessionBody, await jsonBody(c.req.raw));
    const created = await vault.connectSessions.create({ env: c.get('principal').env, ...body }, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(
      {
        token: created.token,
        connectUrl: `${vault.publicUrl}/api/auth/connect-session`,
        expiresAt: isoTime(created.expiresAt),
        provider: created.provider,
        scopes: created.scopes,
        actions: created.actions,
      },
      201,
    );
  });
  return app;
}
