import type { IncomingHttpHeaders } from 'node:http';
import { type HeaderRecord, headerRecord, type ProxyAnswer, VaultError } from '@tokenvault/core';

// What the proxy routes do around `vault.proxy`, shared by the app's routes (routes/proxy.ts) and the service
// routes on the Node request (node-proxy.ts), so the two cannot read a call or answer it differently.

/** The caller's headers from what Node's parser made: lowercase names, repeated headers joined with ", ". */
export function nodeHeaders(incoming: IncomingHttpHeaders): HeaderRecord {
  const out = headerRecord();
  for (const name in incoming) {
    const value = incoming[name];
    if (value === undefined || name.startsWith(':')) continue; // HTTP/2 pseudo-headers are not headers
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
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

/**
 * The path below the API base URL, as sent (percent-encoding kept): what follows the route's own segments in the
 * request's path (`/v1/users/u/connected-accounts/a/proxy/user/repos` → `/user/repos`; nothing → `/`).
 */
export function proxiedPath(pathname: string, routePath: string): string {
  let at = -1;
  for (let i = 0; i <= routeSegments(routePath); i++) {
    at = pathname.indexOf('/', at + 1);
    if (at === -1) return '/';
  }
  return pathname.slice(at) || '/';
}

/** `Tokenvault-Retries: 0`: the provider is called once, with no resend after a 401 and no retry of 429/5xx. */
export function retriesWanted(header: string | undefined): boolean {
  if (header === undefined) return true;
  if (!/^\d+$/.test(header.trim())) throw new VaultError('invalid_request', 'Tokenvault-Retries must be a number');
  return Number(header) !== 0;
}

/**
 * The answer's headers as they go back to the caller (set on the proxy's own copy, core/src/proxy/proxy-headers.ts):
 * `Tokenvault-Attempts`, the vault's `X-Request-Id` (the call's audit row names it; a provider's own is replaced),
 * and for the browser every header exposed to the app's page (pagination links, rate-limit counters). A status
 * outside 200–599 is no answer to pass on: its body is cancelled and the call is a `provider_error`.
 */
export function answerHeaders(answer: ProxyAnswer, browser: boolean, requestId: string): HeaderRecord {
  if (answer.status < 200 || answer.status > 599) {
    if (answer.body instanceof ReadableStream) void answer.body.cancel();
    throw new VaultError('provider_error', `the provider answered HTTP ${answer.status}`);
  }
  const headers = answer.headers;
  headers['tokenvault-attempts'] = String(answer.attempts);
  headers['x-request-id'] = requestId;
  if (browser) headers['access-control-expose-headers'] = Object.keys(headers).join(', ');
  return headers;
}
