import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Salesloft (sales engagement): authorization code grant at accounts.salesloft.com for partner apps; the answer
 * carries an access token, a refresh token, `expires_in` and `scope`. Calls act as the authorizing user, within
 * their team.
 */
export const salesloft = {
  id: 'salesloft',
  displayName: 'Salesloft',
  type: 'oauth2',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://developers.salesloft.com/docs/platform/api-basics/oauth-authentication/',
  setup:
    'In Salesloft go to Your Applications > OAuth Applications > Create New, add the redirect URI `{publicUrl}/api/auth/salesloft/handler/frame` and copy the Application ID and Secret.',
  authorizeUri: 'https://accounts.salesloft.com/oauth/authorize',
  tokenUri: 'https://accounts.salesloft.com/oauth/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /v2/me answers `{data: {id, name, email, …}}`, the authorizing user.
  account: { userInfoUri: 'https://api.salesloft.com/v2/me', idPath: 'data.id', displayNamePath: 'data.email' },
  // The provider's API for the proxy: REST API v2 on api.salesloft.com, bearer tokens.
  api: { baseUrl: 'https://api.salesloft.com/v2' },
} satisfies Partial<ProviderSpecInput>;
