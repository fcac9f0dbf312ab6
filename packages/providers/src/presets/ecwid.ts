import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Ecwid (Lightspeed E-Series): authorization code at my.ecwid.com for one store, whose id the merchant enters when
 * connecting. Access tokens do not expire and there is no refresh token; the token response names the store in
 * `store_id`, kept with the account. The REST API lives below `app.ecwid.com/api/v3/<store id>`.
 */
export const ecwid = {
  id: 'ecwid',
  displayName: 'Ecwid',
  type: 'oauth2',
  category: 'e-commerce',
  // "App settings": access tokens are "non-expiring authorization keys for REST API requests" (read 2026-12-03)
  docs: 'https://docs.ecwid.com/develop-apps/app-settings',
  setup:
    'Request an external Ecwid app with the redirect URL `{publicUrl}/api/auth/ecwid/handler/frame` and the access scopes it needs (read_store_profile at least); Ecwid sets the redirect URL at registration. The merchant passes the store id when connecting (`/start?storeId=1234567`).',
  // "Apps outside the Ecwid App Market": the authorize URL and scopes "separated by space" (read 2026-12-03):
  // https://api-docs.ecwid.com/reference/get-token-manually
  authorizeUri: 'https://my.ecwid.com/api/oauth/authorize',
  // Ecwid's API docs source, "Retrieve access_token from Ecwid": client_id and client_secret as request parameters,
  // a response with `store_id` and no expiry, "Both types of access tokens do not expire" (read 2026-12-03):
  // https://github.com/Ecwid/ecwid-api-docs/blob/master/includes/_authentication.md
  tokenUri: 'https://my.ecwid.com/api/oauth/token',
  params: { storeId: { pattern: '[0-9]+', description: 'the Ecwid store id, e.g. 1234567' } },
  scopes: { default: ['read_store_profile'], required: ['read_store_profile'], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  metadata: ['store_id'],
  // "Get store profile": GET https://app.ecwid.com/api/v3/{storeId}/profile with `generalInfo.storeId` and
  // `account.accountName` (same repository, includes/_store_profile.md).
  account: {
    userInfoUri: 'https://app.ecwid.com/api/v3/{storeId}/profile',
    idPath: 'generalInfo.storeId',
    displayNamePath: 'account.accountName',
  },
  api: { baseUrl: 'https://app.ecwid.com/api/v3/{storeId}' },
} satisfies Partial<ProviderSpecInput>;
