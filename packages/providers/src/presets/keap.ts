import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Keap (formerly Infusionsoft; CRM and marketing automation for small businesses): authorization code grant on
 * accounts.infusionsoft.com, tokens from api.infusionsoft.com. The only scope is `full`. Refresh tokens rotate:
 * each refresh returns a new access token and refresh token pair, and the old refresh token stops working.
 */
export const keap = {
  id: 'keap',
  displayName: 'Keap',
  type: 'oauth2',
  category: 'crm',
  // (read 2026-12-03)
  docs: 'https://developer.infusionsoft.com/getting-started-oauth-keys',
  setup:
    'Create an app in the Keap developer portal (https://keys.developer.keap.com) with the redirect URI `{publicUrl}/api/auth/keap/handler/frame` (https only) and copy its client id and secret.',
  authorizeUri: 'https://accounts.infusionsoft.com/app/oauth/authorize',
  tokenUri: 'https://api.infusionsoft.com/token',
  // "The only current valid value is scope=full" (https://developer.infusionsoft.com/authentication).
  scopes: { default: ['full'], required: ['full'], separator: ' ' },
  clientAuthLocation: 'body',
  // "the Refresh Token grant (securing tokens by requiring rotation)".
  rotatesRefreshTokens: true,
  // Retrieve User Info: the Keap user who authorized, by their global user id.
  account: {
    userInfoUri: 'https://api.infusionsoft.com/crm/rest/v1/oauth/connect/userinfo',
    idPath: 'global_user_id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: REST v1 and v2 under https://api.infusionsoft.com/crm/rest.
  api: { baseUrl: 'https://api.infusionsoft.com/crm/rest' },
} satisfies Partial<ProviderSpecInput>;
