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
  docs: 'https://www.freshbooks.com/api/authentication',
  setup:
    'Create an app at https://my.freshbooks.com/#/developer with the redirect URI `{publicUrl}/api/auth/freshbooks/handler/frame` and the scopes your app calls (plus `user:profile:read`).',
  // The authorization URL (auth.freshbooks.com) and the token request with client_id and client_secret as
  // parameters: https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api (read 2026-12-03); the
  // official SDK joins scopes with spaces (https://github.com/freshbooks/freshbooks-python-sdk, freshbooks/client.py).
  authorizeUri: 'https://auth.freshbooks.com/oauth/authorize',
  tokenUri: 'https://api.freshbooks.com/auth/oauth/token',
  // user:profile:read lets /users/me identify the user (https://www.freshbooks.com/api/identity_model, read 2026-12-03).
  scopes: { default: ['user:profile:read'], required: ['user:profile:read'], separator: ' ' },
  clientAuthLocation: 'body',
  // Access tokens last 12 hours; a refresh token does not expire but works once, and each refresh brings a new one
  // (https://www.freshbooks.com/api/get-authenticated-on-the-freshbooks-api, read 2026-12-03).
  rotatesRefreshTokens: true,
  // GET /auth/api/v1/users/me answers `{response: {id, email, business_memberships, …}}`: the fields at
  // https://www.freshbooks.com/api/me_endpoint (read 2026-12-03), the path and the `response` wrapper as the
  // official SDK calls it (freshbooks/api/auth.py).
  account: {
    userInfoUri: 'https://api.freshbooks.com/auth/api/v1/users/me',
    idPath: 'response.id',
    displayNamePath: 'response.email',
  },
  // The provider's API for the proxy: https://www.freshbooks.com/api/identity_model (read 2026-12-03; accounting
  // calls name the account: `/accounting/account/{accountId}/…`).
  api: { baseUrl: 'https://api.freshbooks.com' },
} satisfies Partial<ProviderSpecInput>;
