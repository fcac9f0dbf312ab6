import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { serviceClientAuth, sessionAuth } from './account-auth.js';
import { limitBody } from './body-limit.js';
import type { ServerEnv, ServerOptions } from './context.js';
import { createCookies } from './cookies.js';
import { errorAnswer } from './errors.js';
import { createOriginCheck } from './origins.js';
import { undiciUpstream } from './proxy/undici-upstream.js';
import { rateLimit } from './rate-limit.js';
import { requestLog } from './request-log.js';
import { accountRoutes } from './routes/accounts.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { authressRoutes } from './routes/authress.js';
import { connectPageRoutes } from './routes/connect-page.js';
import { connectSessionRoutes, myConnectSessionRoutes } from './routes/connect-sessions.js';
import { dashboardRoutes } from './routes/dashboard.js';
import { devHomeRoutes } from './routes/dev-home.js';
import { healthRoutes } from './routes/health.js';
import { oauthRoutes } from './routes/oauth.js';
import { openApiRoutes } from './routes/openapi.js';
import { PROXY_PATH, proxyCors, proxyRoutes } from './routes/proxy.js';

const DEFAULT_SESSION_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Every body the API takes (JSON options, a grant list, a form-posted callback) fits in a few kilobytes. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The vault's HTTP API as a web-standard `fetch` handler. */
export function createApp(options: ServerOptions) {
  const sessionTtl = options.sessionTtlSeconds ?? DEFAULT_SESSION_TTL_SECONDS;
  const cookies = createCookies(options.vault.publicUrl, sessionTtl);
  const app = new Hono<ServerEnv>();

  app.use('*', requestLog(options.logger));
  // Refused before anything reads it, so a large or endless body costs neither memory nor a database call. Proxied
  // calls stream their bodies to the provider instead (docs/proxy.md).
  const bodyLimit = limitBody(MAX_BODY_BYTES);
  app.use('*', (c, next) => (PROXY_PATH.test(c.req.path) ? next() : bodyLimit(c, next)));
  app.route('/', healthRoutes(options.vault, options.metricsToken, options.logger));
  app.route('/', openApiRoutes(options.vault, options.devHome !== undefined));
  // The app's pages call /refresh, /logout and /v1/me with credentials, from their own origins only (docs/backstage.md).
  const appCors = cors({
    origin: options.appOrigins.map((origin) => new URL(origin).origin),
    credentials: true,
    allowMethods: ['GET', 'POST', 'DELETE'],
    // authorization: an app that signs its users in with a trusted issuer sends their JWT instead of the cookie.
    allowHeaders: ['x-requested-with', 'content-type', 'authorization'],
    maxAge: 600,
  });
  app.use('/api/auth/*', appCors);
  if (options.rateLimit) app.use('/api/auth/*', rateLimit(options.rateLimit));
  // Before the /v1/me CORS: a proxied call may use any method and send any header.
  app.use('/v1/me/connected-accounts/:accountId/proxy/*', proxyCors(options.appOrigins));
  app.use('/v1/me/providers/:provider/proxy/*', proxyCors(options.appOrigins));
  app.use('/v1/me/*', appCors);
  // The connect page runs flows from the vault's own origin, so its results may come back there too.
  const flowOrigins = options.ui
    ? [...options.appOrigins, new URL(options.vault.publicUrl).origin]
    : options.appOrigins;
  app.route('/api/auth', authRoutes(options, cookies, createOriginCheck(flowOrigins), sessionTtl));
  // One set of account routes behind each authenticator; the proxy's first, so a proxied call is authenticated
  // once, by its own route.
  const upstream = options.upstream ?? undiciUpstream();
  const asClient = serviceClientAuth(options.vault);
  const asSession = sessionAuth(options.vault, cookies);
  app.route('/v1/users/:userId', proxyRoutes(options, upstream, asClient, false));
  app.route('/v1/me', proxyRoutes(options, upstream, asSession, true));
  app.route('/v1/users/:userId', accountRoutes(options, asClient));
  app.route('/v1/me', accountRoutes(options, asSession));
  app.route('/v1/connect-sessions', connectSessionRoutes(options));
  app.route('/v1/me/connect-sessions', myConnectSessionRoutes(options, asSession));
  app.route('/v1/admin', adminRoutes(options));
  app.route('/v1', authressRoutes(options));
  app.route('/', oauthRoutes(options.vault));
  if (options.ui) app.route('/', connectPageRoutes(options, cookies, options.ui));
  if (options.ui && options.dashboard) app.route('/', dashboardRoutes(options, options.dashboard, options.ui));
  if (options.devHome) app.route('/', devHomeRoutes(options.vault, cookies, options.devHome));

  app.notFound((c) => c.json({ error: 'not_found', message: `no route for ${c.req.method} ${c.req.path}` }, 404));
  app.onError((caught, c) => {
    const { status, body, retryAfter } = errorAnswer(caught, c.get('requestId'), options.logger);
    if (retryAfter !== undefined) c.header('retry-after', String(retryAfter));
    return c.json(body, status as 500);
  });
  return app;
}
