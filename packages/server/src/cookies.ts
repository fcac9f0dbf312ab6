import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

/**
 * The vault's own session cookie. Over https at the root it is `__Host-` (Secure, Path=/, no Domain: neither a
 * sibling subdomain nor plain http can plant or shadow it); under a path prefix `__Host-` would need Path=/, which
 * would send it to every app on the host, so it is `__Secure-` scoped to the prefix; over http (dev) it has no prefix.
 */
export function sessionCookieName(publicUrl: string): string {
  const url = new URL(publicUrl);
  if (url.protocol !== 'https:') return 'tokenvault_session';
  return url.pathname.replace(/\/+$/, '') === '' ? '__Host-tokenvault_session' : '__Secure-tokenvault_session';
}
// Backstage's own names: its client and its backend read them, so they take no prefix.
export const nonceCookie = (provider: string) => `${provider}-nonce`;
export const handleCookie = (provider: string) => `${provider}-refresh-token`;

/**
 * Cookie attributes as Backstage derives them from the callback URL: HttpOnly, no Domain, Secure over
 * https, SameSite=Lax unless the app is on another host and the vault on https (then None, which needs Secure).
 */
export function createCookies(publicUrl: string, sessionTtlSeconds: number) {
  const base = new URL(publicUrl);
  const secure = base.protocol === 'https:';
  const prefix = base.pathname.replace(/\/+$/, '');
  const authPath = (provider: string) => `${prefix}/api/auth/${encodeURIComponent(provider)}`;
  const session = sessionCookieName(publicUrl);
  const sameSite = (appOrigin: string | undefined) =>
    secure && appOrigin !== undefined && new URL(appOrigin).hostname !== base.hostname ? 'None' : 'Lax';

  return {
    get: (c: Context, name: string) => getCookie(c, name),
    getSession: (c: Context) => getCookie(c, session),
    setNonce(c: Context, provider: string, value: string, maxAgeSeconds: number) {
      setCookie(c, nonceCookie(provider), value, {
        path: `${authPath(provider)}/handler`,
        httpOnly: true,
        secure,
        sameSite: 'Lax',
        maxAge: maxAgeSeconds,
      });
    },
    clearNonce(c: Context, provider: string) {
      deleteCookie(c, nonceCookie(provider), { path: `${authPath(provider)}/handler`, httpOnly: true, secure });
    },
    setSession(c: Context, handle: string, maxAgeSeconds = sessionTtlSeconds) {
      setCookie(c, session, handle, {
        path: `${prefix}/`,
        httpOnly: true,
        secure,
        sameSite: 'Lax',
        maxAge: maxAgeSeconds,
      });
    },
    clearSession(c: Context) {
      deleteCookie(c, session, { path: `${prefix}/`, httpOnly: true, secure });
    },
    clearHandle(c: Context, provider: string) {
      deleteCookie(c, handleCookie(provider), { path: authPath(provider), httpOnly: true, secure });
    },
    setHandle(c: Context, provider: string, handle: string, appOrigin: string) {
      setCookie(c, handleCookie(provider), handle, {
        path: authPath(provider),
        httpOnly: true,
        secure,
        sameSite: sameSite(appOrigin),
        maxAge: sessionTtlSeconds,
      });
    },
  };
}

export type Cookies = ReturnType<typeof createCookies>;
