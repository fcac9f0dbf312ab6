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
  // "Using OAuth": https://intercom-developer-hub.readme.io/reference/using-oauth
  authorizeUri: 'https://app.intercom.io/oauth',
  tokenUri: 'https://api.intercom.io/auth/eagle/token',
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // GET /me describes the admin who installed the app.
  account: { userInfoUri: 'https://api.intercom.io/me', idPath: 'id', displayNamePath: 'name' },
  // The provider's API for the proxy: https://developers.intercom.com/docs/build-an-integration/learn-more/authentication
  // (the US region's host; a workspace hosted in another region needs its own `api.baseUrl`).
  api: { baseUrl: 'https://api.intercom.io', headers: { Accept: 'application/json' } },
} satisfies Partial<ProviderSpecInput>;
