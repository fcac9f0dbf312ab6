import { type ConnectedAccount, OPERATOR, sessionCaller, type Vault, VaultError } from '@tokenvault/core';
import { Hono } from 'hono';
import type { Cookies } from '../cookies.js';
import { escapeHtml, htmlHeaders } from '../html.js';

export interface DevHome {
  /** The environment the page connects accounts in. */
  env: string;
  /** A shell expression that prints a service JWT, for the ready-made curl lines. */
  bearerCommand: string;
}

/** Who connects from the home page when the browser is not signed in yet. */
export const DEV_USER = 'developer';
/** The page's connect session lasts as long as connect sessions may. */
const DEV_CONNECT_SECONDS = 30 * 60;
/** The home page runs no script: its Connect button is a form that opens the hosted connect page. */
const NO_SCRIPT = '';

/** The dev-mode home page: connect an account, see it, copy a curl that reads its token. */
export function devHomeRoutes(vault: Vault, cookies: Cookies, home: DevHome) {
  // Reads nothing the app sets on the context, so no `ServerEnv` (which names this module's `DevHome`).
  const app = new Hono();
  app.get('/', async (c) => {
    const base = new URL(vault.publicUrl);
    // Cookies are per host: 127.0.0.1 and localhost are different sites, so stay on the public URL's.
    if (new URL(c.req.url).host !== base.host) return c.redirect(`${vault.publicUrl}/`, 302);
    const session = await vault.sessions.resolve(cookies.getSession(c));
    const user = session?.env === home.env ? session.userId : undefined;
    const accounts = session && user ? await vault.listAccounts(home.env, user, sessionCaller(session)) : [];
    const html = page(vault, home, user, accounts);
    return c.html(html, 200, await htmlHeaders(NO_SCRIPT, 'DENY'));
  });

  // "Connect": a connect session for this browser's user (or the dev user), then the hosted page, which comes back
  // here. Only the home page's own form may ask: its POST says same-origin in Sec-Fetch-Site (Origin is "null" under
  // the page's no-referrer policy).
  app.post('/dev/connect', async (c) => {
    if (c.req.header('sec-fetch-site') !== 'same-origin') {
      throw new VaultError('forbidden', 'only the dev home page starts a connect');
    }
    const session = await vault.sessions.resolve(cookies.getSession(c));
    const userId = session?.env === home.env ? session.userId : DEV_USER;
    const input = { env: home.env, userId, expiresInSeconds: DEV_CONNECT_SECONDS, returnUrl: `${vault.publicUrl}/` };
    const created = await vault.connectSessions.create(input, OPERATOR);
    // The token goes in the fragment of the Location: the browser sends it to no server.
    return c.redirect(`${vault.publicUrl}/connect#session=${created.token}`, 303);
  });
  return app;
}

function page(vault: Vault, home: DevHome, user: string | undefined, accounts: ConnectedAccount[]): string {
  const providers = vault.providers
    .list(home.env)
    .map((p) => `<li>${escapeHtml(p.spec.displayName)}</li>`)
    .join('');
  const rows = accounts.map((a) => accountHtml(vault, home, user as string, a)).join('');
  const who = user
    ? `<p>Signed in as <code>${escapeHtml(user)}</code>.</p>`
    : `<p>Not signed in: connecting an account signs you in as <code>${DEV_USER}</code>.</p>`;
  return `<!doctype html><html><head><meta charset="utf-8"><title>Tokenvault (dev mode)</title>
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}
pre{background:#f4f4f4;padding:.75rem;overflow-x:auto;white-space:pre-wrap;word-break:break-all}
.account{border:1px solid #ddd;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}</style></head>
<body>
<h1>Tokenvault</h1><p>Dev mode, environment <code>${escapeHtml(home.env)}</code>.</p>
<h2>Providers</h2><ul>${providers}</ul>
<form method="post" action="${escapeHtml(vault.publicUrl)}/dev/connect"><button type="submit">Connect</button></form>
<h2>Connected accounts</h2>${who}${rows || (user ? '<p>None yet.</p>' : '')}
</body></html>`;
}

function accountHtml(vault: Vault, home: DevHome, user: string, a: ConnectedAccount): string {
  const url = `${vault.publicUrl}/v1/users/${shellSafe(user)}/connected-accounts/${shellSafe(a.id)}/access-token`;
  const curl = `curl -s -X POST '${url}' -H "authorization: Bearer ${home.bearerCommand}"`;
  const expires = a.expiresAt === null ? 'never' : new Date(a.expiresAt).toISOString();
  return `<div class="account" data-account="${escapeHtml(a.id)}">
<p><strong>${escapeHtml(a.displayName ?? a.providerAccountId)}</strong> on ${escapeHtml(a.provider)}
· status <code>${escapeHtml(a.status)}</code> · access token expires ${escapeHtml(expires)}
· scopes <code>${escapeHtml(a.scopes.join(' '))}</code></p>
<p>Read a fresh access token (the vault refreshes it when it is about to expire):</p>
<pre>${escapeHtml(curl)}</pre></div>`;
}

/** Percent-encodes a path segment, quote included: the URL sits in single quotes in a line users paste into a shell. */
function shellSafe(segment: string): string {
  return encodeURIComponent(segment).replace(/'/g, '%27');
}
