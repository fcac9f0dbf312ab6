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
  authorizeUri: 'https://my.ecwid.com/api/oauth/authorize',
  tokenUri: 'https://my.ecwid.com/api/oauth/token',
  params: { storeId: { pattern: '[0-9]+', description: 'the Ecwid store id, e.g. 1234567' } },
  scopes: { default: ['read_store_profile'], required: ['read_store_profile'], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  metadata: ['store_id'],
  account: {
    userInfoUri: 'https://app.ecwid.com/api/v3/{storeId}/profile',
    idPath: 'generalInfo.storeId',
    displayNamePath: 'account.accountName',
  },
  api: { baseUrl: 'https://app.ecwid.com/api/v3/{storeId}' },
} satisfies Partial<ProviderSpecInput>;
