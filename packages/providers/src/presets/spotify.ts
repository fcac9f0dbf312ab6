import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Spotify: authorization code grant (PKCE accepted) with the client authenticated by HTTP Basic.
 * Access tokens last one hour; a refresh response may or may not carry a new refresh token (the engine keeps the
 * newest). Refresh tokens now die 6 months after the user's consent, and refreshing does not extend that, so a
 * keep-alive cannot help: the account needs re-authorization (`invalid_grant`) twice a year.
 */
export const spotify = {
  id: 'spotify',
  displayName: 'Spotify',
  type: 'oauth2',
  category: 'social',
  logo: 'spotify',
  docs: 'https://developer.spotify.com/documentation/web-api/tutorials/code-flow',
  setup:
    'Create an app in the Spotify for Developers dashboard (https://developer.spotify.com/dashboard), tick "Web API" and add the redirect URI {publicUrl}/api/auth/spotify/handler/frame.',
  authorizeUri: 'https://accounts.spotify.com/authorize',
  tokenUri: 'https://accounts.spotify.com/api/token',
  // Spotify has no revocation endpoint: users remove apps from their account page.
  // GET /v1/me returns `id` and `display_name` without any scope (email and country need user-read-email/-private).
  scopes: { default: [], required: [], separator: ' ' },
  clientAuthLocation: 'headers',
  account: { userInfoUri: 'https://api.spotify.com/v1/me', idPath: 'id', displayNamePath: 'display_name' },
  // 6-month refresh-token lifetime counted from consent, not from last use:
  // https://developer.spotify.com/blog/2026-06-18-refresh-token-expiration
  // The provider's API for the proxy: https://developer.spotify.com/documentation/web-api/concepts/api-calls
  // (read 2026-12-03): "The base address of Web API is https://api.spotify.com"; endpoints below `/v1`.
  api: { baseUrl: 'https://api.spotify.com/v1' },
} satisfies Partial<ProviderSpecInput>;
