import type { ProviderSpecInput } from '@tokenvault/core';

/**
 * Gumroad: a Doorkeeper authorization server (Gumroad's source is public). Access tokens do not expire, yet a refresh
 * token is issued with them; scopes are space-separated and `view_profile` lets `/v2/user` name the seller.
 * Responses wrap their data with a `success` flag (`{"success": true, "user": {…}}`).
 */
export const gumroad = {
  id: 'gumroad',
  displayName: 'Gumroad',
  type: 'oauth2',
  category: 'e-commerce',
  logo: 'gumroad',
  // Gumroad Help, "Create an application for the API": "Sign in with Gumroad", application id and secret, "we do
  // not expire the access_token until it is revoked manually" (read 2026-12-03)
  docs: 'https://help.gumroad.com/article/280-create-application-api',
  setup:
    'Create an application under Gumroad Settings > Advanced > Applications with the redirect URI `{publicUrl}/api/auth/gumroad/handler/frame`; its application id and secret are the client id and secret.',
  // Authorize and token endpoints as in the API reference generated from Gumroad's source
  // (https://www.mintlify.com/antiwork/gumroad/api/authentication).
  authorizeUri: 'https://gumroad.com/oauth/authorize',
  tokenUri: 'https://gumroad.com/oauth/token',
  // Scope names and token lifetimes: github.com/antiwork/gumroad/blob/main/config/initializers/doorkeeper.rb
  // (`access_token_expires_in nil`, `use_refresh_token`).
  scopes: { default: ['view_profile'], required: ['view_profile'], separator: ' ' },
  clientAuthLocation: 'body',
  account: { userInfoUri: 'https://api.gumroad.com/v2/user', idPath: 'user.user_id', displayNamePath: 'user.name' },
  api: { baseUrl: 'https://api.gumroad.com/v2' },
} satisfies Partial<ProviderSpecInput>;
