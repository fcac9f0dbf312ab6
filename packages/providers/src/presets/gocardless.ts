import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * GoCardless (bank payments, partner integrations): a merchant connects their GoCardless account to the partner
 * through the OAuth flow on connect.gocardless.com (the only way partners may gain access). The access token is
 * long-lived and comes without a refresh token; the answer names the merchant's `organisation_id`. Every API call
 * carries a `GoCardless-Version` header. Sandbox: connect-sandbox.gocardless.com and api-sandbox.gocardless.com.
 */
export const gocardless = {
  id: 'gocardless',
  displayName: 'GoCardless',
  type: 'oauth2',
  category: 'accounting',
  // (read 2026-12-03)
  docs: 'https://developer.gocardless.com/partners/connecting-your-users',
  setup:
    'In the GoCardless dashboard create a partner app with the redirect URL `{publicUrl}/api/auth/gocardless/handler/frame` and copy its client id and secret. For the sandbox override `authorizeUri`, `tokenUri`, `account.userInfoUri` and `api.baseUrl` with the sandbox hosts.',
  authorizeUri: 'https://connect.gocardless.com/oauth/authorize',
  tokenUri: 'https://connect.gocardless.com/oauth/access_token',
  // read_only or read_write (creating mandates and payments needs read_write).
  scopes: { default: ['read_only'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  metadata: ['organisation_id'],
  // The merchant's creditor (GET /creditors answers `{creditors: [{id, name, …}]}`).
  account: {
    userInfoUri: 'https://api.gocardless.com/creditors',
    headers: { 'GoCardless-Version': '2015-07-06' },
    idPath: 'creditors.0.id',
    displayNamePath: 'creditors.0.name',
  },
  // The provider's API for the proxy: https://api.gocardless.com, which wants the API version on every call.
  api: { baseUrl: 'https://api.gocardless.com', headers: { 'GoCardless-Version': '2015-07-06' } },
} satisfies Partial<ProviderSpecInput>;
