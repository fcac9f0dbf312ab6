import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * ClickUp: authorization code grant with no scopes at all (a token carries the authorizing user's full access to
 * the Workspaces they pick) and no refresh tokens: access tokens do not expire until the user removes the app.
 */
export const clickup = {
  id: 'clickup',
  displayName: 'ClickUp',
  type: 'oauth2',
  category: 'productivity',
  logo: 'clickup',
  docs: 'https://developer.clickup.com/docs/authentication',
  setup:
    'A Workspace owner or admin creates an OAuth app under Settings > Apps in ClickUp and sets its redirect URL to {publicUrl}/api/auth/clickup/handler/frame.',
  // The authorization page lives at app.clickup.com/api; the token endpoint on the API host:
  // https://developer.clickup.com/reference/getaccesstoken
  authorizeUri: 'https://app.clickup.com/api',
  tokenUri: 'https://api.clickup.com/api/v2/oauth/token',
  // ClickUp has no scopes and no revocation endpoint.
  scopes: { default: [], required: [], separator: ' ' },
  // The token request carries client_id, client_secret and code as parameters.
  clientAuthLocation: 'body',
  noRefreshToken: true,
  account: { userInfoUri: 'https://api.clickup.com/api/v2/user', idPath: 'user.id', displayNamePath: 'user.username' },
  // The provider's API for the proxy: https://developer.clickup.com/docs/authentication (read 2026-12-03)
  // ClickUp takes the raw token as `Authorization: {access_token}`, without `Bearer`.
  api: { baseUrl: 'https://api.clickup.com/api/v2', auth: { type: 'header', name: 'Authorization', prefix: '' } },
} satisfies Partial<ProviderSpecInput>;
