import { authorize, resources, type Vault } from '@tokenvault/core';
import { Hono } from 'hono';
import * as z from 'zod';
import type { ServerEnv } from '../context.js';
import { isoTime, parse } from '../wire.js';

const HOUR_MS = 3_600_000;
const STATUSES = ['active', 'needs_reauth', 'error', 'revoked'] as const;
const READ = 'credentials.read';
const REFRESH = 'token.refresh';

/**
 * `GET /v1/admin/overview`: the environment at a glance, for the dashboard's first page. Accounts by status and by
 * provider (with those whose last refresh failed), how many the scheduler refreshes within the hour, and the last
 * 24 hours of token reads and of refreshes per hour from the audit log (for a caller that may read it), so they
 * count every process.
 */
export function overviewRoutes(vault: Vault) {
  const app = new Hono<ServerEnv>();
  app.get('/', async (c) => {
    parse(z.object({}).strict(), c.req.query());
    const env = c.get('env');
    authorize(c.get('caller'), 'connections:read', resources.connections(env));
    const now = vault.now();
    const counts = await vault.countAccounts(env, now + HOUR_MS);
    const byStatus = Object.fromEntries(STATUSES.map((status) => [status, 0])) as Record<string, number>;
    const providers = new Map<string, { provider: string; accounts: number; failing: number; needsReauth: number }>();
    let due = 0;
    for (const count of counts) {
      byStatus[count.status] = (byStatus[count.status] ?? 0) + count.accounts;
      due += count.due;
      const entry = providers.get(count.provider) ?? {
        provider: count.provider,
        accounts: 0,
        failing: 0,
        needsReauth: 0,
      };
      entry.accounts += count.accounts;
      entry.failing += count.failing;
      if (count.status === 'needs_reauth') entry.needsReauth += count.accounts;
      providers.set(count.provider, entry);
    }
    const since = Math.floor(now / HOUR_MS) * HOUR_MS - 23 * HOUR_MS;
    const counts24h = c.get('caller').may('audit:read', resources.audit(env))
      ? await vault.countAudit(env, { actions: [READ, REFRESH], since, bucketMs: HOUR_MS })
      : null;
    // Every hour of the last 24, oldest first, with zeros where the log has nothing.
    const hourly = (action: string) =>
      counts24h &&
      Array.from({ length: 24 }, (_, i) => {
        const bucket = since + i * HOUR_MS;
        const found = counts24h.find((r) => r.action === action && r.bucket === bucket);
        return { hour: isoTime(bucket), ok: found?.ok ?? 0, failed: found?.failed ?? 0 };
      });
    return c.json({
      at: isoTime(now),
      accountsByStatus: byStatus,
      refreshesDueWithinHour: due,
      providers: [...providers.values()].sort((a, b) => b.failing - a.failing || a.provider.localeCompare(b.provider)),
      tokenReads: hourly(READ),
      refreshes: hourly(REFRESH),
    });
  });
  return app;
}
