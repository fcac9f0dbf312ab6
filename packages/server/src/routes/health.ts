import { type Vault, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv } from '../context.js';

export function healthRoutes(vault: Vault, metricsToken?: string) {
  const app = new Hono<ServerEnv>();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.get('/readyz', async (c) => {
    try {
      await vault.store.ping();
      return c.json({ status: 'ready' });
    } catch {
      return c.json({ status: 'unavailable', message: 'the database does not answer' }, 503);
    }
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
