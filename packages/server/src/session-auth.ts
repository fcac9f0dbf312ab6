import { sessionCaller, type Vault, VaultError } from '@tokenvault/core';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';
import type { Cookies } from './cookies.js';
import { requireXhr } from './xhr.js';

/**
 * Requires the browser session cookie and the `X-Requested-With` header a cross-site form, link or image cannot
 * send (as every `/v1/me` route does), and sets `user` and `caller`: that user, within its connect-session limits.
 */
export function requireSession(vault: Vault, cookies: Cookies) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    requireXhr(c);
    const session = await vault.sessions.resolve(cookies.getSession(c));
    if (!session) throw new VaultError('unauthorized', 'no session in this browser; sign in or use a connect session');
    c.set('user', { env: session.env, userId: session.userId });
    c.set('caller', sessionCaller(session, c.get('requestId')));
    await next();
  });
}
