import type { ProviderSpecInput } from '@tokenvault/core';
import { google } from './google.js';

/**
 * Google Ads: Google's OpenID provider with the Google Ads API's scopes. Everything about Google's refresh tokens
 * (offline access, consent on reconnect, death after 6 months unused, 7 days while the consent screen is in "Testing")
 * is the `google` preset's, spread here. `adwords` is the Google Ads API's only scope. Every API call also needs the
 * `developer-token` header, a secret of the app's manager account that the configuration adds under `api.headers`.
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
    'In Google Cloud Console enable the Google Ads API, add its scopes to the OAuth consent screen, and create an OAuth client ID of type "Web application" with the authorized redirect URI `{publicUrl}/api/auth/google-ads/handler/frame`. Publish the consent screen ("In production"): while it is in "Testing", refresh tokens expire after 7 days. Every API call needs your developer token: set `api.headers.developer-token` (and `login-customer-id` when calling through a manager account) in the configuration.',
  // openid, email and profile identify the account from the ID token; the Google Ads API scope is the smallest useful
  // one.
  scopes: {
    default: ['openid', 'email', 'profile', 'https://www.googleapis.com/auth/adwords'],
    required: ['openid'],
    separator: ' ',
  },
  // The provider's API for the proxy: https://developers.google.com/google-ads/api/rest/overview
  api: { baseUrl: 'https://googleads.googleapis.com' },
} satisfies Partial<ProviderSpecInput>;
