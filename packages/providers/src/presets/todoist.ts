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
  // The OAuth reference Doist's official SDK cites (a script-rendered page; its facts checked through the SDK below).
  docs: 'https://developer.todoist.com/api/v1/#tag/Authorization/OAuth',
  setup:
    'Create an app in the Todoist App Management Console (https://developer.todoist.com/appconsole.html) with the OAuth redirect URL `{publicUrl}/api/auth/todoist/handler/frame`.',
  // The endpoints, comma-joined scopes, client_id and client_secret as token-request parameters and a token answer of
  // only access_token and token_type, as Doist's official SDK implements the OAuth page above
  // (https://github.com/Doist/todoist-api-typescript, src/authentication.ts and src/consts/endpoints.ts, read 2026-12-03).
  authorizeUri: 'https://todoist.com/oauth/authorize',
  tokenUri: 'https://todoist.com/oauth/access_token',
  // data:read is the read-only scope, enough to read the user.
  scopes: { default: ['data:read'], required: [], separator: ',' },
  clientAuthLocation: 'body',
  // Tokens do not expire; there is no refresh grant.
  noRefreshToken: true,
  // GET /api/v1/user, the authenticated user (`id`, `full_name`), as the official SDK's getUser calls it, citing
  // https://developer.todoist.com/api/v1/#tag/User (src/todoist-api.ts, src/types/users/types.ts; read 2026-12-03).
  account: { userInfoUri: 'https://api.todoist.com/api/v1/user', idPath: 'id', displayNamePath: 'full_name' },
  // The provider's API for the proxy: https://developer.todoist.com/api/v1/ (the SDK's base, read 2026-12-03).
  api: { baseUrl: 'https://api.todoist.com/api/v1' },
} satisfies Partial<ProviderSpecInput>;
