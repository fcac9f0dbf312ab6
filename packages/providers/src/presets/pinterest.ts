import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Pinterest API v5: authorization code at www.pinterest.com/oauth/, token endpoint api.pinterest.com/v5/oauth/token
 * with the app id and secret in HTTP Basic. Access tokens expire (`expires_in`); refresh responses carry a refresh
 * token with its own lifetime (`refresh_token_expires_in`, 60 days for continuous refresh tokens). Scopes are
 * comma-separated and `user_accounts:read` lets `/v5/user_account` name the account.
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
  // Pinterest's OpenAPI description, securitySchemes.pinterest_oauth2 (read 2026-12-03):
  // https://github.com/pinterest/api-description/blob/main/v5/openapi.yaml
  authorizeUri: 'https://www.pinterest.com/oauth/',
  // Same file, `POST /oauth/token` with `security: basic` (the app id and secret in HTTP Basic).
  tokenUri: 'https://api.pinterest.com/v5/oauth/token',
  // Scopes joined with commas in Pinterest's own quickstart (read 2026-12-03):
  // https://github.com/pinterest/api-quickstart/blob/main/nodejs/src/user_auth.js
  scopes: { default: ['user_accounts:read'], required: ['user_accounts:read'], separator: ',' },
  clientAuthLocation: 'headers',
  // OauthAccessTokenResponseRefresh in the same OpenAPI file: every refresh answers with refresh_token and
  // refresh_token_expires_in (continuous refresh tokens: 60-day expiry, refreshable indefinitely).
  refreshTokenExpiresIn: 'refresh_token_expires_in',
  // `GET /user_account` answers the Account schema (`id`, `username`) with scope user_accounts:read (same file).
  account: { userInfoUri: 'https://api.pinterest.com/v5/user_account', idPath: 'id', displayNamePath: 'username' },
  // `servers: https://api.pinterest.com/v5` in the same file.
  api: { baseUrl: 'https://api.pinterest.com/v5' },
} satisfies Partial<ProviderSpecInput>;
