import { VaultError } from '@tokenvault/core';
import { createMiddleware } from 'hono/factory';
import { clientAddress, proxyHops } from './client-address.js';

export interface RateLimit {
  /** Requests one client may make to the limited routes in a minute. */
  requestsPerMinute: number;
  /**
   * How many proxies you run in front of the vault (`true`: one). The client is the address the outermost of them
   * appended to `X-Forwarded-For`; with `false` it is the socket's, which behind a proxy is the proxy's, for everyone.
   */
  trustProxy: boolean | number;
}

const WINDOW_MS = 60_000;
/** Past this many clients in one window the oldest windows are dropped: memory stays bounded under a flood. */
const MAX_CLIENTS = 100_000;

/**
 * A fixed one-minute window per client, in this process (docs/security.md: the public routes are rate-limited). Unauthenticated
 * routes write rows (a flow per /start) and call providers, so an address that floods them gets 429 with
 * `Retry-After` before any work is done.
 */
export function rateLimit(limit: RateLimit, now: () => number = () => Date.now()) {
  const windows = new Map<string, { start: number; count: number }>();
  const hops = proxyHops(limit.trustProxy);
  // It reads nothing the app sets on the context, so it takes no `ServerEnv` (which names this module's options).
  return createMiddleware(async (c, next) => {
    const client = clientAddress(c, hops);
    const at = now();
    let window = windows.get(client);
    if (!window || at - window.start >= WINDOW_MS) {
      windows.delete(client);
      if (windows.size >= MAX_CLIENTS) windows.delete(windows.keys().next().value as string);
      window = { start: at, count: 0 };
      windows.set(client, window);
    }
    window.count += 1;
    if (window.count > limit.requestsPerMinute) {
      const retryAfter = Math.max(1, Math.ceil((window.start + WINDOW_MS - at) / 1000));
      throw new VaultError('rate_limited', `too many requests from this client; try again in ${retryAfter} s`, {
        retryAfter,
      });
    }
    await next();
  });
}
