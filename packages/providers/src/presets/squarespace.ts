import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Squarespace Commerce APIs: authorization code at login.squarespace.com/api/1/login/oauth/provider/authorize;
 * access tokens are short-lived and a refresh token comes only with `access_type=offline`. The token belongs to one
 * website, which `/1.0/authorization/website` describes. Squarespace asks API clients to send a `User-Agent`.
 */
export const squarespace = {
  id: 'squarespace',
  displayName: 'Squarespace',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'squarespace',
  // "Accessing Squarespace APIs using OAuth 2.0": (read 2026-12-03)
  docs: 'https://developers.squarespace.com/oauth',
  setup:
    'Register an OAuth client (Developer Apps in the Squarespace account dashboard) with the redirect URI `{publicUrl}/api/auth/squarespace/handler/frame`; choose the scopes your app needs, e.g. website.orders.read.',
  authorizeUri: 'https://login.squarespace.com/api/1/login/oauth/provider/authorize',
  tokenUri: 'https://login.squarespace.com/api/1/login/oauth/provider/tokens',
  scopes: { default: ['website.orders.read'], required: [], separator: ',' },
  clientAuthLocation: 'headers',
  // Without it there is no refresh token.
  extra: { authorize: { access_type: 'offline' }, token: {}, refresh: {} },
  account: {
    userInfoUri: 'https://api.squarespace.com/1.0/authorization/website',
    idPath: 'id',
    displayNamePath: 'title',
  },
  api: { baseUrl: 'https://api.squarespace.com', headers: { 'User-Agent': 'tokenvault' } },
} satisfies Partial<ProviderSpecInput>;
