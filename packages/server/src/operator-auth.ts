import {
  type Action,
  allowsSomewhere,
  type OperatorRole,
  operatorCaller,
  operatorMay,
  operatorRoles,
  type Vault,
  VaultError,
} from '@tokenvault/core';
import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { ServerEnv } from './context.js';
import type { DashboardOptions } from './dashboard-options.js';
import { requireServiceClient } from './service-auth.js';

/** Which environment an operator's `/v1/admin` call acts in; optional when the operator has only one. */
export const ENVIRONMENT_HEADER = 'x-tokenvault-environment';
/** A session seen again within this long is not re-sealed: most requests then set no cookie. */
const TOUCH_AFTER_MS = 60_000;

/**
 * The operator's cookie: HttpOnly and SameSite=Strict, so no other site's page makes the browser send it, even on
 * a top-level navigation. `__Host-` over https at the root, as the vault's session cookie (cookies.ts).
 */
export function operatorCookieName(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') return 'tokenvault_operator';
  return url.pathname.replace(/\/+$/, '') === '' ? '__Host-tokenvault_operator' : '__Secure-tokenvault_operator';
}

export function operatorCookies(publicUrl: string) {
  const base = new URL(publicUrl);
  const secure = base.protocol === 'https:';
  const prefix = base.pathname.replace(/\/+$/, '');
  const name = operatorCookieName(publicUrl);
  // The sign-in's own cookie comes back on the provider's redirect, a cross-site navigation: Lax, and only there.
  const loginPath = `${prefix}/dashboard/callback`;
  return {
    get: (c: Context) => getCookie(c, name),
    set: (c: Context, value: string) =>
      setCookie(c, name, value, { path: `${prefix}/`, httpOnly: true, secure, sameSite: 'Strict' }),
    clear: (c: Context) => deleteCookie(c, name, { path: `${prefix}/`, httpOnly: true, secure }),
    getLogin: (c: Context) => getCookie(c, 'tokenvault_operator_login'),
    setLogin: (c: Context, value: string) =>
      setCookie(c, 'tokenvault_operator_login', value, {
        path: loginPath,
        httpOnly: true,
        secure,
        sameSite: 'Lax',
        maxAge: 600,
      }),
    clearLogin: (c: Context) =>
      deleteCookie(c, 'tokenvault_operator_login', { path: loginPath, httpOnly: true, secure }),
  };
}

export type OperatorCookies = ReturnType<typeof operatorCookies>;

/**
 * The same-origin check every change by an operator passes: the browser's Origin header must be the vault's own.
 * A cross-site form or script cannot forge it; SameSite=Strict is the second line.
 */
export function requireSameOrigin(c: Context, publicUrl: string): void {
  if (c.req.method === 'GET' || c.req.method === 'HEAD') return;
  if (c.req.header('origin') !== new URL(publicUrl).origin) {
    throw new VaultError('forbidden', 'an operator change must come from the dashboard itself (Origin mismatch)');
  }
}

/** The signed-in operator and their role in each environment, or undefined without a live session. */
export async function operatorOf(c: Context, vault: Vault, dashboard: DashboardOptions, cookies: OperatorCookies) {
  const session = await dashboard.sessions.open(cookies.get(c));
  if (!session) return undefined;
  if (vault.now() - session.seenAt >= TOUCH_AFTER_MS) cookies.set(c, await dashboard.sessions.touch(session));
  return { session, roles: operatorRoles(dashboard.operators, session.identity) };
}

/**
 * `/v1/admin` for both kinds of caller: a service client's JWT (its key's environment, its grants), or a signed-in
 * operator's cookie (the environment the header names, the role the configuration gives there).
 */
export function adminAuth(vault: Vault, dashboard: DashboardOptions | undefined): MiddlewareHandler<ServerEnv> {
  const client = requireServiceClient(vault);
  const cookies = operatorCookies(vault.publicUrl);
  return createMiddleware<ServerEnv>(async (c, next) => {
    if (c.req.header('authorization') !== undefined || !dashboard || !cookies.get(c)) {
      return client(c, async () => {
        const principal = c.get('principal');
        c.set('env', principal.env);
        c.set('mayAnywhere', (action: Action) => allowsSomewhere(principal, action));
        await next();
      });
    }
    requireSameOrigin(c, vault.publicUrl);
    const operator = await operatorOf(c, vault, dashboard, cookies);
    if (!operator) throw new VaultError('unauthorized', 'the operator session has ended; sign in again');
    // A download link (the audit export) cannot send a header: a GET may name the environment as `?env=`.
    const named = c.req.header(ENVIRONMENT_HEADER) ?? (c.req.method === 'GET' ? c.req.query('env') : undefined);
    const { env, role } = chooseEnvironment(named, operator.roles);
    c.set('env', env);
    c.set('caller', operatorCaller(operator.session.identity, env, role, c.get('requestId')));
    c.set('mayAnywhere', (action: Action) => operatorMay(role, action));
    c.set('operator', operator.session);
    await next();
  });
}

function chooseEnvironment(named: string | undefined, roles: ReadonlyMap<string, OperatorRole>) {
  if (named === undefined) {
    if (roles.size !== 1) {
      throw new VaultError('invalid_request', `name the environment in the ${ENVIRONMENT_HEADER} header`);
    }
    const [env, role] = [...roles][0] as [string, OperatorRole];
    return { env, role };
  }
  const role = roles.get(named);
  if (!role) throw new VaultError('forbidden', `the operator has no role in environment '${named}'`);
  return { env: named, role };
}
