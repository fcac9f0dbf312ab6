import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const SESSION_COOKIE = 'tokenvault_session';
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
  const sameSite = (appOrigin: string | undefined) =>
    secure && appOrigin !== undefined && new URL(appOrigin).hostname !== base.hostname ? 'None' : 'Lax';

  return {
    get: (c: Context, name: string) => getCookie(c, name),
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
    setSession(c: Context, handle: string) {
      setCookie(c, SESSION_COOKIE, handle, {
        path: `${prefix}/`,
        httpOnly: true,
        secure,
        sameSite: 'Lax',
        maxAge: sessionTtlSeconds,
      });
    },
    clearSession(c: Context) {
      deleteCookie(c, SESSION_COOKIE, { path: `${prefix}/`, httpOnly: true, secure });
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
