import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Login with Amazon: authorization code grant at www.amazon.com/ap/oa, tokens at api.amazon.com/auth/o2/token.
 * Access tokens last one hour and come with a refresh token; scopes are `profile`, `profile:user_id` and
 * `postal_code`, space-separated, and `/user/profile` answers with the customer's `user_id` and `name`.
 * The Selling Partner API authorizes through Seller Central instead and is not covered by this preset.
 */
export const amazon = {
  id: 'amazon',
  displayName: 'Login with Amazon',
  type: 'oauth2',
  category: 'identity',
  // "Authorization Code Grant": (read 2026-12-03)
  docs: 'https://developer.amazon.com/docs/login-with-amazon/authorization-code-grant.html',
  setup:
    "Create a security profile in the Amazon Developer Console (Login with Amazon), then under its Web Settings add `{publicUrl}/api/auth/amazon/handler/frame` to Allowed Return URLs; the client id and secret are the security profile's.",
  authorizeUri: 'https://www.amazon.com/ap/oa',
  tokenUri: 'https://api.amazon.com/auth/o2/token',
  scopes: { default: ['profile'], required: ['profile'], separator: ' ' },
  clientAuthLocation: 'body',
  // https://developer.amazon.com/docs/login-with-amazon/obtain-customer-profile.html
  account: { userInfoUri: 'https://api.amazon.com/user/profile', idPath: 'user_id', displayNamePath: 'name' },
  // No `api`: Login with Amazon tokens read the customer profile only.
} satisfies Partial<ProviderSpecInput>;
