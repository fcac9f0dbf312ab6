import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Onshape (cloud CAD): authorization code grant at oauth.onshape.com for OAuth applications registered in the
 * Onshape developer settings; the token works for the REST API under cad.onshape.com/api. Access tokens last 60
 * minutes, and every refresh answers with a new refresh token. The application's scopes (OAuth2Read, OAuth2Write …)
 * are chosen when it is registered.
 */
export const onshape = {
  id: 'onshape',
  displayName: 'Onshape',
  type: 'oauth2',
  category: 'other',
  // Onshape's developer documentation, "OAuth2" (read 2026-12-03; its source is
  // https://github.com/onshape-public/onshape-public.github.io, docs/auth/oauth/index.html)
  docs: 'https://onshape-public.github.io/docs/auth/oauth/',
  setup:
    'Register an OAuth application in your Onshape developer settings (My account settings, or the company settings for a company-owned app) with the redirect URL `{publicUrl}/api/auth/onshape/handler/frame` and the scopes your app needs; copy its client id and secret. Enterprise accounts reach their data through the enterprise domain (see the docs page on `company_id`).',
  // "authorizationURL : https://oauth.onshape.com/oauth/authorize" and "tokenURL : https://oauth.onshape.com/oauth/token"
  // (the docs page above).
  authorizeUri: 'https://oauth.onshape.com/oauth/authorize',
  tokenUri: 'https://oauth.onshape.com/oauth/token',
  scopes: { default: [], required: [], separator: ' ' },
  // "a POST request to https://oauth.onshape.com/oauth/token with the following URL-encoded form body":
  // grant_type, refresh_token, client_id, client_secret; the code exchange likewise (the docs page's Debugging notes
  // and Onshape's sample, https://github.com/onshape-public/app-gltf-viewer, app.js).
  clientAuthLocation: 'body',
  // "Refreshing the access token also provides you with an updated refresh token" (the docs page).
  rotatesRefreshTokens: true,
  // "userProfileURL : https://cad.onshape.com/api/users/sessioninfo" (the docs page), answered with a
  // BTUserOAuth2SummaryInfo: `id`, `name`, `email` … (Onshape's generated clients,
  // https://github.com/onshape-public/onshape-clients, python/docs/BTUserOAuth2SummaryInfo.md, read 2026-12-03).
  account: {
    userInfoUri: 'https://cad.onshape.com/api/users/sessioninfo',
    idPath: 'id',
    displayNamePath: 'name',
  },
  // The REST API for the proxy: "an OAuth token will work for third-party APIs under /api" (the docs page).
  api: { baseUrl: 'https://cad.onshape.com/api' },
} satisfies Partial<ProviderSpecInput>;
