import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * HubSpot: OAuth 2.0 granting access to one HubSpot account (portal) per authorization, through the v3 token
 * endpoint (v1 is deprecated from 16 February 2027). Access tokens last 30 minutes; the refresh token is long-lived.
 * The `oauth` scope is mandatory. The account is the portal (`portalId`), read from the account-information API,
 * which has no display name field.
 */
export const hubspot = {
  id: 'hubspot',
  displayName: 'HubSpot',
  type: 'oauth2',
  category: 'crm',
  logo: 'hubspot',
  docs: 'https://developers.hubspot.com/docs/api-reference/auth-oauth-v3/guide',
  setup:
    'Create an app in your HubSpot developer account with the redirect URL `{publicUrl}/api/auth/hubspot/handler/frame` and the `oauth` scope plus those your app calls; a Super Admin of each HubSpot account installs it.',
  authorizeUri: 'https://app.hubspot.com/oauth/authorize',
  // The v3 endpoint takes every parameter in the body, unlike v1's query parameters.
  tokenUri: 'https://api.hubapi.com/oauth/v3/token',
  scopes: { default: ['oauth'], required: ['oauth'], separator: ' ' },
  // HubSpot documents client_id and client_secret as form parameters of the token request.
  clientAuthLocation: 'body',
  // developers.hubspot.com/docs/api-reference/latest/account/account-information/get-account-details (scope `oauth`).
  account: { userInfoUri: 'https://api.hubapi.com/account-info/2026-03/details', idPath: 'portalId' },
  // The provider's API for the proxy: https://developers.hubspot.com/docs/apps/legacy-apps/authentication/intro-to-auth
  // (read 2026-12-03): `https://api.hubapi.com/…` with the OAuth token in `Authorization: Bearer`.
  api: { baseUrl: 'https://api.hubapi.com' },
} satisfies Partial<ProviderSpecInput>;
