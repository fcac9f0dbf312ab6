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
    'In Ramp go to Settings > Developer, create an app with the redirect URI `{publicUrl}/api/auth/ramp/handler/frame`, choose its scopes and copy its client id and secret.',
  authorizeUri: 'https://app.ramp.com/v1/authorize',
  tokenUri: 'https://api.ramp.com/developer/v1/token',
  // business:read lets the business call below identify the account; offline_access brings the refresh token.
  scopes: { default: ['business:read', 'offline_access'], required: ['business:read'], separator: ' ' },
  clientAuthLocation: 'headers',
  // GET /developer/v1/business: the Ramp business the token acts for.
  account: {
    userInfoUri: 'https://api.ramp.com/developer/v1/business',
    idPath: 'id',
    displayNamePath: 'business_name_legal',
  },
  // The provider's API for the proxy: Developer API v1.
  api: { baseUrl: 'https://api.ramp.com/developer/v1' },
} satisfies Partial<ProviderSpecInput>;
