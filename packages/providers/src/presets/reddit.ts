import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Reddit: authorization code grant with HTTP Basic client authentication and an RFC 7009-style revocation endpoint.
 * Access tokens last one hour; a refresh token is issued only with `duration=permanent` on the authorization
 * request and stays valid until revoked. Reddit's API also rejects requests without a descriptive User-Agent.
 */
export const reddit = {
  id: 'reddit',
  displayName: 'Reddit',
  type: 'oauth2',
  category: 'social',
  logo: 'reddit',
  docs: 'https://github.com/reddit-archive/reddit/wiki/OAuth2',
  setup:
    'Create a "web app" at https://www.reddit.com/prefs/apps and set its redirect uri to {publicUrl}/api/auth/reddit/handler/frame; the client id is shown under the app name.',
  authorizeUri: 'https://www.reddit.com/api/v1/authorize',
  tokenUri: 'https://www.reddit.com/api/v1/access_token',
  // Takes `token` and `token_type_hint` as form fields, with HTTP Basic.
  revokeUri: 'https://www.reddit.com/api/v1/revoke_token',
  // GET /api/v1/me needs `identity`.
  scopes: { default: ['identity'], required: ['identity'], separator: ' ' },
  clientAuthLocation: 'headers',
  extra: {
    // Without it the token is "temporary": no refresh token.
    authorize: { duration: 'permanent' },
    token: {},
    refresh: {},
  },
  account: { userInfoUri: 'https://oauth.reddit.com/api/v1/me', idPath: 'id', displayNamePath: 'name' },
  // The provider's API for the proxy: https://github.com/reddit/reddit/wiki/API (read 2026-12-03)
  // OAuth calls go to oauth.reddit.com; Reddit throttles requests without a descriptive `User-Agent` (set your app's
  // in `api.headers`).
  api: { baseUrl: 'https://oauth.reddit.com', headers: { 'User-Agent': 'tokenvault' } },
} satisfies Partial<ProviderSpecInput>;
