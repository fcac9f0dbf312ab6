import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Vimeo API: authorization code at api.vimeo.com/oauth/authorize, code exchange at api.vimeo.com/oauth/access_token.
 * Tokens do not expire and come without a refresh token; they last until revoked (`DELETE /tokens`). Scopes are
 * space-separated and default to `public private`; `/me` names the user.
 */
export const vimeo = {
  id: 'vimeo',
  displayName: 'Vimeo',
  type: 'oauth2',
  category: 'social',
  logo: 'vimeo',
  // "Authentication": (read 2026-12-03)
  docs: 'https://developer.vimeo.com/api/authentication',
  setup:
    "Create an app at developer.vimeo.com/apps and add `{publicUrl}/api/auth/vimeo/handler/frame` to its callback URLs; the app's client identifier and secret are the client id and secret.",
  authorizeUri: 'https://api.vimeo.com/oauth/authorize',
  tokenUri: 'https://api.vimeo.com/oauth/access_token',
  scopes: { default: ['public', 'private'], required: [], separator: ' ' },
  // Vimeo authenticates the token request with the client id and secret in HTTP Basic.
  clientAuthLocation: 'headers',
  noRefreshToken: true,
  // `Authorization: bearer <TOKEN>` against https://api.vimeo.com/me (vimeoapi.tumblr.com/post/79372096771).
  account: { userInfoUri: 'https://api.vimeo.com/me', idPath: 'uri', displayNamePath: 'name' },
  api: { baseUrl: 'https://api.vimeo.com' },
} satisfies Partial<ProviderSpecInput>;
