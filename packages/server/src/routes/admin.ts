import { authorize, resources } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv, ServerOptions } from '../context.js';
import { adminAuth } from '../operator-auth.js';
import { accountJson, parse } from '../wire.js';
import { adminAccountRoutes } from './admin-accounts.js';
import { auditRoutes } from './admin-audit.js';
import { clientRoutes } from './admin-clients.js';
import { operatorSessionRoutes } from './admin-operator.js';
import { overviewRoutes } from './admin-overview.js';
import { providerRoutes } from './admin-providers.js';
import { webhookRoutes } from './admin-webhooks.js';
import { decodeCursor, nextCursor, pageQuery } from './cursors.js';

export const accountQuery = z
  .object({
    status: z.enum(['active', 'needs_reauth', 'error', 'revoked']).optional(),
    provider: z.string().min(1).optional(),
  })
  .extend(pageQuery)
  .strict();

/** `/v1/admin/…`: what operators query and manage; each route asks the grants about its own resource. */
export function adminRoutes(options: ServerOptions) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();
  // Before the authenticator: it answers only the dashboard's cookie, and signing out needs no environment.
  if (options.dashboard) app.route('/operator-session', operatorSessionRoutes(vault, options.dashboard));
  app.use('*', adminAuth(vault, options.dashboard));
  app.route('/clients', clientRoutes(vault));
  app.route('/users/:userId/connected-accounts', adminAccountRoutes(options));
  app.route('/audit', auditRoutes(vault));
  app.route('/overview', overviewRoutes(vault));
  app.route('/', webhookRoutes(vault));
  app.route('/providers', providerRoutes(vault));

  // Every user's accounts, oldest first: e.g. ?status=needs_reauth for the users to ask to connect again.
  app.get('/connected-accounts', async (c) => {
    const { status, provider, limit, cursor } = parse(accountQuery, c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'connections:read', resources.connections(env, provider));
    const after = cursor === undefined ? undefined : decodeCursor(cursor);
    const accounts = await vault.listAllAccounts(env, {
      limit,
      ...(status && { status }),
      ...(provider && { provider }),
      ...(after && { after: { createdAt: after.at, id: after.id } }),
    });
    return c.json({
      items: accounts.map((account) => ({ ...accountJson(account), userId: account.userId })),
      nextCursor: nextCursor(accounts, limit, (a) => ({ at: a.createdAt, id: a.id })),
    });
  });

  return app;
}
