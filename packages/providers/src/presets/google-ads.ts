import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Ads: Google's OpenID provider with the Google Ads API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `adwords` is the Google Ads API's only scope. Every API call also needs the
 * `developer-token` header, a secret of the app's manager account: the configuration gives it as
 * `secrets.developer_token`, and the proxy sends it (it is never shown).
 */
export const googleAds = {
  ...google,
  id: 'google-ads',
  displayName: 'Google Ads',
  category: 'marketing',
  logo: 'googleads',
  // The Google Ads API's scopes (read 2026-12-03).
  docs: 'https://developers.google.com/google-ads/api/docs/oauth/overview',
  setup:
    'In Google Cloud Console enable the Google Ads API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-ads/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days. Every API call needs your developer token: set `secrets.developer_token` in the provider configuration (the proxy sends it as the `developer-token` header). When calling through a manager account, add `api.headers.login-customer-id` with the manager account id, or send that header with each call.',
  // openid, email and profile identify the account from the ID token; the Google Ads API scope is the smallest useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/adwords'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/google-ads/api/rest/overview
  // Headers (read 2026-12-03): https://developers.google.com/google-ads/api/rest/auth ("developer-token",
  // "login-customer-id" for manager accounts).
  api: { baseUrl: 'https://googleads.googleapis.com', headers: { 'developer-token': '{secrets.developer_token}' } },
} satisfies Partial<ProviderSpecInput>;
