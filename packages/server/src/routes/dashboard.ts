import { operatorRoles, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import type { UiAssets } from '../connect-page-options.js';
import type { ServerEnv, ServerOptions } from '../context.js';
import type { DashboardOptions } from '../dashboard-options.js';
import { escapeHtml } from '../html.js';
import { operatorCookies } from '../operator-auth.js';

/**
 * The operator dashboard (docs/dashboard.md): the page at `/dashboard`, built in `@tokenvault/ui`, which calls
 * only `/v1/admin`; and the operator's sign-in at their own OpenID provider (`/dashboard/login`, `/callback`).
 */
export function dashboardRoutes(options: ServerOptions, dashboard: DashboardOptions, ui: UiAssets) {
  const { vault } = options;
  const cookies = operatorCookies(vault.publicUrl);
  const callbackUrl = `${vault.publicUrl}/dashboard/callback`;
  const home = `${vault.publicUrl}/dashboard`;
  const app = new Hono<ServerEnv>();

  app.get('/dashboard', (c) => c.html(pageHtml(vault.publicUrl, ui), 200, PAGE_HEADERS));

  app.get('/dashboard/login', async (c) => {
    if (dashboard.login) {
      const { url, pending } = await dashboard.login.start(callbackUrl);
      cookies.setLogin(c, pending);
      return c.redirect(url, 302);
    }
    // Dev mode: the local user, as the configuration's dev operator.
    if (!dashboard.devOperator) throw new VaultError('not_found', 'no sign-in is configured for the dashboard');
    cookies.set(c, await dashboard.sessions.create(dashboard.devOperator));
    return c.redirect(home, 302);
  });

  app.get('/dashboard/callback', async (c) => {
    if (!dashboard.login) throw new VaultError('not_found', 'no sign-in is configured for the dashboard');
    const params = new URL(c.req.url).searchParams;
    const sealed = cookies.getLogin(c);
    cookies.clearLogin(c);
    const identity = await dashboard.login.complete(params, sealed, callbackUrl);
    if (operatorRoles(dashboard.operators, identity).size === 0) {
      throw new VaultError(
        'forbidden',
        `'${identity.email ?? identity.subject}' is not one of the configured operators`,
      );
    }
    cookies.set(c, await dashboard.sessions.create(identity));
    return c.redirect(home, 302);
  });

  return app;
}

function pageHtml(publicUrl: string, ui: UiAssets): string {
  const asset = (name: string) => escapeHtml(`${publicUrl}/ui/assets/${name}`);
  const styles = ui.dashboard.styles.map((name) => `<link rel="stylesheet" href="${asset(name)}">`).join('');
  const scripts = ui.dashboard.scripts.map((name) => `<script type="module" src="${asset(name)}"></script>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Tokenvault dashboard</title>
<link rel="icon" href="data:,">
${styles}${scripts}</head><body><div id="root"></div>
<noscript>The dashboard needs JavaScript.</noscript></body></html>`;
}

/** Its own files only, never framed: a framed dashboard could be clickjacked into a change. */
const PAGE_HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cache-control': 'no-store',
};
