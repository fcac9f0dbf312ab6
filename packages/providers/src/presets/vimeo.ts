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
  // "Authentication" (scopes such as public and private), the page Vimeo's own SDKs link (read 2026-12-03)
  docs: 'https://developer.vimeo.com/api/authentication',
  setup:
    "Create an app at developer.vimeo.com/apps and add `{publicUrl}/api/auth/vimeo/handler/frame` to its callback URLs; the app's client identifier and secret are the client id and secret.",
  // Vimeo's official Node SDK: host api.vimeo.com, `/oauth/authorize`, `/oauth/access_token`, HTTP Basic with the
  // client id and secret, scopes joined with spaces and `public` by default (read 2026-12-03):
  // https://github.com/vimeo/vimeo.js/blob/master/lib/vimeo.js
  authorizeUri: 'https://api.vimeo.com/oauth/authorize',
  tokenUri: 'https://api.vimeo.com/oauth/access_token',
  scopes: { default: ['public', 'private'], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  // Vimeo's official SDKs (vimeo.js, vimeo.php, read 2026-12-03) exchange the code once and have no refresh call,
  // and Vimeo's archived "Authentication Extras" reference lists the exchange and `DELETE /tokens` but no refresh
  // grant (https://developer.vimeo.com/api/endpoints/authenticationextras, read 2026-12-03 through an archived copy).
  // The lifetime is not documented: Vimeo's help center says "some workflows generate expiring tokens, while other
  // workflows generate tokens that never expire" without naming them
  // (https://help.vimeo.com/hc/en-us/articles/12427891978641-Authentication-token-safety, read 2026-12-03); an
  // `expires_in`, if Vimeo sends one, is still kept as the token's expiry (this flag only describes the provider).
  noRefreshToken: true,
  // `/me` with `uri` and `name`, the fields the same SDK asks Vimeo for (`fields=uri,name`).
  account: { userInfoUri: 'https://api.vimeo.com/me', idPath: 'uri', displayNamePath: 'name' },
  api: { baseUrl: 'https://api.vimeo.com' },
} satisfies Partial<ProviderSpecInput>;
