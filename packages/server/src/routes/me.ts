import { sessionCaller, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv, ServerOptions } from '../context.js';
import type { Cookies } from '../cookies.js';
import { requireXhr } from '../xhr.js';
import { accountJson, disconnectJson, tokenJson, tokenOptions } from './accounts.js';

/**
 * `/v1/me/…` (SPEC §5.3.2): the service API's account routes for the browser, acting on the user of the session
 * cookie and on no one else. Another user's account is simply not found (404, not 403: existence does not leak).
 */
export function meRoutes(options: ServerOptions, cookies: Cookies) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();

  // The session cookie rides along with any request the browser makes, so, as for /refresh, a header a cross-site
  // form, link or image cannot send is required; CORS (app.ts) lets only the app origins read the answers.
  app.use(
    '*',
    createMiddleware<ServerEnv>(async (c, next) => {
      requireXhr(c);
      const session = await vault.sessions.resolve(cookies.getSession(c));
      if (!session)
        throw new VaultError('unauthorized', 'no session in this browser; sign in or use a connect session');
      c.set('user', { env: session.env, userId: session.userId });
      c.set('caller', sessionCaller(session, c.get('requestId')));
      await next();
    }),
  );

  app.get('/connected-accounts', async (c) => {
    const { env, userId } = c.get('user');
    const accounts = await vault.listAccounts(env, userId, c.get('caller'));
    return c.json({ items: accounts.map(accountJson), nextCursor: null });
  });

  app.get('/connected-accounts/:accountId', async (c) => {
    const { env, userId } = c.get('user');
    return c.json(accountJson(await vault.getAccount(env, userId, c.req.param('accountId'), c.get('caller'))));
  });

  app.delete('/connected-accounts/:accountId', async (c) => {
    const { env, userId } = c.get('user');
    const account = { env, userId, accountId: c.req.param('accountId') };
    return c.json(disconnectJson(c, await vault.disconnect(account, c.get('caller')), options.logger));
  });

  app.post('/connected-accounts/:accountId/access-token', async (c) => {
    const { env, userId } = c.get('user');
    const request = { env, userId, accountId: c.req.param('accountId'), ...(await tokenOptions(c.req.raw)) };
    const token = await vault.getAccessToken(request, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(tokenJson(token));
  });

  app.post('/providers/:provider/access-token', async (c) => {
    const { env, userId } = c.get('user');
    const request = { env, userId, provider: c.req.param('provider'), ...(await tokenOptions(c.req.raw)) };
    const token = await vault.getProviderAccessToken(request, c.get('caller'));
    c.header('cache-control', 'no-store');
    return c.json(tokenJson(token));
  });

  return app;
}
