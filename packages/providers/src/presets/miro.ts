import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Miro: authorization code grant with the client secret in the form body. Whether tokens expire is fixed when the
 * app is created: with "expire user authorization token" on, access tokens last one hour and refresh tokens 60
 * days, and each refresh returns a new pair (the old one stops working); otherwise the token never expires and no
 * refresh token comes. Both work with this preset.
 */
export const miro = {
  id: 'miro',
  displayName: 'Miro',
  type: 'oauth2',
  category: 'data',
  logo: 'miro',
  docs: 'https://developers.miro.com/docs/getting-started-with-oauth',
  setup:
    'Create an app in your Miro Developer team (enable "expire user authorization token" when creating it, as it cannot be changed later), add {publicUrl}/api/auth/miro/handler/frame as a redirect URI and select its permission scopes.',
  authorizeUri: 'https://miro.com/oauth/authorize',
  tokenUri: 'https://api.miro.com/v1/oauth/token',
  // No revokeUri: Miro's revoke endpoints take `access_token` in the query string (v1) or JSON (v2), not RFC 7009.
  // Read-only board access; the token-context endpoint itself needs no scope.
  scopes: { default: ['boards:read'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // Token context: https://developers.miro.com/reference/use-access-token-for-rest-api-requests
  account: { userInfoUri: 'https://api.miro.com/v1/oauth-token', idPath: 'user.id', displayNamePath: 'user.name' },
  // https://developers.miro.com/reference/get-new-access-token-using-refresh-token
  rotatesRefreshTokens: true,
  // Refresh tokens expire after 60 days.
  keepAliveSeconds: 30 * 24 * 3600,
  // The provider's API for the proxy: https://developers.miro.com/reference/ne-use-access-token-for-rest-api-requests
  // (read 2026-12-03): `Authorization: Bearer` on api.miro.com (REST API v2 under `/v2`).
  api: { baseUrl: 'https://api.miro.com' },
} satisfies Partial<ProviderSpecInput>;
