import { allowsSomewhere, sessionCaller, type Vault, VaultError } from '@tokenvault/core';
import type { Context, MiddlewareHandler } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';
import type { Cookies } from './cookies.js';
import { requireServiceClient } from './service-auth.js';
import { requireXhr } from './xhr.js';

/** Who is asking on the account routes (routes/accounts.ts), and for which user. */
export interface AccountAuth {
  /** Sets `caller` and `user` (whose accounts the routes act on), or refuses the request. */
  authenticate: MiddlewareHandler<ServerEnv>;
  /** False for a caller that may read accounts nowhere: its list is refused before anything is looked up. */
  mayListAnywhere(c: Context<ServerEnv>): boolean;
}

/** A service client's JWT; the user is the path's `{userId}`, the environment the key's, the grants decide. */
export function serviceClientAuth(vault: Vault): AccountAuth {
  const client = requireServiceClient(vault);
  return {
    authenticate: createMiddleware<ServerEnv>((c, next) =>
      client(c, async () => {
        c.set('user', { env: c.get('principal').env, userId: c.req.param('userId') ?? '' });
        await next();
      }),
    ),
    mayListAnywhere: (c) => allowsSomewhere(c.get('principal'), 'connections:read'),
  };
}

/**
 * The browser session's own user, within the session's limits (a connect session's provider, scopes, actions).
 * The session cookie rides along with any request the browser makes, so, as for /refresh, a header a cross-site
 * form, link or image cannot send is required; CORS (app.ts) lets only the app origins read the answers.
 */
export function sessionAuth(vault: Vault, cookies: Cookies): AccountAuth {
  return {
    authenticate: createMiddleware<ServerEnv>(async (c, next) => {
      requireXhr(c);
      const session = await vault.sessions.resolve(cookies.getSession(c));
      if (!session) {
        throw new VaultError('unauthorized', 'no session in this browser; sign in or use a connect session');
      }
      c.set('user', { env: session.env, userId: session.userId });
      c.set('caller', sessionCaller(session, c.get('requestId')));
      await next();
    }),
    // Its own accounts; a session whose limits leave out reading them sees an empty list.
    mayListAnywhere: () => true,
  };
}
