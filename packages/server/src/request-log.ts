import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';
import type { Logger } from './logger.js';

/** One line per request: method, path without the query (it can hold codes and state), status, duration. */
export function requestLog(logger: Logger | undefined) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    const requestId = requestIdOf(c.req.header('x-request-id'));
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    logRequest(logger, requestId, c.req.method, c.req.path, c.res.status, started);
  });
}

/** The caller's request id if it cannot smuggle anything into the logs, otherwise a new one. */
export function requestIdOf(header: string | undefined): string {
  return header && /^[\w.-]{1,100}$/.test(header) ? header : crypto.randomUUID();
}

/** The request's line (also written by the Node token-read route, node-token-read.ts). */
export function logRequest(
  logger: Logger | undefined,
  requestId: string,
  method: string,
  path: string,
  status: number,
  started: number,
): void {
  logger?.info({ requestId, method, path, status, ms: Math.round((performance.now() - started) * 10) / 10 }, 'request');
}
