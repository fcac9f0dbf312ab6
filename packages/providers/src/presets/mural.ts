import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Mural: authorization code grant (PKCE supported) at app.mural.co. Refreshes go to a Refresh Token URL of their
 * own and answer with a new access token and a new refresh token. `identity:read` lets `/users/me` name the user.
 */
export const mural = {
  id: 'mural',
  displayName: 'Mural',
  type: 'oauth2',
  category: 'data',
  logo: 'mural',
  // "Authentication": Authorization URL, Access Token URL, Refresh Token URL, PKCE (read 2026-12-03)
  docs: 'https://developers.mural.co/public/docs/oauth',
  setup:
    'Register an app under My apps in the Mural developer portal with the redirect URL `{publicUrl}/api/auth/mural/handler/frame` and the scopes your app needs (at least identity:read).',
  authorizeUri: 'https://app.mural.co/api/public/v1/authorization/oauth2/',
  tokenUri: 'https://app.mural.co/api/public/v1/authorization/oauth2/token',
  // The Refresh Token URL, as in Mural's "Basic OAuth Server Setup" (refreshTokenUri, read 2026-12-03):
  // https://developers.mural.co/public/docs/basic-oauth-server-setup
  refreshUri: 'https://app.mural.co/api/public/v1/authorization/oauth2/refresh',
  scopes: { default: ['identity:read'], required: ['identity:read'], separator: ' ' },
  // Mural's own sample server sends the code exchange as a JSON body carrying client_id and client_secret, and the
  // refresh as a JSON body with the client id and secret as HTTP Basic (the body fields commented out): the same code
  // on https://developers.mural.co/public/docs/basic-oauth-server-setup and in
  // https://github.com/muralco/api-oauth (server.js; read 2026-12-03). `both` sends each request what the sample
  // sends, plus the other form of the same credentials.
  clientAuthLocation: 'both',
  tokenRequestFormat: 'json',
  // "The Refresh Token URL responds with a new access token and new refresh token." (the docs page above)
  rotatesRefreshTokens: true,
  // "Get current user", GET /users/me with scope identity:read (read 2026-12-03):
  // https://developers.mural.co/public/reference/getcurrentmember. The answer wraps the user in `value`: Mural's own
  // OAuth sample reads `response.value` for `firstName`, `lastName` and `avatar` after calling this endpoint
  // (https://github.com/muralco/api-oauth, public/index.html, read 2026-12-03), as Mural's list answers put their
  // items in `value` (https://developers.mural.co/public/docs/pagination). The user's `id` inside `value` is not
  // shown by that sample, and the reference's response schema was not readable here: not confirmed from Mural.
  account: {
    userInfoUri: 'https://app.mural.co/api/public/v1/users/me',
    idPath: 'value.id',
    displayNamePath: 'value.firstName',
  },
  // The reference's server, https://app.mural.co/api/public/{version} with version v1 (same page).
  api: { baseUrl: 'https://app.mural.co/api/public' },
} satisfies Partial<ProviderSpecInput>;
