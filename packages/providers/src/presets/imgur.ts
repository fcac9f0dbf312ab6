import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Imgur API v3: authorization code at api.imgur.com/oauth2/authorize, tokens at api.imgur.com/oauth2/token. Access
 * tokens expire after a month and the refresh token does not; there are no scopes.
 * The token response names the account in `account_id` and `account_username`, kept with the account.
 */
export const imgur = {
  id: 'imgur',
  displayName: 'Imgur',
  type: 'oauth2',
  category: 'social',
  logo: 'imgur',
  // "Authorization and OAuth": (read 2026-12-03)
  docs: 'https://api.imgur.com/oauth2',
  setup:
    'Register an application at api.imgur.com/oauth2/addclient with "OAuth 2 authorization with a callback URL" and the callback `{publicUrl}/api/auth/imgur/handler/frame`.',
  authorizeUri: 'https://api.imgur.com/oauth2/authorize',
  tokenUri: 'https://api.imgur.com/oauth2/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  metadata: ['account_id', 'account_username'],
  account: { userInfoUri: 'https://api.imgur.com/3/account/me', idPath: 'data.id', displayNamePath: 'data.url' },
  // "Authorization: Bearer YOUR_ACCESS_TOKEN" on API v3.
  api: { baseUrl: 'https://api.imgur.com/3' },
} satisfies Partial<ProviderSpecInput>;
