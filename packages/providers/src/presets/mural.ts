import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Mural: authorization code grant (PKCE supported) at app.mural.co. Access tokens expire and each refresh answers
 * with a new access token and a new refresh token. `identity:read` lets `/users/me` name the user.
 */
export const mural = {
  id: 'mural',
  displayName: 'Mural',
  type: 'oauth2',
  category: 'data',
  logo: 'mural',
  // "Authentication": (read 2026-12-03)
  docs: 'https://developers.mural.co/public/docs/oauth',
  setup:
    'Register an app under My apps in the Mural developer portal with the redirect URL `{publicUrl}/api/auth/mural/handler/frame` and the scopes your app needs (at least identity:read).',
  authorizeUri: 'https://app.mural.co/api/public/v1/authorization/oauth2/',
  tokenUri: 'https://app.mural.co/api/public/v1/authorization/oauth2/token',
  scopes: { default: ['identity:read'], required: ['identity:read'], separator: ' ' },
  clientAuthLocation: 'body',
  // "The Refresh Token URL responds with a new access token and new refresh token."
  rotatesRefreshTokens: true,
  account: {
    userInfoUri: 'https://app.mural.co/api/public/v1/users/me',
    idPath: 'value.id',
    displayNamePath: 'value.firstName',
  },
  // Public API base: https://app.mural.co/api/public/v1 (developers.mural.co/public/reference).
  api: { baseUrl: 'https://app.mural.co/api/public' },
} satisfies Partial<ProviderSpecInput>;
