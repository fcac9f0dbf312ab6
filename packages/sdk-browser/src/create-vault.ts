import { createAuthSession } from './auth-session.js';
import { bearerFetch } from './bearer-fetch.js';
import { createConnectedAccounts } from './connected-accounts.js';
import { VaultAuthError } from './errors.js';
import { type LoginTarget, login } from './login.js';
import { unreachable } from './me-protocol.js';
import { authUrl, postConnectSession, requestLogout, requestRefresh } from './protocol.js';
import { isRecord } from './session.js';
import type { AuthOptions, AuthRequestOptions, Vault, VaultAuth, VaultOptions } from './types.js';

/** The vault as the browser sees it: one `auth(provider)` per provider, and the session user's connected accounts. */
export function createVault(options: VaultOptions): Vault {
  const env = options.env ?? 'development';
  const baseUrl = options.baseUrl.replace(/\/+$/, '');
  const vaultOrigin = new URL(baseUrl).origin;
  // Called through a closure: the global fetch throws "Illegal invocation" when detached from window.
  const http: typeof fetch = options.fetch ?? ((input, init) => fetch(input, init));

  const target = (provider: string, flow: AuthOptions['flow'], onAuthRequest?: AuthOptions['onAuthRequest']) => {
    const providerBase = `${baseUrl}/api/auth/${encodeURIComponent(provider)}`;
    return { providerBase, provider, env, vaultOrigin, flow: flow ?? 'popup', onAuthRequest } satisfies LoginTarget;
  };
  // Linking is the very login of auth(provider), with no app prompt: its caller is the prompt.
  const meHttp = options.getToken ? bearerFetch(http, options.getToken) : http;
  const accounts = createConnectedAccounts(meHttp, baseUrl, (provider, scopes, flow) =>
    login(target(provider, flow), scopes, true),
  );
  /** Runs `effect` after `promise` fulfils, keeping its value. */
  const then = <T>(promise: Promise<T>, effect: () => Promise<void>) =>
    promise.then(async (value) => {
      await effect();
      return value;
    });

  return {
    ...accounts,

    /**
     * Binds this browser to the app's user with a token the app's backend got from `POST /v1/connect-sessions`:
     * the accounts it links from then on are that user's. Single-use.
     */
    redeemConnectSession: (token: string) =>
      then(postConnectSession(http, `${baseUrl}/api/auth/connect-session`, token), accounts.invalidate),

    async createConnectSession(sessionOptions = {}) {
      if (!options.getToken) throw new VaultAuthError('no_session', 'createConnectSession() needs getToken');
      const response = await meHttp(`${baseUrl}/v1/me/connect-sessions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(sessionOptions),
      }).catch(unreachable);
      const body: unknown = await response.json().catch(() => undefined);
      if (
        response.status === 201 &&
        isRecord(body) &&
        typeof body.token === 'string' &&
        typeof body.connectUrl === 'string'
      ) {
        return { token: body.token, connectUrl: body.connectUrl };
      }
      const message = isRecord(body) && typeof body.message === 'string' ? body.message : response.statusText;
      const code = response.status === 401 ? 'no_session' : 'request_failed';
      throw new VaultAuthError(code, `creating a connect session answered ${response.status}: ${message}`);
    },

    /** Backstage's OAuthApi for `provider`. Each call makes its own in-memory session; keep and share the result. */
    auth(provider: string, authOptions: AuthOptions = {}): VaultAuth {
      const loginTarget = target(provider, authOptions.flow, authOptions.onAuthRequest);
      const { providerBase } = loginTarget;
      const sessions = createAuthSession({
        defaultScopes: authOptions.defaultScopes ?? [],
        refresh: (scopes) =>
          requestRefresh(
            http,
            authUrl(providerBase, 'refresh', { optional: true, scope: scopes.join(' '), env }),
            Date.now,
          ),
        // A login links an account, a logout may end the session: the accounts list changes with both.
        login: (scopes, instant) => then(login(loginTarget, scopes, instant), accounts.invalidate),
        logout: () => then(requestLogout(http, authUrl(providerBase, 'logout', { env })), accounts.invalidate),
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
