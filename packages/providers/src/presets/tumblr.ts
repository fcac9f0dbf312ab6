import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Tumblr API v2: authorization code at www.tumblr.com/oauth2/authorize, code exchange at api.tumblr.com with the
 * consumer key and secret as form fields. Access tokens are short-lived (`expires_in`, 2520 seconds in Tumblr's
 * example); `offline_access` asks for a refresh token, and each refresh answers with a new access token and a new
 * refresh token. `/v2/user/info` names the user by their Tumblr short name.
 */
export const tumblr = {
  id: 'tumblr',
  displayName: 'Tumblr',
  type: 'oauth2',
  category: 'social',
  logo: 'tumblr',
  // Tumblr's API documentation, "OAuth2 Authorization": endpoints, parameters, scopes basic, write and
  // offline_access, the token and refresh responses (read 2026-12-03; served at https://www.tumblr.com/docs/en/api/v2)
  docs: 'https://github.com/tumblr/docs/blob/master/api.md',
  setup:
    'Register an application at www.tumblr.com/oauth/apps with the OAuth2 redirect URL `{publicUrl}/api/auth/tumblr/handler/frame`; its OAuth consumer key and secret are the client id and secret.',
  authorizeUri: 'https://www.tumblr.com/oauth2/authorize',
  tokenUri: 'https://api.tumblr.com/v2/oauth2/token',
  // "A space delimited list of scopes"; a refresh token comes only with offline_access.
  scopes: { default: ['basic', 'offline_access'], required: ['offline_access'], separator: ' ' },
  clientAuthLocation: 'body',
  // "the refresh token to retrieve a new access token and refresh token"
  rotatesRefreshTokens: true,
  // "/user/info – Get a User's Information": `{"response": {"user": {"name", …}}}`; the short name is the only
  // identifier it returns.
  account: {
    userInfoUri: 'https://api.tumblr.com/v2/user/info',
    idPath: 'response.user.name',
    displayNamePath: 'response.user.name',
  },
  api: { baseUrl: 'https://api.tumblr.com/v2' },
} satisfies Partial<ProviderSpecInput>;
