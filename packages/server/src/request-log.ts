import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';
import type { Logger } from './logger.js';

/** One line per request: method, path without the query (it can hold codes and state), status, duration. */
export function requestLog(logger: Logger | undefined) {
  return createMiddleware<ServerEnv>(async (c, next) => {
    const requestId = validId(c.req.header('x-request-id')) ?? crypto.randomUUID();
    c.set('requestId', requestId);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    logger?.info(
      {
        requestId,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
      },
      'request',
    );
  });
}

/** Accept a caller's request id only if it cannot smuggle anything into the logs. */
function validId(value: string | undefined): string | undefined {
  return value && /^[\w.-]{1,100}$/.test(value) ? value : undefined;
}
