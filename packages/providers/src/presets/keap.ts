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
  // Both endpoints: https://developer.keap.com/getting-started-oauth-keys/ (read 2026-12-03) and the oauth2 scheme of
  // Keap's OpenAPI description (https://github.com/infusionsoft/keap-sdk, sdks/v2/swagger.yml). The page's token
  // request is a form (application/x-www-form-urlencoded).
  authorizeUri: 'https://accounts.infusionsoft.com/app/oauth/authorize',
  tokenUri: 'https://api.infusionsoft.com/token',
  // "The only current valid value is scope=full" (the getting-started page above).
  scopes: { default: ['full'], required: ['full'], separator: ' ' },
  // Keap's own PHP SDK sends client_id and client_secret as form fields on the code exchange and as HTTP Basic on
  // refreshes (https://github.com/infusionsoft/infusionsoft-php, src/Infusionsoft/Infusionsoft.php,
  // requestAccessToken and refreshAccessToken; read 2026-12-03): `both` sends each request both forms.
  clientAuthLocation: 'both',
  // "the Refresh Token grant (securing tokens by requiring rotation)".
  rotatesRefreshTokens: true,
  // Retrieve User Info (REST v2): the Keap user who authorized, `id` being the global user id, in Keap's OpenAPI
  // description (sdks/v2/swagger.yml and docs/GetUserInfoResponse.md, read 2026-12-03).
  account: {
    userInfoUri: 'https://api.keap.com/crm/rest/v2/oauth/connect/userinfo',
    idPath: 'id',
    displayNamePath: 'email',
  },
  // The provider's API for the proxy: the OpenAPI description's server; paths start with /rest/v2/….
  api: { baseUrl: 'https://api.keap.com/crm' },
} satisfies Partial<ProviderSpecInput>;
