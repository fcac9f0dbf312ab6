import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * FreshBooks (invoicing and accounting): authorization code grant; the user authorizes with the identity that may
 * belong to several businesses, so the token is the user's and API calls name the account or business in the path.
 * Access tokens expire and come with a refresh token.
 */
export const freshbooks = {
  id: 'freshbooks',
  displayName: 'FreshBooks',
  type: 'oauth2',
  category: 'accounting',
  // (read 2026-12-03)
  docs: 'https://www.freshbooks.com/api/start',
  setup:
    'Create an app at https://my.freshbooks.com/#/developer with the redirect URI `{publicUrl}/api/auth/freshbooks/handler/frame` and the scopes your app calls (plus `user:profile:read`).',
  authorizeUri: 'https://my.freshbooks.com/service/auth/oauth/authorize',
  tokenUri: 'https://api.freshbooks.com/auth/oauth/token',
  // user:profile:read lets /users/me identify the user.
  scopes: { default: ['user:profile:read'], required: ['user:profile:read'], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /auth/api/v1/users/me answers `{response: {id, email, business_memberships, …}}`.
  account: {
    userInfoUri: 'https://api.freshbooks.com/auth/api/v1/users/me',
    idPath: 'response.id',
    displayNamePath: 'response.email',
  },
  // The provider's API for the proxy: https://www.freshbooks.com/api/start (accounting calls name the account:
  // `/accounting/account/{accountId}/…`).
  api: { baseUrl: 'https://api.freshbooks.com' },
} satisfies Partial<ProviderSpecInput>;
