import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * FreeAgent (accounting for small businesses and their accountants): authorization code grant on api.freeagent.com
 * ("approve_app" to authorize, "token_endpoint" for tokens), with the client id and secret sent as HTTP Basic
 * authentication. Access tokens last an hour; every refresh answers with a new refresh token and its remaining
 * lifetime (`refresh_token_expires_in`). The sandbox is api.sandbox.freeagent.com.
 */
export const freeagent = {
  id: 'freeagent',
  displayName: 'FreeAgent',
  type: 'oauth2',
  category: 'accounting',
  // (read 2026-12-03)
  docs: 'https://dev.freeagent.com/docs/oauth',
  setup:
    'Create an app in the FreeAgent Developer Dashboard (https://dev.freeagent.com) with the OAuth redirect URI `{publicUrl}/api/auth/freeagent/handler/frame` and copy its OAuth identifier and secret. For the sandbox override `authorizeUri`, `tokenUri`, `account.userInfoUri` and `api.baseUrl` with https://api.sandbox.freeagent.com.',
  authorizeUri: 'https://api.freeagent.com/v2/approve_app',
  tokenUri: 'https://api.freeagent.com/v2/token_endpoint',
  // FreeAgent's authorize request has no scope parameter: the app reaches what the approving user may see.
  scopes: { default: [], required: [] },
  // "HTTP Basic Auth POST to the FreeAgent Token Endpoint" with the client id and secret, code exchange and refresh.
  clientAuthLocation: 'headers',
  // The refresh answer carries "the new access and refresh tokens".
  rotatesRefreshTokens: true,
  refreshTokenExpiresIn: 'refresh_token_expires_in',
  // GET /v2/users/me (https://dev.freeagent.com/docs/users, read 2026-12-03): `{user: {url, first_name, email, …}}`;
  // the user's `url` (https://api.freeagent.com/v2/users/<id>) is what identifies a user in the API.
  account: {
    userInfoUri: 'https://api.freeagent.com/v2/users/me',
    idPath: 'user.url',
    displayNamePath: 'user.email',
  },
  // The provider's API for the proxy: https://dev.freeagent.com/docs (everything below /v2).
  api: { baseUrl: 'https://api.freeagent.com/v2' },
} satisfies Partial<ProviderSpecInput>;
