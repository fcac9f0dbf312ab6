import type { IncomingHttpHeaders } from 'node:http';
import { type HeaderRecord, headerRecord, type Upstream } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import { cors } from 'hono/cors';
import type { AccountAuth } from '../account-auth.js';
import type { ServerEnv, ServerOptions } from '../context.js';
import { answerHeaders, nodeHeaders, proxiedPath, retriesWanted } from '../proxy/proxy-exchange.js';

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
          path: proxiedPath(pathname, c.req.routePath),
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
      // A plain record lets the Node adapter write the headers as they are (no web Headers built and read back).
      return new Response(answer.body, {
        status: answer.status,
        headers: answerHeaders(answer, browser, c.get('requestId')),
      });
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
  const incoming = (c.env as { incoming?: { headers?: IncomingHttpHeaders } } | undefined)?.incoming?.headers;
  if (incoming) return nodeHeaders(incoming);
  const out = headerRecord();
  c.req.raw.headers.forEach((value, name) => {
    out[name] = value;
  });
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

/** CORS for the browser's proxied calls: any method and header, from the app origins only, with credentials. */
export function proxyCors(appOrigins: readonly string[]) {
  return cors({
    origin: appOrigins.map((origin) => new URL(origin).origin),
    credentials: true,
    allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
    maxAge: 600,
  });
}
