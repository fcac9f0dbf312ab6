import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Mollie Connect (payments, Europe): a merchant grants a platform's app access to their Mollie organization on a
 * hosted consent screen. `state` and `scope` are required on the authorize request; tokens are generated at
 * `/oauth2/tokens` with the app's client id and secret as HTTP Basic credentials. Revoking a refresh token revokes
 * every access token of the same authorization.
 */
export const mollie = {
  id: 'mollie',
  displayName: 'Mollie',
  type: 'oauth2',
  category: 'accounting',
  // (read 2026-12-03)
  docs: 'https://docs.mollie.com/docs/authentication-via-oauth',
  setup:
    'In the Mollie Dashboard go to Developers > Your apps, create an application with the redirect URI `{publicUrl}/api/auth/mollie/handler/frame` and copy its client id (app_…) and secret. Add the scopes your app calls (payments.read …) in the configuration.',
  // https://docs.mollie.com/reference/authorize-endpoint
  authorizeUri: 'https://my.mollie.com/oauth2/authorize',
  tokenUri: 'https://api.mollie.com/oauth2/tokens',
  // organizations.read lets the current-organization call below identify the account.
  scopes: { default: ['organizations.read'], required: ['organizations.read'], separator: ' ' },
  // "Basic Auth: Base64-encoded string using the OAuth client ID and client secret … used to generate and revoke
  // tokens" (https://docs.mollie.com/reference/authentication).
  clientAuthLocation: 'headers',
  // Get current organization (https://docs.mollie.com/reference/get-current-organization).
  account: { userInfoUri: 'https://api.mollie.com/v2/organizations/me', idPath: 'id', displayNamePath: 'name' },
  // The provider's API for the proxy: https://docs.mollie.com/reference/authentication (bearer tokens on api.mollie.com).
  api: { baseUrl: 'https://api.mollie.com' },
} satisfies Partial<ProviderSpecInput>;
