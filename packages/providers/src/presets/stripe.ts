import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Stripe Connect OAuth (Standard accounts and extensions): a Stripe user connects their account to the platform.
 * The code is exchanged with the platform's secret key as `client_secret`; the answer names the connected account
 * (`stripe_user_id`) beside a token that does not expire. Stripe no longer recommends OAuth for new Connect
 * platforms (Connect Onboarding instead), and `read_write` cannot reach accounts another platform controls.
 */
export const stripe = {
  id: 'stripe',
  displayName: 'Stripe Connect',
  type: 'oauth2',
  category: 'accounting',
  logo: 'stripe',
  // (read 2026-12-03)
  docs: 'https://docs.stripe.com/connect/oauth-standard-accounts',
  setup:
    "In the Stripe Dashboard's Connect settings, enable OAuth, add the redirect URI `{publicUrl}/api/auth/stripe/handler/frame` and use the platform's client id (`ca_…`) as clientId and its secret key as clientSecret.",
  // Both endpoints, the token request's client_secret parameter and the scopes:
  // https://docs.stripe.com/connect/oauth-reference (read 2026-12-03).
  authorizeUri: 'https://connect.stripe.com/oauth/authorize',
  tokenUri: 'https://connect.stripe.com/oauth/token',
  // read_only or read_write.
  scopes: { default: ['read_only'], required: [], separator: ' ' },
  clientAuthLocation: 'body',
  // The connected account's id, which the platform sends as `Stripe-Account` on its own calls.
  metadata: ['stripe_user_id'],
  // GET /v1/account with the account's token describes that account (`id`, `email`): "Retrieves the details of an
  // account" in Stripe's official SDK, generated from its OpenAPI spec
  // (https://github.com/stripe/stripe-node, src/resources/Accounts.ts, read 2026-12-03).
  account: { userInfoUri: 'https://api.stripe.com/v1/account', idPath: 'id', displayNamePath: 'email' },
  // The provider's API for the proxy: https://docs.stripe.com/api (read 2026-12-03; form-encoded requests, bearer key).
  api: { baseUrl: 'https://api.stripe.com' },
} satisfies Partial<ProviderSpecInput>;
