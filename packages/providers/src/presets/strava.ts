import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Strava: authorization code grant with the client secret in the form body. Access tokens last six hours; a
 * refresh may return a different refresh token, and only the newest is to be used. Quirks: scopes are
 * comma-separated, and the user may untick some, but the granted list arrives only as `scope` on the callback
 * URL, not in the token response.
 */
export const strava = {
  id: 'strava',
  displayName: 'Strava',
  type: 'oauth2',
  category: 'social',
  logo: 'strava',
  docs: 'https://developers.strava.com/docs/authentication',
  setup:
    'Create an API application in your Strava settings (https://www.strava.com/settings/api) and set its "Authorization Callback Domain" to the host of {publicUrl}; Strava accepts any redirect URI on that domain, here {publicUrl}/api/auth/strava/handler/frame.',
  authorizeUri: 'https://www.strava.com/oauth/authorize',
  tokenUri: 'https://www.strava.com/oauth/token',
  // No revokeUri: POST /oauth/deauthorize takes `access_token`, not an RFC 7009 `token` field.
  // `read` covers GET /athlete (public profile).
  scopes: { default: ['read'], required: ['read'], separator: ',' },
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://www.strava.com/api/v3/athlete', idPath: 'id', displayNamePath: 'firstname' },
  // A refresh may return a changed refresh token:
  // https://code.dblock.org/2018/11/17/dealing-with-strava-api-token-migration.html
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://developers.strava.com/docs (read 2026-12-03): API endpoint
  // https://www.strava.com/api, resources below `/v3`.
  api: { baseUrl: 'https://www.strava.com/api/v3' },
} satisfies Partial<ProviderSpecInput>;
