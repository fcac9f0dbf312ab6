import type { Vault } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv } from '../context.js';

export function healthRoutes(vault: Vault) {
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
  app.get('/metrics', (c) =>
    c.body(vault.metrics.render(), 200, { 'content-type': 'text/plain; version=0.0.4; charset=utf-8' }),
  );
  return app;
}
