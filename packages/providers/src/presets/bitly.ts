import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Bitly: the OAuth web flow at bitly.com/oauth/authorize, code exchange at api-ssl.bitly.com. Tokens do not expire
 * and there is no refresh token; Bitly has no scopes. The token endpoint answers form-encoded unless the request
 * accepts JSON; the vault reads either.
 */
export const bitly = {
  id: 'bitly',
  displayName: 'Bitly',
  type: 'oauth2',
  category: 'data',
  logo: 'bitly',
  // "OAuth web flow": (read 2026-12-03)
  docs: 'https://dev.bitly.com/authentication.html',
  setup:
    'In Bitly go to Settings > Developer settings > Register new app, complete the registration from the e-mail, and set `{publicUrl}/api/auth/bitly/handler/frame` as the redirect URI.',
  authorizeUri: 'https://bitly.com/oauth/authorize',
  tokenUri: 'https://api-ssl.bitly.com/oauth/access_token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  account: { userInfoUri: 'https://api-ssl.bitly.com/v4/user', idPath: 'login', displayNamePath: 'name' },
  // Calls take `Authorization: Bearer {token}` (dev.bitly.com/authentication.html).
  api: { baseUrl: 'https://api-ssl.bitly.com/v4' },
} satisfies Partial<ProviderSpecInput>;
