import type { IncomingHttpHeaders } from 'node:http';
import { type HeaderRecord, headerRecord, type ProxyAnswer, type Upstream, VaultError } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
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
      const { pathname, query } = splitUrl(c.req.url);
      const headers = callerHeaders(c);
      const { env, userId } = c.get('user');
      const accountId = c.req.param('accountId');
      const answer = await options.vault.proxy(
        {
          env,
          userId,
          ...(accountId !== undefined ? { accountId } : { provider: c.req.param('provider') ?? '' }),
          method: c.req.method,
          // The path as sent, still percent-encoded: segments after the route's own (`…/proxy`).
          path: pathname.slice(nthSlash(pathname, routeSegments(c.req.routePath) + 1)) || '/',
          query,
          headers,
          // A GET or HEAD has no body in the Fetch API (and the Node adapter drops one); not asking for it spares
          // the adapter building a whole web Request for every read.
          body: c.req.method === 'GET' || c.req.method === 'HEAD' ? null : c.req.raw.body,
          signal: c.req.raw.signal,
          retries: retriesWanted(headers['tokenvault-retries']),
        },
        c.get('caller'),
        upstream,
      );
      return toResponse(answer, browser, c.get('requestId'));
    });
  }
  return app;
}

/**
 * The request's headers as a record (lowercase names, repeated headers joined). Under Node (`@hono/node-server`
 * passes the Node request as `incoming`) they are read from what Node's parser already made, instead of having
 * the adapter build and sort a web `Headers` for one pass over it.
 */
function callerHeaders(c: Context): HeaderRecord {
  const out = headerRecord();
  const incoming = (c.env as { incoming?: { headers?: IncomingHttpHeaders } } | undefined)?.incoming?.headers;
  if (!incoming) {
    c.req.raw.headers.forEach((value, name) => {
      out[name] = value;
    });
    return out;
  }
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || name.startsWith(':')) continue; // HTTP/2 pseudo-headers are not headers
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/**
 * The path (as sent, percent-encoding kept) and query of a request URL, which the adapters hand over already
 * serialized (dot segments resolved), so no second parse is needed.
 */
function splitUrl(href: string): { pathname: string; query: string } {
  const pathStart = href.indexOf('/', href.indexOf('//') + 2);
  const hash = href.indexOf('#', pathStart);
  const end = hash === -1 ? href.length : hash;
  const question = href.indexOf('?', pathStart);
  if (question === -1 || question > end) return { pathname: href.slice(pathStart, end), query: '' };
  return { pathname: href.slice(pathStart, question), query: href.slice(question + 1, end) };
}

/** Segments in a route's own path (`/v1/users/:userId/connected-accounts/:accountId/proxy/*` → 6), per route. */
const segmentsOf = new Map<string, number>();
function routeSegments(routePath: string): number {
  let count = segmentsOf.get(routePath);
  if (count === undefined) {
    count = (routePath.replace(/\/\*$/, '').match(/\//g) ?? []).length;
    segmentsOf.set(routePath, count);
  }
  return count;
}

/** Where the `n`th `/` of `path` is (its length when there are fewer). */
function nthSlash(path: string, n: number): number {
  let at = -1;
  for (let i = 0; i < n; i++) {
    at = path.indexOf('/', at + 1);
    if (at === -1) return path.length;
  }
  return at;
}

/** `Tokenvault-Retries: 0`: the provider is called once, with no resend after a 401 and no retry of 429/5xx. */
function retriesWanted(header: string | undefined): boolean {
  if (header === undefined) return true;
  if (!/^\d+$/.test(header.trim())) throw new VaultError('invalid_request', 'Tokenvault-Retries must be a number');
  return Number(header) !== 0;
}

function toResponse(answer: ProxyAnswer, browser: boolean, requestId: string): Response {
  if (answer.status < 200 || answer.status > 599) {
    if (answer.body instanceof ReadableStream) void answer.body.cancel();
    throw new VaultError('provider_error', `the provider answered HTTP ${answer.status}`);
  }
  // The answer's headers are the proxy's own copy (core/src/proxy/proxy-headers.ts): set on it directly. A plain
  // record lets the Node adapter write them as they are (no web Headers built and read back).
  const headers = answer.headers;
  headers['tokenvault-attempts'] = String(answer.attempts);
  // Every answer of the vault carries its request id (docs/api.md), which the call's audit row names; a returned
  // Response does not get the one the request log set on the context, and a provider's own is replaced by it.
  headers['x-request-id'] = requestId;
  // A page may read the provider's own headers (pagination links, rate-limit counters), not only the safelisted.
  if (browser) headers['access-control-expose-headers'] = Object.keys(headers).join(', ');
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
