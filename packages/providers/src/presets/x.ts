import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * X (formerly Twitter), OAuth 2.0 authorization code flow with PKCE, which X requires; confidential clients
 * authenticate with HTTP Basic. Access tokens last two hours, and a refresh token is issued only when
 * `offline.access` is granted; each refresh rotates it (the old one stops working).
 */
export const x = {
  id: 'x',
  displayName: 'X',
  type: 'oauth2',
  category: 'social',
  logo: 'x',
  docs: 'https://docs.x.com/fundamentals/authentication/oauth-2-0/authorization-code',
  setup:
    'In the X Developer Console, open your app, enable OAuth 2.0 in its user authentication settings as a confidential client (type "Web App"), and add {publicUrl}/api/auth/x/handler/frame as a callback URI.',
  authorizeUri: 'https://x.com/i/oauth2/authorize',
  tokenUri: 'https://api.x.com/2/oauth2/token',
  // Takes `token` (and `token_type_hint`) as form fields: https://docs.x.com/fundamentals/authentication/oauth-2-0/user-access-token
  revokeUri: 'https://api.x.com/2/oauth2/revoke',
  // GET /2/users/me needs users.read, which X grants only together with tweet.read; offline.access brings the refresh token.
  scopes: {
    default: ['tweet.read', 'users.read', 'offline.access'],
    required: ['tweet.read', 'users.read', 'offline.access'],
    separator: ' ',
  },
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.x.com/2/users/me', idPath: 'data.id', displayNamePath: 'data.username' },
  rotatesRefreshTokens: true,
  // The provider's API for the proxy: https://docs.x.com/fundamentals/authentication/oauth-2-0/overview (read 2026-12-03):
  // `https://api.x.com/2/…` with `Authorization: Bearer`.
  api: { baseUrl: 'https://api.x.com/2' },
} satisfies Partial<ProviderSpecInput>;
