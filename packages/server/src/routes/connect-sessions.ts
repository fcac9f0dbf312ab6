import { MAX_CONNECT_SESSION_SECONDS, type Vault } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import * as z from 'zod';
import type { AccountAuth } from '../account-auth.js';
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
  const create = creator(options);
  const app = new Hono<ServerEnv>();
  app.use('*', requireServiceClient(options.vault));
  app.post('/', async (c) => create(c, c.get('principal').env, parse(connectSessionBody, await jsonBody(c.req.raw))));
  return app;
}

export const myConnectSessionBody = connectSessionBody.omit({ userId: true });

/**
 * `POST /v1/me/connect-sessions`: the same for the user of a trusted issuer's JWT, for their own accounts, so an
 * app without a backend can send its signed-in user to the connect page (docs/api.md). A cookie session may not.
 */
export function myConnectSessionRoutes(options: ServerOptions, auth: AccountAuth) {
  const create = creator(options);
  const app = new Hono<ServerEnv>();
  app.use('*', auth.authenticate);
  app.post('/', async (c) => {
    const { env, userId } = c.get('user');
    return create(c, env, { ...parse(myConnectSessionBody, await jsonBody(c.req.raw)), userId });
  });
  return app;
}

/** Creates the connect session for `c`'s caller and answers it, with its link. */
function creator(options: ServerOptions) {
  const { vault } = options;
  const origins = createOriginCheck(options.appOrigins);
  return async (c: Context<ServerEnv>, env: string, input: z.infer<typeof connectSessionBody>) => {
    const { returnUrl, ...body } = input;
    const session = await vault.connectSessions.create(
      {
        env,
        ...body,
        // Only to an app origin: the page must not become an open redirect.
        ...(returnUrl !== undefined && { returnUrl: origins.requireUrl(returnUrl, 'returnUrl') }),
      },
      c.get('caller'),
    );
    c.header('cache-control', 'no-store');
    return c.json(connectSessionJson(vault.publicUrl, session), 201);
  };
}

/** A new connect session as the API answers it, with its link (the one mapper for every route that makes one). */
export function connectSessionJson(
  publicUrl: string,
  session: Awaited<ReturnType<Vault['connectSessions']['create']>>,
) {
  return {
    token: session.token,
    connectUrl: connectUrl(publicUrl, session.token),
    expiresAt: isoTime(session.expiresAt),
    provider: session.provider,
    scopes: session.scopes,
    actions: session.actions,
    allowedProviders: session.allowedProviders,
    returnUrl: session.returnUrl,
  };
}
