import { createAuthSession } from './auth-session.js';
import { login } from './login.js';
import { authUrl, redeemConnectSession, requestLogout, requestRefresh } from './protocol.js';
import type { AuthOptions, AuthRequestOptions, Vault, VaultAuth, VaultOptions } from './types.js';

/** The vault as the browser sees it: one `auth(provider)` per provider, over its `/api/auth` routes. */
export function createVault(options: VaultOptions): Vault {
  const env = options.env ?? 'development';
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const vaultOrigin = new URL(baseUrl).origin;
  // Called through a closure: the global fetch throws "Illegal invocation" when detached from window.
  const http: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  return {
    /**
     * Binds this browser to the app's user with a token the app's backend got from `POST /v1/connect-sessions`:
     * the accounts it links from then on are that user's. Single-use.
     */
    useConnectSession: (token: string) => redeemConnectSession(http, `${baseUrl}/api/auth/connect-session`, token),

    /** Backstage's OAuthApi for `provider`. Each call makes its own in-memory session; keep and share the result. */
    auth(provider: string, authOptions: AuthOptions = {}): VaultAuth {
      const providerBase = `${baseUrl}/api/auth/${encodeURIComponent(provider)}`;
      const target = {
        providerBase,
        provider,
        env,
        vaultOrigin,
        flow: authOptions.flow ?? 'popup',
        onAuthRequest: authOptions.onAuthRequest,
      };
      const sessions = createAuthSession({
        defaultScopes: authOptions.defaultScopes ?? [],
        refresh: (scopes) =>
          requestRefresh(
            http,
            authUrl(providerBase, 'refresh', { optional: true, scope: scopes.join(' '), env }),
            Date.now,
          ),
        login: (scopes, instant) => login(target, scopes, instant),
        logout: () => requestLogout(http, authUrl(providerBase, 'logout', { env })),
      });
      return {
        async getAccessToken(scope?: string | readonly string[], request: AuthRequestOptions = {}) {
          return (await sessions.get(scope, request))?.accessToken ?? '';
        },
        async getIdToken(request: AuthRequestOptions = {}) {
          return (await sessions.get('openid', request))?.idToken ?? '';
        },
        async getProfile(request: AuthRequestOptions = {}) {
          const session = await sessions.get(undefined, request);
          return session && { ...session.profile };
        },
        async signIn() {
          await sessions.get(undefined, {});
        },
        signOut: () => sessions.signOut(),
      };
    },
  };
}
