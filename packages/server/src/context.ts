import type { Action, Caller, OperatorSession, Principal, Upstream, Vault } from '@tokenvault/core';
import type { ConnectUi, UiAssets } from './connect-page-options.js';
import type { DashboardOptions } from './dashboard-options.js';
import type { Logger } from './logger.js';
import type { RateLimit } from './rate-limit.js';
import type { DevHome } from './routes/dev-home.js';

export interface ServerOptions {
  vault: Vault;
  /** Exact origins (scheme://host:port) of the apps allowed to start flows and receive their results. */
  appOrigins: readonly string[];
  logger?: Logger;
  /** Lifetime of browser sessions and per-provider handles; default 30 days. */
  sessionTtlSeconds?: number;
  /** Per-client limit on the public browser routes (`/api/auth/*`); none when left out. */
  rateLimit?: RateLimit;
  /** When set, `/metrics` needs `Authorization: Bearer <metricsToken>`; open otherwise. */
  metricsToken?: string;
  /** How proxied calls reach provider APIs; default undici (`proxy/undici-upstream.ts`). */
  upstream?: Upstream;
  /** Renders the dev-mode home page at `/`. */
  devHome?: DevHome;
  /** The built browser apps; the hosted connect page (`/connect`) is served when they are given. */
  ui?: UiAssets;
  /** Per environment: the app's name, logo, accent colour and support link on the connect page. */
  connectUi?: Readonly<Record<string, ConnectUi>>;
  /** The operator dashboard's sign-in and roles; without it `/v1/admin` takes service clients only. */
  dashboard?: DashboardOptions;
}

export interface ServerEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    caller: Caller;
    /** Whose accounts the account routes act on: the path's `{userId}`, or the browser session's user. */
    user: { env: string; userId: string };
    /** The environment a `/v1/admin` call acts in: the service client key's, or the one the operator named. */
    env: string;
    /** Whether the admin caller may do `action` anywhere in `env`: one that may nowhere is refused up front. */
    mayAnywhere: (action: Action) => boolean;
    /** The signed-in operator, on `/v1/admin` calls made with the dashboard's cookie. */
    operator: OperatorSession;
  };
}
