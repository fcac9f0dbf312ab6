import { type Vault, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv } from '../context.js';
import type { Logger } from '../logger.js';

export function healthRoutes(vault: Vault, metricsToken?: string, logger?: Logger) {
  const app = new Hono<ServerEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  // Why the database does not answer is logged when it stops and again when it answers, not on every probe.
  let down = false;
  app.get('/readyz', async (c) => {
    try {
      await vault.store.ping();
    } catch (err) {
      if (!down) logger?.error({ err }, 'the database does not answer');
      down = true;
      return c.json({ status: 'unavailable', message: 'the database does not answer' }, 503);
    }
    if (down) logger?.info({}, 'the database answers again');
    down = false;
    return c.json({ status: 'ready' });
  });
  // Prometheus text format. Labels name providers and outcomes, never users or tokens.
  app.get('/metrics', (c) => {
    if (metricsToken !== undefined && !sameSecret(c.req.header('authorization'), `Bearer ${metricsToken}`)) {
      c.header('www-authenticate', 'Bearer');
      throw new VaultError('unauthorized', 'metrics need Authorization: Bearer <metricsToken>');
    }
    return c.body(vault.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' });
  });
  return app;
}

/** Compares without leaking, through timing, how much of the secret a guess got right. */
function sameSecret(given: string | undefined, expected: string): boolean {
  if (given === undefined || given.length !== expected.length) return false;
  let difference = 0;
  for (let i = 0; i < expected.length; i++) difference |= given.charCodeAt(i) ^ expected.charCodeAt(i);
  return difference === 0;
}
