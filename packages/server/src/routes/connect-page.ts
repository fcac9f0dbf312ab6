import { type ConnectPageLimits, type SessionRow, sessionCaller, VaultError } from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import type { ConnectUi, UiAssets } from '../connect-page-options.js';
import type { ServerEnv, ServerOptions } from '../context.js';
import type { Cookies } from '../cookies.js';
import { escapeHtml } from '../html.js';
import { createOriginCheck } from '../origins.js';
import { requireXhr } from '../xhr.js';

/** Hashed file names never change content, so browsers may keep them for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * The hosted connect page (docs/connect-page.md): `GET /connect` serves the built app from `@tokenvault/ui`, which
 * redeems the connect-session token from its URL fragment at `POST /connect/api/session` (same origin only) and reads
 * its state back from the session cookie on a reload. Links go through the ordinary `/api/auth/{provider}/start`.
 */
export function connectPageRoutes(options: ServerOptions, cookies: Cookies, ui: UiAssets) {
  const { vault } = options;
  const pageOrigin = new URL(vault.publicUrl).origin;
  const appOrigins = createOriginCheck(options.appOrigins);
  const app = new Hono<ServerEnv>();

  app.get('/ui/assets/:file', (c) => {
    const file = ui.files.get(c.req.param('file'));
    if (!file) throw new VaultError('not_found', 'no such asset');
    return c.body(file.body as Uint8Array<ArrayBuffer>, 200, {
      'content-type': file.contentType,
      'cache-control': IMMUTABLE,
      'x-content-type-options': 'nosniff',
    });
  });

  app.get('/connect', (c) => c.html(pageHtml(vault.publicUrl, ui), 200, pageHeaders(options)));

  app.post('/connect/api/session', async (c) => {
    requireXhr(c);
    // Only the page itself redeems here; an app's own page uses /api/auth/connect-session.
    if (c.req.header('origin') !== pageOrigin) throw new VaultError('forbidden', 'only the connect page redeems here');
    const body = (await c.req.json().catch(() => undefined)) as { token?: unknown; openerOrigin?: unknown } | undefined;
    if (typeof body?.token !== 'string') throw new VaultError('invalid_request', 'send {"token": "<token>"}');
    const opener = openerOrigin(body.openerOrigin);
    const bound = await vault.connectSessions.redeem(body.token);
    const previous = cookies.getSession(c);
    if (previous) await vault.sessions.delete(previous);
    const connectPage: ConnectPageLimits = {
      allowedProviders: bound.allowedProviders,
      returnUrl: bound.returnUrl,
      expiresAt: bound.expiresAt,
    };
    const limits = { ...bound.limits, connectPage };
    // The browser session lasts as long as the connect session: a reload works until then, and not after.
    const ttlSeconds = Math.max(1, Math.ceil((bound.expiresAt - vault.now()) / 1000));
    const handle = await vault.sessions.create({ env: bound.env, userId: bound.userId, limits, ttlSeconds });
    cookies.setSession(c, handle, ttlSeconds);
    const session = await vault.sessions.resolve(handle);
    if (!session) throw new VaultError('internal', 'the session just created is not found');
    return c.json(await pageState(c, session, opener));
  });

  app.get('/connect/api/session', async (c) => {
    requireXhr(c);
    const opener = openerOrigin(c.req.query('openerOrigin'));
    const session = await vault.sessions.resolve(cookies.getSession(c));
    if (!session?.limits?.connectPage || session.limits.connectPage.expiresAt <= vault.now()) {
      throw new VaultError('unauthorized', 'no connect session in this browser, or it has expired');
    }
    return c.json(await pageState(c, session, opener));
  });

  /** The app origin that opened the page as a popup, which the page may post its result to: an app origin only. */
  function openerOrigin(value: unknown): string | null {
    if (value === undefined || value === null || value === '') return null;
    if (typeof value !== 'string') throw new VaultError('invalid_request', 'openerOrigin is a string');
    return appOrigins.require(value, 'openerOrigin');
  }

  /** What the page shows: the app's branding, the providers it may link, the user's accounts it may list. */
  async function pageState(c: Context<ServerEnv>, session: SessionRow, opener: string | null) {
    const page = session.limits?.connectPage as ConnectPageLimits;
    const only = session.limits?.provider;
    const providers = vault.providers
      .list(session.env)
      .filter((p) => (!only || p.id === only) && (!page.allowedProviders || page.allowedProviders.includes(p.id)))
      .map((p) => ({
        id: p.id,
        displayName: p.spec.displayName,
        logo: p.spec.logo ?? null,
        params: Object.entries(p.spec.params).map(([name, param]) => ({
          name,
          pattern: param.pattern,
          description: param.description,
          default: param.default ?? null,
        })),
      }));
    // Those the session may list: none when its creator could not list the user's accounts (it still links).
    const accounts = await vault.listAccounts(session.env, session.userId, sessionCaller(session, c.get('requestId')));
    c.header('cache-control', 'no-store');
    return {
      app: branding(options.connectUi?.[session.env]),
      env: session.env,
      expiresAt: new Date(page.expiresAt).toISOString(),
      returnUrl: page.returnUrl,
      openerOrigin: opener,
      providers,
      accounts: accounts
        .filter((a) => providers.some((p) => p.id === a.provider))
        .map((a) => ({ id: a.id, provider: a.provider, displayName: a.displayName, status: a.status })),
    };
  }

  return app;
}

function branding(ui: ConnectUi | undefined) {
  return {
    name: ui?.name ?? null,
    logoUrl: ui?.logoUrl ?? null,
    accentColor: ui?.accentColor ?? null,
    supportUrl: ui?.supportUrl ?? null,
  };
}

function pageHtml(publicUrl: string, ui: UiAssets): string {
  const asset = (name: string) => escapeHtml(`${publicUrl}/ui/assets/${name}`);
  const styles = ui.connect.styles.map((name) => `<link rel="stylesheet" href="${asset(name)}">`).join('');
  const scripts = ui.connect.scripts.map((name) => `<script type="module" src="${asset(name)}"></script>`).join('');
  // An empty icon: without one the browser asks for /favicon.ico, a 404 in the console of every page opened as a tab.
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Connect an account</title>
<link rel="icon" href="data:,">${styles}${scripts}</head><body><div id="root"></div>
<noscript>This page needs JavaScript to connect your account.</noscript></body></html>`;
}

/**
 * No inline script or style at all: scripts and styles only from the vault's own files. Framing only by the apps;
 * no opener policy, so an app that opened the page as a popup keeps its handle on it.
 */
function pageHeaders(options: ServerOptions): Record<string, string> {
  const logos = Object.values(options.connectUi ?? {}).flatMap((ui) =>
    ui.logoUrl ? [new URL(ui.logoUrl).origin] : [],
  );
  const ancestors = options.appOrigins.map((origin) => new URL(origin).origin);
  const csp = [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: ${[...new Set(logos)].join(' ')}`.trim(),
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    `frame-ancestors ${ancestors.length > 0 ? ancestors.join(' ') : "'none'"}`,
  ].join('; ');
  return {
    'content-type': 'text/html; charset=utf-8',
    'content-security-policy': csp,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'cache-control': 'no-store',
  };
}
