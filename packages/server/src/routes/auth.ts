import {
  authorizeScopes,
  type BrowserSession,
  type CompletedConnect,
  decodeState,
  FLOW_TTL_SECONDS,
  mergeScopes,
  parseScopes,
  type SessionRow,
  sessionCaller,
  VaultError,
} from '@tokenvault/core';
import { type Context, Hono } from 'hono';
import { connectOutcome, isConnectPage } from '../connect-page-options.js';
import type { ServerEnv, ServerOptions } from '../context.js';
import { type Cookies, handleCookie, nonceCookie } from '../cookies.js';
import { describeCause, errorBody, errorStatus, toVaultError } from '../errors.js';
import type { OriginCheck } from '../origins.js';
import { webMessagePage } from '../web-message-page.js';
import { requireXhr } from '../xhr.js';

/** The Backstage-compatible connect flow (docs/api.md, "Browser connect flow"), mounted at `/api/auth`. */
export function authRoutes(options: ServerOptions, cookies: Cookies, origins: OriginCheck, sessionTtl: number) {
  const { vault } = options;
  const app = new Hono<ServerEnv>();

  /** The `env` query parameter, naming an environment where `provider` is configured. */
  function requireEnv(c: Context<ServerEnv>, provider: string): string {
    const env = c.req.query('env');
    if (!env) throw new VaultError('invalid_request', "Must specify 'env' query to select environment");
    vault.providers.get(env, provider);
    return env;
  }

  app.get('/:provider/start', async (c) => {
    const provider = c.req.param('provider');
    const env = requireEnv(c, provider);
    const origin = origins.require(c.req.query('origin'), 'origin');
    // A provider's per-account values (a Shopify shop…) come as query parameters named after its `params`.
    const params = Object.fromEntries(
      Object.keys(vault.providers.get(env, provider).spec.params).map((name) => [name, c.req.query(name)]),
    );
    const flow = c.req.query('flow') ?? 'popup';
    if (flow !== 'popup' && flow !== 'redirect') throw new VaultError('invalid_request', 'flow is popup or redirect');
    const rawRedirect = c.req.query('redirectUrl');
    const redirectUrl =
      flow === 'redirect' || rawRedirect !== undefined ? origins.requireUrl(rawRedirect, 'redirectUrl') : undefined;

    const { userId, limits, heldScopes } = await currentUser(c, env, provider);
    const scopes = parseScopes(c.req.query('scope'));
    // A browser bound by a connect session links only what that session names.
    if (limits?.provider && limits.provider !== provider) {
      throw new VaultError('forbidden', `this browser's connect session is for ${limits.provider}, not ${provider}`);
    }
    const allowed = limits?.connectPage?.allowedProviders;
    if (allowed && !allowed.includes(provider)) {
      throw new VaultError('forbidden', `this browser's connect session does not offer ${provider}`);
    }
    authorizeScopes(sessionCaller({ env, userId: userId ?? '', limits }), scopes);
    const started = await vault.startConnect({
      env,
      provider,
      scopes,
      heldScopes,
      params,
      origin,
      mode: flow,
      ...(redirectUrl !== undefined && { redirectUrl }),
      userId,
    });
    cookies.setNonce(c, provider, started.nonce, FLOW_TTL_SECONDS);
    return c.redirect(started.authorizationUrl, 302);
  });

  app.on(['GET', 'POST'], '/:provider/handler/frame', async (c) => {
    const provider = c.req.param('provider');
    const params = await callbackParams(c);
    const claimed = claimedState(params.get('state'));
    let result: CompletedConnect;
    try {
      // Before anything is linked: the app origin may have left appOrigins since the flow started.
      if (claimed?.origin !== undefined) origins.require(claimed.origin, 'origin');
      result = await vault.completeConnect({
        provider,
        params,
        nonceCookie: cookies.get(c, nonceCookie(provider)),
        checkDestination: (flow) => destination(flow.origin, flow.redirectUrl ?? undefined),
      });
    } catch (caught) {
      const err = toVaultError(caught);
      const fields = { requestId: c.get('requestId'), provider, errorCode: err.code };
      if (errorStatus(err) >= 500) options.logger?.error({ ...fields, cause: describeCause(err.cause) }, err.message);
      else options.logger?.warn(fields, err.message);
      const body = errorBody(err, c.get('requestId'));
      // Where the result would go is unknown or not allowed: a plain error, no script: an error page must not post to an origin nobody allowed.
      if (!origins.isAllowed(claimed?.origin)) return c.json(body, errorStatus(err) as 400);
      if (claimed?.flow === 'redirect' && claimed.redirectUrl && origins.isAllowed(originOf(claimed.redirectUrl))) {
        const target = new URL(claimed.redirectUrl);
        target.searchParams.set('error', body.message);
        // The hosted connect page also gets the outcome as a code, to pick its screen.
        if (isConnectPage(vault.publicUrl, target.href))
          target.searchParams.set('code', connectOutcome(err.code, body.message));
        return c.redirect(target.href, 302);
      }
      const page = await webMessagePage(claimed?.origin as string, {
        type: 'authorization_response',
        error: { name: err.code, message: body.message },
      });
      return c.html(page.html, 200, page.headers);
    }

    await attachBrowser(c, result);
    cookies.clearNonce(c, provider);
    // Checked before linking; re-serialized so a flow stored by an older version cannot break the header.
    if (result.mode === 'redirect' && result.redirectUrl) {
      const target = new URL(result.redirectUrl);
      // The hosted connect page names the account it has just linked; other redirect targets get Backstage's bare URL.
      if (isConnectPage(vault.publicUrl, target.href)) target.searchParams.set('connected', result.account.id);
      return c.redirect(target.href, 302);
    }
    const page = await webMessagePage(result.origin, {
      type: 'authorization_response',
      response: {
        profile: result.profile,
        // Not Backstage's (its client ignores it): which connected account this is, for the vault's SDKs.
        accountId: result.account.id,
        providerInfo: {
          accessToken: result.accessToken,
          ...(result.idToken && { idToken: result.idToken }),
          scope: result.account.scopes.join(' '),
          ...(result.expiresInSeconds !== undefined && { expiresInSeconds: result.expiresInSeconds }),
        },
      },
    });
    return c.html(page.html, 200, page.headers);
  });

  // The page of an app with its own login hands over the token its backend got from POST /v1/connect-sessions;
  // the browser then has a vault session for that user, and the accounts it links attach to them. Only script on
  // an app origin can do this (X-Requested-With, Origin): a link or a form from elsewhere cannot plant another
  // user's session in a victim's browser.
  app.post('/connect-session', async (c) => {
    requireXhr(c);
    origins.require(c.req.header('origin'), 'Origin');
    const body = await c.req.json().catch(() => undefined);
    const token = (body as { token?: unknown } | undefined)?.token;
    if (typeof token !== 'string') throw new VaultError('invalid_request', 'send {"token": "<connect-session token>"}');
    const bound = await vault.connectSessions.redeem(token);
    // The browser is this user's now. (Handles of another user, which this path does not receive, are refused by
    // /refresh from now on, since they no longer match the session.)
    const previous = cookies.getSession(c);
    if (previous) await vault.sessions.delete(previous);
    const limits = bound.limits;
    cookies.setSession(
      c,
      await vault.sessions.create({ env: bound.env, userId: bound.userId, limits, ttlSeconds: sessionTtl }),
    );
    const { env, userId, provider, scopes, actions } = bound;
    return c.json({ env, userId, provider, scopes, actions });
  });

  // The Backstage client's silent sign-in and refresh. Any failure to produce a token holding every requested
  // scope is a 401, so the client falls back to the popup; the body names why. A transient provider failure stays
  // a 503: a new login would not help.
  app.on(['GET', 'POST'], '/:provider/refresh', async (c) => {
    requireXhr(c);
    const provider = c.req.param('provider');
    const env = requireEnv(c, provider);
    const requested = parseScopes(c.req.query('scope'));
    const handle = await vault.sessions.resolve(cookies.get(c, handleCookie(provider)));
    const signedIn = await vault.sessions.resolve(cookies.getSession(c));
    let session: BrowserSession;
    try {
      if (!handle?.accountId || handle.env !== env) {
        throw new VaultError('unauthorized', `no ${provider} session in this browser; sign in first`);
      }
      // A handle left from another user (the app signed this browser in as someone else since) is dropped.
      if (signedIn && signedIn.env === env && signedIn.userId !== handle.userId) {
        await vault.sessions.delete(cookies.get(c, handleCookie(provider)) as string);
        cookies.clearHandle(c, provider);
        throw new VaultError('unauthorized', `this browser's ${provider} session belongs to another user; sign in`);
      }
      session = await vault.browserSession(
        { env, userId: handle.userId, accountId: handle.accountId, scopes: requested },
        sessionCaller(handle, c.get('requestId')),
      );
    } catch (caught) {
      const err = toVaultError(caught);
      if (errorStatus(err) >= 500) throw err; // a new login cures neither a provider outage nor a vault failure
      return c.json(errorBody(err, c.get('requestId')), 401);
    }
    c.header('cache-control', 'no-store');
    return c.json({
      profile: session.profile,
      accountId: session.accountId,
      providerInfo: {
        accessToken: session.accessToken,
        ...(session.idToken && { idToken: session.idToken }),
        // In the client's spelling first, then whatever else the account holds: a client that forgot what it
        // held is made whole.
        scope: mergeScopes(requested, session.scopes).join(' '),
        ...(session.expiresInSeconds !== undefined && { expiresInSeconds: session.expiresInSeconds }),
      },
    });
  });

  // Signs this browser out of the provider: its handle and the session go, the connected account stays (backends
  // keep reading it). The Origin header, when sent, must be an app origin.
  app.post('/:provider/logout', async (c) => {
    requireXhr(c);
    const provider = c.req.param('provider');
    requireEnv(c, provider);
    const origin = c.req.header('origin');
    if (origin !== undefined) origins.require(origin, 'Origin');
    for (const handle of [cookies.get(c, handleCookie(provider)), cookies.getSession(c)]) {
      if (handle) await vault.sessions.delete(handle);
    }
    cookies.clearHandle(c, provider);
    cookies.clearSession(c);
    return c.body(null, 200);
  });

  /** A flow's result goes only to allowed app origins: its origin and, for a redirect flow, its redirect URL. */
  function destination(origin: string, redirectUrl: string | undefined): void {
    origins.require(origin, 'origin');
    if (redirectUrl !== undefined) origins.requireUrl(redirectUrl, 'redirectUrl');
  }

  /**
   * The session's user, or the user the provider handle names, with that session's limits; and the scopes the
   * handle's account already holds.
   */
  async function currentUser(c: Context<ServerEnv>, env: string, provider: string) {
    const session = await vault.sessions.resolve(cookies.getSession(c));
    const handle = await vault.sessions.resolve(cookies.get(c, handleCookie(provider)));
    const bound: SessionRow | undefined = session?.env === env ? session : handle?.env === env ? handle : undefined;
    const userId = bound?.userId ?? null;
    const limits = bound?.limits ?? null;
    if (!handle?.accountId || handle.env !== env || handle.userId !== userId) return { userId, limits, heldScopes: [] };
    const caller = sessionCaller(handle, c.get('requestId'));
    const held = await vault.getAccount(env, handle.userId, handle.accountId, caller).catch((err: unknown) => {
      // Unlinked since, or out of this session's limits: the flow starts without held scopes.
      if (err instanceof VaultError && (err.code === 'not_found' || err.code === 'forbidden')) return undefined;
      throw err;
    });
    return { userId, limits, heldScopes: held?.scopes ?? [] };
  }

  /**
   * Signs the browser in as the flow's user and names the linked account in the provider's handle cookie. The
   * handle carries the session's limits: a browser bound by a connect session stays within them.
   */
  async function attachBrowser(c: Context<ServerEnv>, result: CompletedConnect) {
    const provider = result.account.provider;
    const session = await vault.sessions.resolve(cookies.getSession(c));
    const previous = cookies.get(c, handleCookie(provider));
    const previousHandle = await vault.sessions.resolve(previous);
    // The flow's user came from the session, else from the handle (currentUser): so do its limits.
    const isUser = (row: SessionRow | undefined) => row?.env === result.env && row.userId === result.userId;
    const limits = isUser(session) ? session?.limits : isUser(previousHandle) ? previousHandle?.limits : null;
    const user = { env: result.env, userId: result.userId, limits: limits ?? null, ttlSeconds: sessionTtl };
    if (!isUser(session)) cookies.setSession(c, await vault.sessions.create(user));
    if (previous) await vault.sessions.delete(previous);
    const handle = await vault.sessions.create({ ...user, accountId: result.account.id });
    cookies.setHandle(c, provider, handle, result.origin);
  }

  return app;
}

/** Providers answer with a query, or a form body (`response_mode=form_post`). */
async function callbackParams(c: Context<ServerEnv>): Promise<URLSearchParams> {
  const params = new URL(c.req.url).searchParams;
  if (c.req.method === 'POST') {
    const form = await c.req.parseBody().catch((cause: unknown) => {
      throw new VaultError('invalid_request', 'the callback body is not a form', { cause });
    });
    for (const [name, value] of Object.entries(form)) {
      if (typeof value === 'string' && !params.has(name)) params.set(name, value);
    }
  }
  return params;
}

/** The state as the callback claims it: used only to decide where an error may be shown. */
function claimedState(value: string | null) {
  try {
    return decodeState(value);
  } catch {
    return undefined; // not decodable: the error is answered without a page
  }
}

function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}
