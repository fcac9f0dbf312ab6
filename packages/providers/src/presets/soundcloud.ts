import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * SoundCloud: OAuth 2.1 authorization code with PKCE (required) at secure.soundcloud.com, the client id and secret
 * in the request body. Access tokens last about an hour; refresh tokens are single-use, each refresh answers a new
 * one. The API takes the token after the `OAuth` scheme: `Authorization: OAuth <token>`, not `Bearer`.
 */
export const soundcloud = {
  id: 'soundcloud',
  displayName: 'SoundCloud',
  type: 'oauth2',
  category: 'social',
  logo: 'soundcloud',
  // The API guide's key facts (read 2026-12-03): base URL https://api.soundcloud.com, auth URL
  // https://secure.soundcloud.com, "Required header: Authorization: OAuth ACCESS_TOKEN", single-use refresh tokens.
  // The endpoints: SoundCloud's own auth guide in github.com/soundcloud/api (.cursor/skills/soundcloud-api-auth).
  docs: 'https://developers.soundcloud.com/docs/api/guide',
  setup:
    'Register an app at https://soundcloud.com/you/apps with the redirect URI `{publicUrl}/api/auth/soundcloud/handler/frame` and use its client id and secret.',
  authorizeUri: 'https://secure.soundcloud.com/authorize',
  tokenUri: 'https://secure.soundcloud.com/oauth/token',
  // SoundCloud's OAuth 2.1 names no scopes.
  scopes: { default: [], required: [], separator: ' ' },
  // The refresh example sends client_id and client_secret as form fields.
  clientAuthLocation: 'body',
  rotatesRefreshTokens: true,
  // GET /me: the authenticated user (`id`, `username`).
  account: {
    userInfoUri: 'https://api.soundcloud.com/me',
    tokenScheme: 'OAuth',
    idPath: 'id',
    displayNamePath: 'username',
  },
  // The provider's API for the proxy, with the token after the OAuth scheme.
  api: { baseUrl: 'https://api.soundcloud.com', auth: { type: 'header', name: 'Authorization', prefix: 'OAuth ' } },
} satisfies Partial<ProviderSpecInput>;
