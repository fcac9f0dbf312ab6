import { VaultError } from '@tokenvault/core';
import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';

export interface RateLimit {
  /** Requests one client may make to the limited routes in a minute. */
  requestsPerMinute: number;
  /**
   * Take the client from the first `X-Forwarded-For` address (behind a proxy you run); otherwise from the socket,
   * which behind a proxy is the proxy's, for everyone.
   */
  trustProxy: boolean;
}

const WINDOW_MS = 60_000;
/** Past this many clients in one window the oldest windows are dropped: memory stays bounded under a flood. */
const MAX_CLIENTS = 100_000;

/**
 * A fixed one-minute window per client, in this process (SPEC §7: rate limits on the public routes). Unauthenticated
 * routes write rows (a flow per /start) and call providers, so an address that floods them gets 429 with
 * `Retry-After` before any work is done.
 */
export function rateLimit(limit: RateLimit, now: () => number = () => Date.now()) {
  const windows = new Map<string, { start: number; count: number }>();
  return createMiddleware<ServerEnv>(async (c, next) => {
    const client = clientOf(c, limit.trustProxy);
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

function clientOf(c: Context<ServerEnv>, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  // @hono/node-server passes the Node request as `incoming`; other runtimes have no socket to read here.
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'unknown';
}
