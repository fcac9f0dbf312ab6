import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Pinterest API v5: authorization code at www.pinterest.com/oauth/, token endpoint api.pinterest.com/v5/oauth/token
 * with the app id and secret in HTTP Basic. Access tokens last about 30 days and come with a refresh token; scopes
 * are comma-separated and `user_accounts:read` lets `/v5/user_account` name the account.
 */
export const pinterest = {
  id: 'pinterest',
  displayName: 'Pinterest',
  type: 'oauth2',
  category: 'social',
  logo: 'pinterest',
  // Pinterest's authentication guide: authorize URL, token exchange and refresh (read 2026-12-03)
  docs: 'https://developers.pinterest.com/docs/getting-started/set-up-authentication-and-authorization/',
  setup:
    'Register an app at developers.pinterest.com, add `{publicUrl}/api/auth/pinterest/handler/frame` as a redirect URI, and use its app ID and app secret key as client id and secret.',
  authorizeUri: 'https://www.pinterest.com/oauth/',
  // "Generate OAuth access token" with Basic authentication: all URIs relative to https://api.pinterest.com/v5
  // (github.com/pinterest/pinterest-python-generated-api-client/blob/main/docs/OauthApi.md).
  tokenUri: 'https://api.pinterest.com/v5/oauth/token',
  scopes: { default: ['user_accounts:read'], required: ['user_accounts:read'], separator: ',' },
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.pinterest.com/v5/user_account', idPath: 'id', displayNamePath: 'username' },
  api: { baseUrl: 'https://api.pinterest.com/v5' },
} satisfies Partial<ProviderSpecInput>;
