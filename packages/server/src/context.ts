import type { Caller, Principal, Upstream, Vault } from '@tokenvault/core';
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
}

export interface ServerEnv {
  Variables: {
    requestId: string;
    principal: Principal;
    caller: Caller;
    /** The browser session's user, on `/v1/me`. */
    user: { env: string; userId: string };
  };
}
