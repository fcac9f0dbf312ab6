import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Webex integrations: authorization code grant at webexapis.com. Access tokens last 14 days and come with a refresh
 * token that lasts 90 days; scopes are space-separated (`spark:…`, `meeting:…`). The account is the Webex person of the
 * token (`GET /v1/people/me`).
 */
export const webex = {
  id: 'webex',
  displayName: 'Webex',
  type: 'oauth2',
  category: 'communication',
  logo: 'webex',
  // (read 2026-12-03)
  docs: 'https://developer.webex.com/docs/integrations',
  setup:
    'Create an integration at https://developer.webex.com (My Webex Apps > Create a New App > Integration) with the redirect URI `{publicUrl}/api/auth/webex/handler/frame` and the scopes `spark:people_read` plus those your app calls; copy the client secret, shown once.',
  authorizeUri: 'https://webexapis.com/v1/authorize',
  tokenUri: 'https://webexapis.com/v1/access_token',
  // spark:people_read lets /people/me identify the account.
  scopes: { default: ['spark:people_read'], required: [], separator: ' ' },
  // The token request documents client_id and client_secret as form parameters.
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://webexapis.com/v1/people/me', idPath: 'id', displayNamePath: 'displayName' },
  // Refresh tokens die after 90 days: refresh at least monthly.
  keepAliveSeconds: 2_592_000,
  // The provider's API for the proxy: https://developer.webex.com/docs/basics
  api: { baseUrl: 'https://webexapis.com/v1' },
} satisfies Partial<ProviderSpecInput>;
