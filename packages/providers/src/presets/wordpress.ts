import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * WordPress.com (and Jetpack-connected sites): authorization code at public-api.wordpress.com/oauth2. The token
 * does not expire and comes without a refresh token; by default it is bound to the one site the user picks, and
 * `scope=global` asks for all of the user's sites. `/rest/v1.1/me` names the user.
 */
export const wordpress = {
  id: 'wordpress',
  displayName: 'WordPress.com',
  type: 'oauth2',
  category: 'social',
  logo: 'wordpress',
  // "Getting Started with the API" and its OAuth2 guide: (read 2026-12-03)
  docs: 'https://developer.wordpress.com/docs/api/getting-started/',
  setup:
    'Create an application at developer.wordpress.com/apps with the redirect URL `{publicUrl}/api/auth/wordpress/handler/frame`; set `scopes.default: [global]` to reach every site of the user rather than one.',
  authorizeUri: 'https://public-api.wordpress.com/oauth2/authorize',
  tokenUri: 'https://public-api.wordpress.com/oauth2/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  account: { userInfoUri: 'https://public-api.wordpress.com/rest/v1.1/me', idPath: 'ID', displayNamePath: 'username' },
  // REST API v1.1 (`/rest/v1.1/…`) and the WP REST API (`/wp/v2/sites/<site>/…`) share the host.
  api: { baseUrl: 'https://public-api.wordpress.com' },
} satisfies Partial<ProviderSpecInput>;
