import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Todoist: authorization code grant at todoist.com; scopes are comma-separated (`data:read`, `data:read_write`,
 * `task:add` …). The access token does not expire and comes without a refresh token.
 */
export const todoist = {
  id: 'todoist',
  displayName: 'Todoist',
  type: 'oauth2',
  category: 'productivity',
  logo: 'todoist',
  // (read 2026-12-03); the official SDK's OAuth helpers: https://doist.github.io/todoist-api-typescript/authorization
  docs: 'https://developer.todoist.com/guides/#oauth',
  setup:
    'Create an app in the Todoist App Management Console (https://developer.todoist.com/appconsole.html) with the OAuth redirect URL `{publicUrl}/api/auth/todoist/handler/frame`.',
  authorizeUri: 'https://todoist.com/oauth/authorize',
  tokenUri: 'https://todoist.com/oauth/access_token',
  // data:read is the read-only scope, enough to read the user.
  scopes: { default: ['data:read'], required: [], separator: ',' },
  // The code exchange sends client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  // Tokens do not expire; there is no refresh grant.
  noRefreshToken: true,
  // GET /api/v1/user, the authenticated user (https://todoist.com/api/v1/docs#tag/User).
  account: { userInfoUri: 'https://api.todoist.com/api/v1/user', idPath: 'id', displayNamePath: 'full_name' },
  // The provider's API for the proxy: https://todoist.com/api/v1/docs
  api: { baseUrl: 'https://api.todoist.com/api/v1' },
} satisfies Partial<ProviderSpecInput>;
