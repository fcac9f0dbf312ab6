import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Webflow Data API: authorization code at webflow.com/oauth/authorize, code exchange at
 * api.webflow.com/oauth/access_token. Access tokens do not expire and come without a refresh token; the user picks the
 * sites or workspace the app may reach. `authorized_user:read` lets `/v2/token/authorized_by` name the user.
 */
export const webflow = {
  id: 'webflow',
  displayName: 'Webflow',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'webflow',
  // "OAuth": authorize and access_token endpoints (read 2026-12-03)
  docs: 'https://developers.webflow.com/data/reference/oauth-app',
  setup:
    'Create a Webflow App with the Data Client building block in your workspace settings, set its redirect URI to `{publicUrl}/api/auth/webflow/handler/frame` and choose its scopes (authorized_user:read plus what your app needs).',
  authorizeUri: 'https://webflow.com/oauth/authorize',
  tokenUri: 'https://api.webflow.com/oauth/access_token',
  scopes: { default: ['authorized_user:read'], required: ['authorized_user:read'], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  account: {
    userInfoUri: 'https://api.webflow.com/v2/token/authorized_by',
    idPath: 'id',
    displayNamePath: 'email',
  },
  // `Authorization: Bearer <token>` (developers.webflow.com/docs/authentication).
  api: { baseUrl: 'https://api.webflow.com' },
} satisfies Partial<ProviderSpecInput>;
