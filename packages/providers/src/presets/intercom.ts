import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Intercom (customer messaging and support): OAuth for public apps that reach other workspaces. Permissions are
 * ticked in the app's settings in the Developer Hub, not requested, so the authorize URL carries no scope. The
 * code is exchanged at `/auth/eagle/token` with the client id and secret as parameters, within about five
 * minutes; the token answer has neither an expiry nor a refresh token.
 */
export const intercom = {
  id: 'intercom',
  displayName: 'Intercom',
  type: 'oauth2',
  category: 'support',
  logo: 'intercom',
  // (read 2026-12-03)
  docs: 'https://developers.intercom.com/docs/build-an-integration/learn-more/authentication/setting-up-oauth',
  setup:
    'In the Intercom Developer Hub open your app, tick "Use OAuth" on its Authentication page, add the redirect URL `{publicUrl}/api/auth/intercom/handler/frame` (https only) and tick the permissions your app needs; the client id and secret are on its Basic Information page.',
  // Both endpoints and the token request's code, client_id and client_secret parameters: "Using OAuth",
  // https://intercom-developer-hub.readme.io/reference/using-oauth (Intercom's reference; read 2026-12-03).
  authorizeUri: 'https://app.intercom.io/oauth',
  tokenUri: 'https://api.intercom.io/auth/eagle/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // The token is used like an Access Token and Intercom documents no refresh grant (the pages above).
  noRefreshToken: true,
  // GET /me ("Identify an admin"): the admin who authorized, `{type: 'admin', id, name, email, app}`, in Intercom's
  // OpenAPI description (https://github.com/intercom/Intercom-OpenAPI, descriptions/2.14/api.intercom.io.yaml, read
  // 2026-12-03).
  account: { userInfoUri: 'https://api.intercom.io/me', idPath: 'id', displayNamePath: 'name' },
  // The provider's API for the proxy: the OpenAPI description's production server (the US region's host; it lists
  // api.eu.intercom.io and api.au.intercom.io for workspaces hosted there, which need their own `api.baseUrl`).
  api: { baseUrl: 'https://api.intercom.io', headers: { Accept: 'application/json' } },
} satisfies Partial<ProviderSpecInput>;
