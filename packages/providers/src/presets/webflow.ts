import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Webflow Data Client apps: authorization code grant at webflow.com, tokens at api.webflow.com. The access token does
 * not expire and Webflow issues no refresh token. Scopes (`sites:read`, `cms:write`, `authorized_user:read` …) limit
 * what the token reaches; the user picks the sites or workspace to authorize.
 */
export const webflow = {
  id: 'webflow',
  displayName: 'Webflow',
  type: 'oauth2',
  category: 'marketing',
  logo: 'webflow',
  // (read 2026-12-03)
  docs: 'https://developers.webflow.com/data/reference/oauth-app',
  setup:
    'Create an App in your Webflow Workspace settings > Apps & Integrations with the Data Client building block, the redirect URI `{publicUrl}/api/auth/webflow/handler/frame` and the scopes `authorized_user:read` plus those your app calls.',
  authorizeUri: 'https://webflow.com/oauth/authorize',
  tokenUri: 'https://api.webflow.com/oauth/access_token',
  // authorized_user:read lets /token/authorized_by identify the user.
  scopes: { default: ['authorized_user:read'], required: [], separator: ' ' },
  // The token request carries client_id and client_secret as parameters.
  clientAuthLocation: 'body',
  // No refresh tokens: the access token lasts until the user revokes it.
  noRefreshToken: true,
  // https://developers.webflow.com/data/reference/token/authorized-by
  account: { userInfoUri: 'https://api.webflow.com/v2/token/authorized_by', idPath: 'id', displayNamePath: 'email' },
  // The provider's API for the proxy: https://developers.webflow.com/data/reference/rest-introduction
  api: { baseUrl: 'https://api.webflow.com/v2' },
} satisfies Partial<ProviderSpecInput>;
