import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Ramp (corporate cards and spend management), Developer API: the authorization code grant is for third-party apps
 * acting for a Ramp business (client credentials are for a business's own scripts). Tokens come from
 * api.ramp.com with the client id and secret as HTTP Basic credentials; access tokens last an hour and come with a
 * refresh token. Scopes read `resource:read|write`.
 */
export const ramp = {
  id: 'ramp',
  displayName: 'Ramp',
  type: 'oauth2',
  category: 'accounting',
  // (read 2026-12-03)
  docs: 'https://docs.ramp.com/developer-api/v1',
  setup:
    'In Ramp go to Settings > Developer, create an app with the redirect URI `{publicUrl}/api/auth/ramp/handler/frame`, add the Refresh Token grant type to its grant types (Ramp issues refresh tokens only then), choose its scopes (at least `business:read`) and copy its client id and secret.',
  // The authorization URL and space-separated scopes: https://developer-docs.ramp.com/docs/oauth-20 (read 2026-12-03).
  authorizeUri: 'https://app.ramp.com/v1/authorize',
  // The token endpoint with the client id and secret as HTTP Basic credentials:
  // https://docs.ramp.com/llms-guides/authorization.txt (read 2026-12-03).
  tokenUri: 'https://api.ramp.com/developer/v1/token',
  // business:read lets the business call below identify the account. Ramp's scope list has no `offline_access`
  // (the earlier default): refresh tokens come with the app's Refresh Token grant type.
  scopes: { default: ['business:read'], required: ['business:read'], separator: ' ' },
  clientAuthLocation: 'headers',
  // GET /developer/v1/business ("Fetch the company information", scope business:read): the Ramp business the token
  // acts for, `{id, business_name_legal, …}`. Read in Ramp's OpenAPI description as copied at
  // https://github.com/riker-t/ramp-dev-mcp (data/developer-api.json, read 2026-12-03): not confirmed on a page
  // Ramp serves itself.
  account: {
    userInfoUri: 'https://api.ramp.com/developer/v1/business',
    idPath: 'id',
    displayNamePath: 'business_name_legal',
  },
  // The provider's API for the proxy: Developer API v1 on the description's server, https://api.ramp.com.
  api: { baseUrl: 'https://api.ramp.com/developer/v1' },
} satisfies Partial<ProviderSpecInput>;
