import { allowsSomewhere, sessionCaller, TRUSTED_USER_ACTIONS, type Vault, VaultError } from '@tokenvault/core';
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
 * Instead of the cookie, the app may send its own user JWT from a trusted issuer as `Authorization: Bearer`
 * (docs/security.md, "Trusted issuers"): the same user's accounts, with a session's actions and no limits.
 */
export function sessionAuth(vault: Vault, cookies: Cookies): AccountAuth {
  return {
    authenticate: createMiddleware<ServerEnv>(async (c, next) => {
      const bearer = bearerToken(c.req.header('authorization'));
      if (bearer !== undefined) {
        // A header the browser never adds by itself: no cross-site request can carry it, so no XHR check.
        const user = await vault.trustedIssuers.verify(bearer);
        c.set('user', { env: user.env, userId: user.userId });
        c.set('caller', sessionCaller(user, c.get('requestId'), TRUSTED_USER_ACTIONS));
        await next();
        return;
      }
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

/** The token of `Authorization: Bearer <token>`; undefined without the header, 401 when it is malformed. */
export function bearerToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) throw new VaultError('unauthorized', 'send the token as "Authorization: Bearer <token>"');
  return match[1];
}
