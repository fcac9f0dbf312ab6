import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Yandex ID (Yandex OAuth): authorization code grant at oauth.yandex.com, PKCE accepted. The permissions are chosen
 * when the app is registered (`scope` may only narrow them). A refresh answers a new refresh token, and may hand back
 * the same access token while it has long to live. Yandex APIs take the token after the `OAuth` scheme, not
 * `Bearer`: `Authorization: OAuth <token>`, the userinfo call included. Each Yandex service has its own API host, so
 * the preset names none: a configuration sets `api` for the one it calls.
 */
export const yandex = {
  id: 'yandex',
  displayName: 'Yandex',
  type: 'oauth2',
  category: 'identity',
  // "Getting a confirmation code from a URL" (read 2026-12-03); refreshes:
  // https://yandex.com/dev/id/doc/en/tokens/refresh-client
  docs: 'https://yandex.com/dev/id/doc/en/codes/code-url',
  setup:
    'Register an app at https://oauth.yandex.com with the "Web services" platform, the Redirect URI `{publicUrl}/api/auth/yandex/handler/frame` and the permissions it needs (Yandex ID API: access to login, name and email). To call a Yandex API through the proxy, set `api.baseUrl` to its host and `api.auth` to `{type: header, name: Authorization, prefix: "OAuth "}`.',
  authorizeUri: 'https://oauth.yandex.com/authorize',
  // POST /token with the client in HTTP Basic (or in the body), for codes and refresh tokens alike.
  tokenUri: 'https://oauth.yandex.com/token',
  // The registration decides the permissions; none asked for means all of them.
  scopes: { default: [], required: [], separator: ' ' },
  // "Yandex OAuth returns a token and a new refresh token in the response body."
  rotatesRefreshTokens: true,
  // "Exchanging the token for information about the user" (read 2026-12-03):
  // https://yandex.com/dev/id/doc/en/user-information: `GET https://login.yandex.ru/info?format=json` with
  // `Authorization: OAuth <OAuth token>`; the answer names the account by `id` and `login`.
  account: {
    userInfoUri: 'https://login.yandex.ru/info?format=json',
    tokenScheme: 'OAuth',
    idPath: 'id',
    displayNamePath: 'login',
  },
} satisfies Partial<ProviderSpecInput>;
