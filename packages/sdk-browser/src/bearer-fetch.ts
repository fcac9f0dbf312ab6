import { VaultAuthError } from './errors.js';

/**
 * `http` with the app's user JWT as `Authorization: Bearer` on every request and no cookies: the vault then knows
 * the user from the token alone, so a stale session cookie of another user cannot mix in.
 */
export function bearerFetch(http: typeof fetch, getToken: () => string | Promise<string>): typeof fetch {
  return async (input, init = {}) => {
    let token: string;
    try {
      token = await getToken();
    } catch (cause) {
      throw new VaultAuthError('no_session', 'getToken() failed', { cause });
    }
    if (typeof token !== 'string' || token === '') throw new VaultAuthError('no_session', 'getToken() gave no token');
    const headers = new Headers(init.headers);
    headers.set('authorization', `Bearer ${token}`);
    return http(input, { ...init, headers, credentials: 'omit' });
  };
}
