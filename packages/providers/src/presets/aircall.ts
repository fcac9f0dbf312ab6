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
  authorizeUri: 'https://dashboard.aircall.io/oauth/authorize',
  tokenUri: 'https://api.aircall.io/v1/oauth/token',
  // The code exchange is a JSON POST.
  tokenRequestFormat: 'json',
  // "The value must be public_api".
  scopes: { default: ['public_api'], required: ['public_api'], separator: ' ' },
  clientAuthLocation: 'body',
  noRefreshToken: true,
  // GET /v1/integrations/me describes the installed integration: `{integration: {id, name, …}}`.
  account: {
    userInfoUri: 'https://api.aircall.io/v1/integrations/me',
    idPath: 'integration.id',
    displayNamePath: 'integration.name',
  },
  // The provider's API for the proxy: Aircall Public API v1.
  api: { baseUrl: 'https://api.aircall.io/v1' },
} satisfies Partial<ProviderSpecInput>;
