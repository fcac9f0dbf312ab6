import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Klaviyo OAuth apps: authorization code grant with PKCE required, authorized at www.klaviyo.com but with tokens only
 * at a.klaviyo.com (Klaviyo blocks token traffic through www.klaviyo.com since March 2025). The client authenticates
 * with HTTP Basic; access tokens last an hour and come with a refresh token. Every API call names an API revision in a
 * `revision` header, the userinfo call included.
 */
export const klaviyo = {
  id: 'klaviyo',
  displayName: 'Klaviyo',
  type: 'oauth2',
  category: 'marketing',
  // (read 2026-12-03)
  docs: 'https://developers.klaviyo.com/en/docs/set_up_oauth',
  setup:
    'Create an OAuth app in Klaviyo (Settings > Integrations > Manage apps; owner, admin or manager role) with the redirect URL `{publicUrl}/api/auth/klaviyo/handler/frame` and the scopes `accounts:read` plus those your app calls.',
  authorizeUri: 'https://www.klaviyo.com/oauth/authorize',
  tokenUri: 'https://a.klaviyo.com/oauth/token',
  revokeUri: 'https://a.klaviyo.com/oauth/revoke',
  // accounts:read lets GET /api/accounts/ identify the account.
  scopes: { default: ['accounts:read'], required: [], separator: ' ' },
  // The guide's token requests authenticate the client with `Authorization: Basic`.
  clientAuthLocation: 'headers',
  // https://developers.klaviyo.com/en/reference/get_accounts: the token's own Klaviyo account, first of `data`.
  account: {
    userInfoUri: 'https://a.klaviyo.com/api/accounts/',
    headers: { revision: '2024-10-15' },
    idPath: 'data.0.id',
    displayNamePath: 'data.0.attributes.contact_information.organization_name',
  },
  // The provider's API for the proxy: https://developers.klaviyo.com/en/reference/api_overview
  // Calls need a `revision` header naming the API version (a configuration may name a newer one).
  api: { baseUrl: 'https://a.klaviyo.com/api', headers: { revision: '2024-10-15' } },
} satisfies Partial<ProviderSpecInput>;
