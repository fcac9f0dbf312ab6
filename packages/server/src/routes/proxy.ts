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
          body: c.req.raw.body,
          signal: c.req.raw.signal,
          retries: retriesWanted(c.req.header('tokenvault-retries')),
        },
        c.get('caller'),
        upstream,
      );
      return await toResponse(answer, browser);
    });
  }
  return app;
}

/** `Tokenvault-Retries: 0` turns retries of 429/502/503/504 off for this call. */
function retriesWanted(header: string | undefined): boolean {
  if (header === undefined) return true;
  if (!/^\d+$/.test(header.trim())) throw new VaultError('invalid_request', 'Tokenvault-Retries must be a number');
  return Number(header) !== 0;
}

/** Answers up to this size with a declared length are read whole and sent in one write (docs/proxy.md). */
const SMALL_ANSWER_BYTES = 64 * 1024;

async function toResponse(answer: ProxyAnswer, browser: boolean): Promise<Response> {
  if (answer.status < 200 || answer.status > 599) {
    void answer.body?.cancel();
    throw new VaultError('provider_error', `the provider answered HTTP ${answer.status}`);
  }
  const headers = new Headers(answer.headers);
  headers.set('tokenvault-attempts', String(answer.attempts));
  // A page may read the provider's own headers (pagination links, rate-limit counters), not only the safelisted.
  if (browser) headers.set('access-control-expose-headers', [...new Set(headers.keys())].join(', '));
  // A small answer of known length is sent as one buffer: the Node adapter otherwise waits a timer tick for a
  // stream's second chunk, which costs a small JSON answer more than everything else the proxy does.
  // Only a declared length: an answer without one (chunked, endless, a live stream) always streams.
  const declared = answer.headers.get('content-length');
  if (answer.body && declared !== null && /^\d+$/.test(declared) && Number(declared) <= SMALL_ANSWER_BYTES) {
    return new Response(new Uint8Array(await new Response(answer.body).arrayBuffer()), {
      status: answer.status,
      headers,
    });
  }
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
