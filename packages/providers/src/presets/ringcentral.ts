import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * RingCentral REST API apps: authorization code grant (PKCE recommended) at platform.ringcentral.com, the client
 * authenticated with HTTP Basic. Permissions are chosen on the app, not requested as scopes. Access tokens last an
 * hour; a refresh token is single-use and, by default, dies after 7 days, so an idle account must be refreshed well
 * within that. The app must have "Issue refresh tokens" on.
 */
export const ringcentral = {
  id: 'ringcentral',
  displayName: 'RingCentral',
  type: 'oauth2',
  category: 'communication',
  // (read 2026-12-03)
  docs: 'https://developers.ringcentral.com/guide/authentication/auth-code-flow',
  setup:
    'Create a REST API app in the RingCentral Developer Console with 3-legged OAuth (authorization code, server-side web app), the redirect URI `{publicUrl}/api/auth/ringcentral/handler/frame`, the permissions your app calls (`ReadAccounts` at least) and "Issue refresh tokens" on.',
  authorizeUri: 'https://platform.ringcentral.com/restapi/oauth/authorize',
  tokenUri: 'https://platform.ringcentral.com/restapi/oauth/token',
  revokeUri: 'https://platform.ringcentral.com/restapi/oauth/revoke',
  // Permissions are the app's; the authorize request needs none.
  scopes: { default: [], required: [], separator: ' ' },
  // The token request authenticates the app with `Authorization: Basic`.
  clientAuthLocation: 'headers',
  // The extension (user) the token acts as: GET /restapi/v1.0/account/~/extension/~ (ReadAccounts).
  account: {
    userInfoUri: 'https://platform.ringcentral.com/restapi/v1.0/account/~/extension/~',
    idPath: 'id',
    displayNamePath: 'name',
  },
  // "A refresh token ... is a single-use token" (developers.ringcentral.com/guide/authentication/tokens).
  rotatesRefreshTokens: true,
  // Refresh tokens last 7 days by default: refresh every 2 days even when idle.
  keepAliveSeconds: 172_800,
  // The provider's API for the proxy: https://developers.ringcentral.com/api-reference
  api: { baseUrl: 'https://platform.ringcentral.com/restapi' },
} satisfies Partial<ProviderSpecInput>;
