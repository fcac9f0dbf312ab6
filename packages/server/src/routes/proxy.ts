import { type ProxyAnswer, type Upstream, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AccountAuth } from '../account-auth.js';
import type { ServerEnv, ServerOptions } from '../context.js';

/** `/v1/users/{userId}/…/proxy/…` and `/v1/me/…/proxy/…`: a path below one of these is a proxied call. */
export const PROXY_PATH = /^\/v1\/(?:users\/[^/]+|me)\/(?:connected-accounts|providers)\/[^/]+\/proxy(?:\/|$)/;

/**
 * The proxy routes (docs/proxy.md), written once and mounted behind each authenticator (account-auth.ts): at
 * `/v1/users/{userId}` for service clients, at `/v1/me` for browser sessions; the authenticator says whose
 * accounts the call may use.
 */
export function proxyRoutes(options: ServerOptions, upstream: Upstream, auth: AccountAuth, browser: boolean) {
  const app = new Hono<ServerEnv>();
  const byAccount = '/connected-accounts/:accountId/proxy';
  const byProvider = '/providers/:provider/proxy';
  for (const path of [byAccount, `${byAccount}/*`, byProvider, `${byProvider}/*`]) {
    app.all(path, auth.authenticate, async (c) => {
      const { accountId, provider } = c.req.param() as { accountId?: string; provider?: string };
      const raw = new URL(c.req.url);
      // The path as sent, still percent-encoded: segments after the route's own (`…/proxy`).
      const routeSegments = (c.req.routePath.replace(/\/\*$/, '').match(/\//g) ?? []).length;
      const path = `/${raw.pathname
        .split('/')
        .slice(routeSegments + 1)
        .join('/')}`;
      const answer = await options.vault.proxy(
        {
          ...c.get('user'),
          ...(accountId !== undefined ? { accountId } : { provider: provider ?? '' }),
          method: c.req.method,
          path,
          query: raw.search.slice(1),
          headers: c.req.raw.headers,
          // A GET or HEAD has no body in the Fetch API (and the Node adapter drops one); not asking for it spares
          // the adapter building a whole web Request for every read.
          body: c.req.method === 'GET' || c.req.method === 'HEAD' ? null : c.req.raw.body,
          signal: c.req.raw.signal,
          retries: retriesWanted(c.req.header('tokenvault-retries')),
        },
        c.get('caller'),
        upstream,
      );
      return toResponse(answer, browser);
    });
  }
  return app;
}

/** `Tokenvault-Retries: 0`: the provider is called once, with no resend after a 401 and no retry of 429/5xx. */
function retriesWanted(header: string | undefined): boolean {
  if (header === undefined) return true;
  if (!/^\d+$/.test(header.trim())) throw new VaultError('invalid_request', 'Tokenvault-Retries must be a number');
  return Number(header) !== 0;
}

function toResponse(answer: ProxyAnswer, browser: boolean): Response {
  if (answer.status < 200 || answer.status > 599) {
    if (answer.body instanceof ReadableStream) void answer.body.cancel();
    throw new VaultError('provider_error', `the provider answered HTTP ${answer.status}`);
  }
  // The answer's headers are the proxy's own copy (core/src/proxy/proxy-headers.ts): set on it directly.
  const headers = answer.headers;
  headers.set('tokenvault-attempts', String(answer.attempts));
  // A page may read the provider's own headers (pagination links, rate-limit counters), not only the safelisted.
  if (browser) headers.set('access-control-expose-headers', [...new Set(headers.keys())].join(', '));
  return new Response(answer.body, { status: answer.status, headers });
}

/** CORS for the browser's proxied calls: any method and header, from the app origins only, with credentials. */
export function proxyCors(appOrigins: readonly string[]) {
  return cors({
    origin: appOrigins.map((origin) => new URL(origin).origin),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
}
