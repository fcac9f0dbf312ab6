import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Dailymotion: authorization code grant on the Platform API host (api.dailymotion.com/oauth/…), with an API key and
 * secret made in Dailymotion Studio. Scopes name extended permissions (`userinfo`, `manage_videos`,
 * `manage_comments` …). API v2 documents its own token endpoint (oauth2.dailymotion.com/v2/token) for private API
 * keys; this preset is the authorization code flow of the Platform API.
 */
export const dailymotion = {
  id: 'dailymotion',
  displayName: 'Dailymotion',
  type: 'oauth2',
  category: 'social',
  logo: 'dailymotion',
  // (read 2026-12-03)
  docs: 'https://developers.dailymotion.com/docs/authenticate-using-authorization-codes',
  setup:
    'Create a public API key in Dailymotion Studio (Organization → API keys) with the callback URL {publicUrl}/api/auth/dailymotion/handler/frame; its key and secret are the client id and secret.',
  authorizeUri: 'https://api.dailymotion.com/oauth/authorize',
  // The code exchange posts client_id, client_secret, code and redirect_uri (same page, step 3).
  tokenUri: 'https://api.dailymotion.com/oauth/token',
  scopes: { default: [], required: [] },
  clientAuthLocation: 'body',
  // GET /auth describes the token's user (id, username, screenname, granted scopes):
  // https://developers.dailymotion.com/guides/retrieve-access-token-details
  account: { userInfoUri: 'https://api.dailymotion.com/auth', idPath: 'id', displayNamePath: 'screenname' },
  // The provider's API for the proxy: https://developers.dailymotion.com/guides/platform-api-authentication
  // (public API keys call https://api.dailymotion.com/).
  api: { baseUrl: 'https://api.dailymotion.com' },
} satisfies Partial<ProviderSpecInput>;
