import type { Vault } from '@tokenvault/core';
import { Hono } from 'hono';
import type { ServerEnv } from '../context.js';
import type { DashboardOptions } from '../dashboard-options.js';
import { operatorCookies, operatorOf, requireSameOrigin } from '../operator-auth.js';

/**
 * `/v1/admin/operator-session`: whether the dashboard's cookie signs someone in, who, and their role per
 * environment (GET); sign-out (DELETE). Service clients have no session here.
 */
export function operatorSessionRoutes(vault: Vault, dashboard: DashboardOptions) {
  const cookies = operatorCookies(vault.publicUrl);
  const app = new Hono<ServerEnv>();

  app.get('/', async (c) => {
    const operator = await operatorOf(c, vault, dashboard, cookies);
    c.header('cache-control', 'no-store');
    // Not an error: the dashboard asks this first, to show either itself or its sign-in button.
    if (!operator) return c.json({ signedIn: false as const });
    const { identity, issuedAt } = operator.session;
    return c.json({
      signedIn: true as const,
      subject: identity.subject,
      email: identity.email,
      name: identity.name,
      principal: `operator:${identity.subject}`,
      signedInAt: new Date(issuedAt).toISOString(),
      idleTimeoutSeconds: Math.round(dashboard.sessions.idleMs / 1000),
      environments: [...operator.roles].map(([name, role]) => ({ name, role })),
    });
  });

  app.delete('/', (c) => {
    requireSameOrigin(c, vault.publicUrl);
    cookies.clear(c);
    return c.json({ signedOut: true });
  });

  return app;
}
