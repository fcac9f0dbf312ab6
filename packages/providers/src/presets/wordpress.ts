import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * WordPress.com (and Jetpack-connected sites): authorization code at public-api.wordpress.com/oauth2. By default the
 * token is bound to the one site the user picks, and `scope=global` asks for all of the user's sites.
 * `/rest/v1.1/me` names the user.
 */
export const wordpress = {
  id: 'wordpress',
  displayName: 'WordPress.com',
  type: 'oauth2',
  category: 'social',
  logo: 'wordpress',
  // "OAuth2 authentication": the authorize and token endpoints under public-api.wordpress.com/oauth2/, per-blog or
  // global tokens (read 2026-12-03)
  docs: 'https://developer.wordpress.com/docs/api/oauth2/',
  setup:
    'Create an application at developer.wordpress.com/apps with the redirect URL `{publicUrl}/api/auth/wordpress/handler/frame`; set `scopes.default: [global]` to reach every site of the user rather than one.',
  authorizeUri: 'https://public-api.wordpress.com/oauth2/authorize',
  tokenUri: 'https://public-api.wordpress.com/oauth2/token',
  scopes: { default: [], required: [], separator: ' ' },
  // client_id and client_secret as form fields, as Automattic's own wpcom-oauth module sends them (read 2026-12-03):
  // https://github.com/Automattic/node-wpcom-oauth/blob/HEAD/index.js
  clientAuthLocation: 'body',
  // The token answer holds access_token, token_type, blog_id, blog_url and scope: no expires_in, no refresh_token.
  // That is every field Automattic's own example app shows after the code exchange
  // (https://github.com/Automattic/node-wpcom-oauth, example/views/ok.jade, read 2026-12-03), as in the example of
  // WordPress.com's developer blog post "OAuth2 Global Scope Tokens" (read through a copy). WordPress.com's current
  // OAuth2 page (https://developer.wordpress.com/docs/api/oauth2/, read 2026-12-03) was readable only as far as the
  // authorize endpoint and states no lifetime; no WordPress.com source read here (the page, Automattic's
  // wpcom-oauth module and its example) names one: the lifetime is not documented, and the vault treats a token
  // without `expires_in` as not expiring.
  noRefreshToken: true,
  // "GET /me": ID, display_name, username (https://developer.wordpress.com/docs/api/1.1/get/me/, read 2026-12-03).
  account: { userInfoUri: 'https://public-api.wordpress.com/rest/v1.1/me', idPath: 'ID', displayNamePath: 'username' },
  // REST API v1.1 (`/rest/v1.1/…`) and the WP REST API (`/wp/v2/sites/<site>/…`) share the host.
  api: { baseUrl: 'https://public-api.wordpress.com' },
} satisfies Partial<ProviderSpecInput>;
