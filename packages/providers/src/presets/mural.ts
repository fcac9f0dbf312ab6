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
  // Not confirmed from Mural's documentation (the parts read do not say): client_id and client_secret as form
  // fields, as in copies of Mural's sample server for the code exchange (its refresh example uses HTTP Basic).
  clientAuthLocation: 'body',
  // "The Refresh Token URL responds with a new access token and new refresh token." (the docs page above)
  rotatesRefreshTokens: true,
  // "Get current user", GET /users/me with scope identity:read (read 2026-12-03):
  // https://developers.mural.co/public/reference/getcurrentmember. The `value` envelope (`value.id`,
  // `value.firstName`) is not confirmed from Mural's documentation: from code that calls this endpoint.
  account: {
    userInfoUri: 'https://app.mural.co/api/public/v1/users/me',
    idPath: 'value.id',
    displayNamePath: 'value.firstName',
  },
  // The reference's server, https://app.mural.co/api/public/{version} with version v1 (same page).
  api: { baseUrl: 'https://app.mural.co/api/public' },
} satisfies Partial<ProviderSpecInput>;
