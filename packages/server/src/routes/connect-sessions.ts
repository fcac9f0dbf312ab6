import { MAX_CONNECT_SESSION_SECONDS } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv, ServerOptions } from '../context.js';
import { createOriginCheck } from '../origins.js';
import { requireServiceClient } from '../service-auth.js';
import { isoTime, jsonBody, parse } from '../wire.js';

export const connectSessionBody = z
  .object({
    userId: z.string().min(1).max(512),
    provider: z.string().min(1).max(200).optional(),
    scopes: z.array(z.string().min(1)).max(100).optional(),
    expiresInSeconds: z.number().int().min(1).max(MAX_CONNECT_SESSION_SECONDS).optional(),
    allowedProviders: z.array(z.string().min(1).max(200)).min(1).max(100).optional(),
    returnUrl: z.string().min(1).max(2048).optional(),
  })
  .strict();

/** The hosted connect page for a connect-session token (docs/connect-page.md). */
export function connectUrl(publicUrl: string, token: string): string {
  // A fragment: browsers send it in no request line, log line or Referer.
  return `${publicUrl}/connect#session=${token}`;
}

/**
 * `POST /v1/connect-sessions` (docs/api.md): an app backend asks for a single-use token that binds a browser to
 * its user. The app sends the user to `connectUrl`, the hosted connect page, which redeems the token from the URL
 * fragment (never sent to a server); or its own page posts the token to `/api/auth/connect-session`.
 */
export function connectSessionRoutes(options: ServerOptions) {
  const { vault } = options;
  const origins = createOriginCheck(options.appOrigins);
  const app = new Hono<ServerEnv>();
  app.use('*', requireServiceClient(vault));
  app.post('/', async (c) => {
    const { returnUrl, ...body } = parse(connectSessionBody, await jsonBody(c.req.raw));
    const input = {
      env: c.get('principal').env,
      ...body,
      // Only to an app origin: the page must not become an open redirect.
      ...(returnUrl !== undefined && { returnUrl: origins.requireUrl(returnUrl, 'returnUrl') }),
    };
    const created = await vault.connectSessions.create(input, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(
      {
        token: created.token,
        connectUrl: connectUrl(vault.publicUrl, created.token),
        expiresAt: isoTime(created.expiresAt),
        provider: created.provider,
        scopes: created.scopes,
        actions: created.actions,
        allowedProviders: created.allowedProviders,
        returnUrl: created.returnUrl,
      },
      201,
    );
  });
  return app;
}
