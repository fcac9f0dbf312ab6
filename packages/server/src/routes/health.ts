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
  return app;
}
