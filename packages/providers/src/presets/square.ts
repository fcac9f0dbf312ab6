import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Square (payments and point of sale), code flow for a confidential client: the seller authorizes at
 * connect.squareup.com and ObtainToken takes a JSON body with the client id and secret. Access tokens last 30 days
 * and the answer states `expires_at` (a timestamp), not `expires_in`; refreshing with a client secret returns the
 * same refresh token (only the PKCE flow rotates it). Square asks apps to refresh every 7 days or less.
 */
export const square = {
  id: 'square',
  displayName: 'Square',
  type: 'oauth2',
  category: 'accounting',
  logo: 'square',
  // (read 2026-12-03)
  docs: 'https://developer.squareup.com/docs/oauth-api/overview',
  setup:
    "In the Square Developer Console open your application's OAuth page, set the redirect URL to `{publicUrl}/api/auth/square/handler/frame` and copy the Application ID and Application secret (production or sandbox; for the sandbox override the endpoints with https://connect.squareupsandbox.com).",
  // Both endpoints, ObtainToken's JSON body with client_id and client_secret, the scopes and RetrieveMerchant below:
  // Square's OpenAPI description (https://github.com/square/connect-api-specification, api.json, read 2026-12-03).
  authorizeUri: 'https://connect.squareup.com/oauth2/authorize',
  // ObtainToken (https://developer.squareup.com/reference/square/o-auth/obtain-token): JSON only.
  tokenUri: 'https://connect.squareup.com/oauth2/token',
  tokenRequestFormat: 'json',
  // MERCHANT_PROFILE_READ lets the merchant call below identify the seller.
  scopes: { default: ['MERCHANT_PROFILE_READ'], required: ['MERCHANT_PROFILE_READ'], separator: ' ' },
  clientAuthLocation: 'body',
  // "OAuth access tokens expire in 30 days" (ObtainTokenResponse); the answer has `expires_at` ("The timestamp of
  // when the access_token expires, in ISO 8601 format"), not expires_in. The lifetime stands in if it is missing.
  expiresAtField: 'expires_at',
  defaultTokenLifetimeSeconds: 30 * 24 * 3600,
  // "Square recommends that your application automatically renew OAuth access tokens every 7 days or less"
  // (https://developer.squareup.com/docs/oauth-api/refresh-revoke-limit-scope, read 2026-12-03).
  keepAliveSeconds: 7 * 24 * 3600,
  // The seller's business: https://developer.squareup.com/reference/square/objects/ObtainTokenResponse
  metadata: ['merchant_id'],
  // RetrieveMerchant with `me`: the merchant the token can access, `{merchant: {id, business_name}}`; it needs
  // MERCHANT_PROFILE_READ.
  account: {
    userInfoUri: 'https://connect.squareup.com/v2/merchants/me',
    idPath: 'merchant.id',
    displayNamePath: 'merchant.business_name',
  },
  // The provider's API for the proxy: the OpenAPI description's server, https://connect.squareup.com, with /v2 paths
  // (bearer tokens).
  api: { baseUrl: 'https://connect.squareup.com/v2' },
} satisfies Partial<ProviderSpecInput>;
