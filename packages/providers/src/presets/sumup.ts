import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * SumUp (card payments for small merchants): the authorization code grant (RFC 6749 §4.1) lets a merchant grant a
 * multi-merchant app the scopes it requests; both endpoints are on api.sumup.com. Scopes beyond the basic ones
 * must be verified by SumUp before other merchants can grant them.
 */
export const sumup = {
  id: 'sumup',
  displayName: 'SumUp',
  type: 'oauth2',
  category: 'accounting',
  logo: 'sumup',
  // (read 2026-12-03)
  docs: 'https://developer.sumup.com/tools/authorization/oauth',
  setup:
    'On the SumUp Developer page create OAuth client credentials with the redirect URI `{publicUrl}/api/auth/sumup/handler/frame`; test with a SumUp test profile first.',
  authorizeUri: 'https://api.sumup.com/authorize',
  tokenUri: 'https://api.sumup.com/token',
  // user.profile_readonly lets /v0.1/me identify the merchant; the configuration adds payments, transactions.history …
  scopes: { default: ['user.profile_readonly'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // GET /v0.1/me: the merchant profile the token acts for (https://developer.sumup.com/docs/authorization).
  account: {
    userInfoUri: 'https://api.sumup.com/v0.1/me',
    idPath: 'merchant_profile.merchant_code',
    displayNamePath: 'merchant_profile.doing_business_as.business_name',
  },
  // The provider's API for the proxy: SumUp REST API, server https://api.sumup.com.
  api: { baseUrl: 'https://api.sumup.com' },
} satisfies Partial<ProviderSpecInput>;
