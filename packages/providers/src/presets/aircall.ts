import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Aircall (cloud call center, support teams): OAuth for technology partners, whose client id and secret Aircall
 * issues on request. Only an Aircall admin can install an app; the one scope is `public_api`, and the access token
 * it yields is permanent (no expiry, no refresh token). Aircall may start the flow from its dashboard by sending the
 * admin to the app's install URI, which then forwards to the authorize endpoint.
 */
export const aircall = {
  id: 'aircall',
  displayName: 'Aircall',
  type: 'oauth2',
  category: 'support',
  logo: 'aircall',
  // (read 2026-12-03)
  docs: 'https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works',
  setup:
    'Ask Aircall (marketplace@aircall.io) for OAuth credentials, giving `{publicUrl}/api/auth/aircall/handler/frame` as the redirect URI (https only) and your own page as the install URI; an Aircall admin connects the account.',
  // The consent page with response_type=code and scope=public_api, and "a permanent access_token":
  // https://developer.aircall.io/tutorials/how-aircall-oauth-flow-works (read 2026-12-03).
  authorizeUri: 'https://dashboard.aircall.io/oauth/authorize',
  // The code exchange is a JSON POST carrying client_id and client_secret, as Aircall's example app does it
  // (https://github.com/aircall/partner-example-app, services/aircall_client.rb, read 2026-12-03).
  tokenUri: 'https://api.aircall.io/v1/oauth/token',
  tokenRequestFormat: 'json',
  // "The value must be public_api".
  scopes: { default: ['public_api'], required: ['public_api'], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // GET /v1/integrations/me ("Retrieve an Integration" in https://developer.aircall.io/api-references/) describes the
  // installation; the account is its company, `integration.company_id`. Not confirmed from Aircall's documentation:
  // the Integration section of its reference was not readable here, and `integration.id`/`name` (the earlier
  // value) were from other code.
  account: { userInfoUri: 'https://api.aircall.io/v1/integrations/me', idPath: 'integration.company_id' },
  // The provider's API for the proxy: Aircall Public API v1, whose root is https://api.aircall.io/v1
  // (https://developer.aircall.io/api-references/, read 2026-12-03).
  api: { baseUrl: 'https://api.aircall.io/v1' },
} satisfies Partial<ProviderSpecInput>;
